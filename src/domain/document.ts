import { z } from 'zod';
import { CASE_REFERENCE } from './case.js';

/**
 * What a case document may be called where it leaves the system. Folders are named by case
 * reference only; file names are chosen by the code that makes the document and must not carry a
 * child's name (they are checked for shape here; content is the caller's duty).
 */
export const caseReferenceSchema = z.string().regex(CASE_REFERENCE, 'is a case reference such as BRI-2026-0042');

export const documentFileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._()-]*\.[A-Za-z0-9]{1,8}$/, 'is a file name such as BRI-2026-0042 formulation v2.docx')
  .refine((n) => !n.includes('..'), 'must not contain ".."');

/** Throws when a folder or file name could escape its folder or break a URL. */
export function assertLibraryNames(caseReference: string, fileName?: string): void {
  caseReferenceSchema.parse(caseReference);
  if (fileName !== undefined) documentFileNameSchema.parse(fileName);
}

/** The largest document the service keeps; SharePoint takes far more, but a case document never needs it. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;
