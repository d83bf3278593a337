import { TextRun } from 'docx';
import type { Case } from '../domain/case.js';
import { SUMMARY_SECTIONS, type SummaryKind, type SummarySections } from '../domain/summary.js';
import type { DocumentType } from '../ports/documentLibrary.js';
import { type CaseDocumentFile, DOCX_TYPE } from './dossier.js';
import { fileNameOf } from './names.js';
import { handlingNote } from './signOff.js';
import { type Block, facts, heading, packWord, para, prose, title } from './word.js';
import { formatDate, withoutChildName } from './wording.js';

/**
 * A summary for readers outside the case team, in the psychologist's approved wording: for a court
 * or youth panel (what the plan is and why, without the clinical hypotheses), or for adult services
 * at 18 (what the formulation found and how to work with the young person). Like every case
 * document it names the young person by case reference only.
 */
export const SUMMARY_DOCUMENTS: Record<SummaryKind, { title: string; documentType: DocumentType; fileName: (reference: string) => string; purpose: string }> = {
  court: {
    title: 'Summary for the court',
    documentType: 'court_summary',
    fileName: fileNameOf.courtSummary,
    purpose:
      'This summary tells the court or youth panel that the young person is working with the service under Enhanced Case Management, what the plan is, what it asks of the young person and of the adults around them, and why it starts with relationships. It is drawn from the case team’s approved formulation, without its clinical detail.',
  },
  adult_handover: {
    title: 'Handover summary for adult services',
    documentType: 'adult_handover_summary',
    fileName: fileNameOf.adultHandoverSummary,
    purpose:
      'This summary hands over to adult services (probation, the Personal Adviser and others) what the youth justice team learned about working well with the young person: what the formulation found, what works, what triggers difficulty, whom they trust and what to avoid.',
  },
};

export interface SummaryWording {
  sections: SummarySections;
  formulationNumber: number;
  /** The approval this wording carries, or null for a draft. */
  approval: { number: number; approvedByName: string; approvedAt: string } | null;
}

export async function summaryDocument(
  c: Pick<Case, 'reference' | 'childName' | 'childDateOfBirth'>,
  serviceName: string,
  kind: SummaryKind,
  w: SummaryWording,
): Promise<CaseDocumentFile> {
  const doc = SUMMARY_DOCUMENTS[kind];
  // The wording is approved without a name; a name typed in anyway still stays out of the file.
  const plain = (t: string) => withoutChildName(t, c.childName, c.childDateOfBirth);
  const a = w.approval;
  const children: Block[] = [
    title(doc.title),
    facts([
      ['Case reference', c.reference],
      ['Service', serviceName],
      ['Drawn from', `Formulation v${w.formulationNumber}`],
      ['Version', a ? `v${a.number}` : 'Draft, not yet approved'],
      ['Approved', a ? `${formatDate(a.approvedAt.slice(0, 10))} by ${a.approvedByName}, clinical psychologist` : 'Not yet approved'],
    ]),
    para(new TextRun({ text: 'Purpose. ', bold: true }), doc.purpose),
    ...SUMMARY_SECTIONS[kind].flatMap((s) => [heading(s.heading), ...prose(plain(w.sections[s.key] ?? ''))]),
    heading('Handling'),
    ...handlingNote(),
  ];
  const content = await packWord({ reference: c.reference, documentTitle: doc.title, sections: [{ children }] });
  return { fileName: doc.fileName(c.reference), contentType: DOCX_TYPE, content };
}
