import type { Case } from '../domain/case.js';
import type { IsoDate } from '../domain/dates.js';
import type { Formulation } from '../domain/formulation.js';
import type { Meeting } from '../domain/meeting.js';
import type { Service } from '../domain/service.js';
import type { TeamMember } from '../domain/team.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { TrmPlacement } from '../domain/trm.js';

/**
 * Everything the case documents are made from, read once from the record. Documents are generated
 * from it by pure functions, so what is published is what the record says, never typed twice.
 */
export interface CaseDossier {
  case: Pick<Case, 'id' | 'reference' | 'serviceId' | 'pathway' | 'status' | 'childName' | 'childDateOfBirth' | 'referredAt' | 'closedAt'>;
  service: Pick<Service, 'id' | 'name' | 'settings'>;
  /** Entries that stand (not retracted), in life order. */
  timeline: TimelineEntry[];
  /** Every version, oldest first. */
  formulations: Formulation[];
  placements: TrmPlacement[];
  team: TeamMember[];
  meetings: Meeting[];
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
