import type { IsoDate } from '../domain/dates.js';
import type { Formulation } from '../domain/formulation.js';
import type { RecordAtApproval } from '../domain/recordAtApproval.js';

/**
 * Everything the case documents are made from, read once from the record: the case, its service,
 * the entries that stand (in life order), placements, team and meetings, as kept at an approval or
 * as they stand today. Documents are generated from it by pure functions, so what is published is
 * what the record says, never typed twice.
 */
export interface CaseDossier extends Omit<RecordAtApproval, 'caseId' | 'formulationNumber' | 'approvedAt'> {
  /** Every version, oldest first. */
  formulations: Formulation[];
  /** The day the record is shown as at: today, or the day of approval for an approved version. */
  today: IsoDate;
  /**
   * Set when this is the record kept at a version's approval (see domain/recordAtApproval.ts):
   * the documents of that version then say what was approved, on any later day.
   */
  approval?: { formulationNumber: number; approvedAt: string } | undefined;
}

/** A Word or picture file, named by case reference, ready to download or publish. */
export interface CaseDocumentFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const SVG_TYPE = 'image/svg+xml';

/** Turns the timeline picture into a PNG for Word versions that cannot show SVG (see ports/pictureRasteriser). */
export type Rasterise = (svg: string, widthPx: number) => Uint8Array;
