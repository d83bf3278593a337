import { z } from 'zod';
import { formatCaseReference } from './case.js';
import { serviceIdSchema } from './service.js';
import { staffIdSchema } from './staff.js';
import { plainText } from './text.js';

/**
 * Moving a case to another service (issue 14 §4): the service to move it to, who holds it there
 * (omitted: the person moving it, when they may hold a case in that service), and why.
 */
export const transferSchema = z
  .object({
    toServiceId: serviceIdSchema,
    caseHolderId: staffIdSchema.optional(),
    reason: plainText(500).optional(),
  })
  .strict();
export type TransferRequest = z.infer<typeof transferSchema>;

/**
 * A reference names the service that holds the case (BRI-2026-0042), so a moved case takes the new
 * service's: the same year of referral, the next number of the new service's sequence for it. The
 * old one is never given to another case (the counter only goes up) and still leads to this case.
 */
export function referenceAfterTransfer(fromReference: string, toServiceId: string, nextNumber: number): string {
  return formatCaseReference(toServiceId, referralYearOf(fromReference), nextNumber);
}

export const referralYearOf = (reference: string): number => Number(reference.split('-')[1]);

/** Files are named by reference ("BRI-2026-0042_timeline.svg"): in the new library they carry the new one. */
export function fileNameAfterTransfer(fileName: string, fromReference: string, toReference: string): string {
  return fileName.startsWith(fromReference) ? `${toReference}${fileName.slice(fromReference.length)}` : fileName;
}
