import { Paragraph, TextRun } from 'docx';
import type { Formulation } from '../domain/formulation.js';
import { versionLabel } from './names.js';
import { type Block, para, table } from './word.js';
import { formatDate } from './wording.js';

/**
 * What makes the report a document a psychologist can sign and a manager can file: what it is for
 * and what it is not, who approved it and where they sign, and how to handle it.
 */
export const purposeAndLimits = (): Block[] => [
  para(
    new TextRun({ text: 'Purpose. ', bold: true }),
    'This report sets out the case team’s shared understanding of the young person’s life and needs, and a plan of help in the order it should be offered. It is for the professionals working with the young person.',
  ),
  para(
    new TextRun({ text: 'Limits. ', bold: true }),
    'A formulation is a set of working hypotheses drawn from what the agencies shared, not a diagnosis, a risk assessment or a finding of fact. It is only as complete as that information, and the team revises it at each review. Read it with the chronology it cites.',
  ),
];

const BLANK = '____________________________';

/** The approver's name and date from the record; their registration and signature are written by hand. */
export function signOff(f: Formulation): Block[] {
  const approved = f.status === 'approved' && f.approvedAt;
  return [
    para(
      approved
        ? `Version ${versionLabel(f)} was approved in ECM for Teams by the psychologist named below. Sign here when a signed copy is needed.`
        : 'This is a draft: it is signed only once a psychologist has approved it in ECM for Teams.',
    ),
    table(
      ['Sign-off', 'Detail'],
      [
        ['Name', approved ? (f.approvedByName ?? f.approvedBy ?? BLANK) : BLANK],
        ['Role', 'Clinical psychologist'],
        ['Professional registration (HCPC number)', BLANK],
        ['Date approved', approved ? formatDate(f.approvedAt as string) : 'Not yet approved'],
        ['Signature', BLANK],
      ],
      [35, 65],
    ),
  ];
}

export const handlingNote = (): Block[] => [
  new Paragraph({
    children: [
      new TextRun({ text: 'OFFICIAL-SENSITIVE. ', bold: true }),
      new TextRun(
        'About a child in the youth justice system. Share only with the professionals working with this young person, under the information-sharing terms of the case. Keep it in the service’s case library; do not email, print or copy it elsewhere unless your agency’s duties require it. Outside the case record, name the young person by case reference only. Kept until the retain-until date on the file, then deleted.',
      ),
    ],
  }),
];
