import { TextRun } from 'docx';
import type { IdentifiedCase } from '../domain/case.js';
import { SUMMARY_SECTIONS, type SummaryKind, type SummarySections } from '../domain/summary.js';
import { type CaseDocumentFile, DOCX_TYPE } from './dossier.js';
import { SUMMARY_DOCUMENTS } from './summaryNames.js';
import { handlingNote } from './signOff.js';
import { type Block, facts, heading, packWord, para, prose, title } from './word.js';
import { formatDate, withoutChildName } from './wording.js';

/** A summary's wording made into its Word file (see summaryNames.ts for what each kind is). */
export interface SummaryWording {
  sections: SummarySections;
  formulationNumber: number;
  /** The approval this wording carries, or null for a draft. */
  approval: { number: number; approvedByName: string; approvedAt: string } | null;
}

export async function summaryDocument(
  c: Pick<IdentifiedCase, 'reference' | 'childName' | 'childDateOfBirth'>,
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
