import { Paragraph, TextRun } from 'docx';
import { reviewWindow } from '../domain/reviewCadence.js';
import { AGENCY_LABELS } from '../contract/words.js';
import { inPlacementOrder } from '../domain/trm.js';
import { type CaseDocumentFile, type CaseDossier, DOCX_TYPE } from './dossier.js';
import { fileNameOf, formulationFor } from './names.js';
import { plainTrm } from './plainWords.js';
import { type Block, bullet, heading, packWord, para, prose, title } from './word.js';
import { formatDayDate, withoutChildName } from './wording.js';

/**
 * The young person's own version: it speaks to them ("you"), in plain words and large type, in
 * short sections, and starts with what they are good at. It uses only the youth-friendly text the
 * psychologist wrote beside each section, never the professional text, and no name: the reference
 * in the header is enough for the file, and the young person knows who they are.
 */
export interface YouthFriendlyOptions {
  formulationNumber?: number;
}

const NOT_WRITTEN = 'Your worker will go through this part with you.';

export async function youthFriendlyFormulation(d: CaseDossier, o: YouthFriendlyOptions = {}): Promise<CaseDocumentFile> {
  const f = formulationFor(d, o.formulationNumber);
  const yf = f.content.youthFriendly;
  // Addressed to "you"; a name typed into the text still stays out of the published file.
  const plain = (t: string) =>
    withoutChildName(t, d.case.childName)
      .replace(/\bthe young person\b/g, 'you')
      .replace(/\bThe young person\b/g, 'You');
  const current = inPlacementOrder(d.placements).at(-1);
  const nextMeeting = f.approvedAt ? reviewWindow(f.approvedAt.slice(0, 10), d.service.settings.reviewCadence).due : null;
  const helpers = d.team.filter((m) => m.caseRole !== 'manager');

  const children: Block[] = [
    title('About you: what we have understood together'),
    para('This is written for you. It is short on purpose. If something here feels wrong, or you want to change it, tell your worker. It is your story.'),
    heading('What you are good at'),
    ...prose(plain(yf.strengths), NOT_WRITTEN),
    heading('Your story so far'),
    ...prose(plain(yf.summary), NOT_WRITTEN),
    heading('What we think is going on'),
    ...prose(plain(yf.hypotheses), NOT_WRITTEN),
    heading('What could help you'),
    ...prose(plain(yf.needs), NOT_WRITTEN),
    heading('What happens next'),
    ...prose(plain(yf.recommendations), NOT_WRITTEN),
    ...(current ? [heading('Where you are now', 2), para(plainTrm(current.level))] : []),
    ...(nextMeeting ? [heading('When we meet again', 2), para(`We plan to meet again to see how things are going by ${formatDayDate(nextMeeting)}.`)] : []),
    heading('Who is helping you'),
    ...(helpers.length ? helpers.map((m) => bullet(new TextRun({ text: m.name, bold: true }), ` (${AGENCY_LABELS[m.agency]})`)) : [para(NOT_WRITTEN)]),
    new Paragraph({ children: [new TextRun({ text: 'You can ask for a copy of this at any time.', italics: true })] }),
  ];

  const content = await packWord({ reference: d.case.reference, documentTitle: 'About you', sections: [{ children }], largeType: true });
  return { fileName: fileNameOf.youthFriendlyFormulation(d.case.reference), contentType: DOCX_TYPE, content };
}
