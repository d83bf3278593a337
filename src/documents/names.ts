import { notFound } from '../domain/errors.js';
import type { Formulation } from '../domain/formulation.js';
import type { CaseDossier } from './dossier.js';

/**
 * File names carry the case reference and the kind of document, never the child's name. A file
 * keeps its name across versions of the formulation, so publishing again makes a new version of
 * the same file in the library rather than a second file.
 */
export const fileNameOf = {
  formulationReport: (reference: string) => `${reference}_formulation-report.docx`,
  youthFriendlyFormulation: (reference: string) => `${reference}_youth-friendly-formulation.docx`,
  timelinePicture: (reference: string) => `${reference}_timeline.svg`,
  reviewRecord: (reference: string, meetingDate: string) => `${reference}_review-record_${meetingDate}.docx`,
  courtSummary: (reference: string) => `${reference}_court-summary.docx`,
  adultHandoverSummary: (reference: string) => `${reference}_adult-handover-summary.docx`,
};

/** Version `number`, or the newest approved one, or the newest draft when none is approved yet. */
export function formulationFor(d: CaseDossier, number?: number): Formulation {
  const all = d.formulations;
  const found = number !== undefined ? all.find((f) => f.number === number) : ([...all].reverse().find((f) => f.status === 'approved') ?? all[all.length - 1]);
  if (!found) throw notFound(number === undefined ? 'A formulation for this case' : `Version ${number} of the formulation`);
  return found;
}

export const versionLabel = (f: Pick<Formulation, 'number'>) => `v${f.number}`;
