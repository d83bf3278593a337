import { BorderStyle, Paragraph, TextRun } from 'docx';
import { meetingDate } from '../domain/meeting.js';
import { plainTrm } from '../domain/plainWords.js';
import type { TeamMember } from '../domain/team.js';
import { inPlacementOrder } from '../domain/trm.js';
import { type CaseDocumentFile, type CaseDossier, DOCX_TYPE } from './dossier.js';
import { fileNameOf, formulationFor } from './names.js';
import { nextReviewOf } from './nextMeeting.js';
import { type Block, bullet, heading, packWord, para, prose, title } from './word.js';
import { addressedToYou, formatDate, formatDayDate } from './wording.js';

/**
 * The young person's own version: it speaks to them ("you"), in plain words and large type, in
 * short sections, and starts with what they are good at. It uses only the youth-friendly text the
 * psychologist wrote beside each section, never the professional text, and no name: the reference
 * in the header is enough for the file, and the young person knows who they are. Where they are now,
 * when the team meets again and who is helping come from the record on the day it is made, so the
 * copy made after a review says what that review decided.
 */
export interface YouthFriendlyOptions {
  formulationNumber?: number;
}

const NOT_WRITTEN = 'Your worker will go through this part with you.';

/** Each person helping, said in plain words rather than by their service's name. */
function plainPart(m: Pick<TeamMember, 'agency' | 'caseRole'>): string {
  if (m.caseRole === 'case_holder') return 'your main worker';
  if (m.caseRole === 'psychologist') return 'helps the team understand what you need';
  if (m.caseRole === 'ecm_practitioner') return 'helps everyone work together for you';
  const byAgency: Record<TeamMember['agency'], string> = {
    youth_justice: 'a youth justice worker',
    ecm_team: 'helps everyone work together for you',
    social_care: 'your social worker',
    education: 'from your school or college',
    police: 'a police officer who works with young people',
    health: 'a health worker',
    mentoring: 'your mentor',
    youth_club: 'from the youth club',
    probation: 'will help you after you turn 18',
    personal_adviser: 'helps you plan for being an adult',
    adult_mental_health: 'a mental health worker for adults',
    adult_social_care: 'a social worker for adults',
    young_person_or_family: 'your family',
    other: 'is helping you',
  };
  return byAgency[m.agency];
}

const writingLine = () =>
  new Paragraph({
    children: [new TextRun('')],
    spacing: { before: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '6B7280', space: 4 } },
  });

export async function youthFriendlyFormulation(d: CaseDossier, o: YouthFriendlyOptions = {}): Promise<CaseDocumentFile> {
  const f = formulationFor(d, o.formulationNumber);
  const yf = f.content.youthFriendly;
  // Written to "you"; a name typed into the text anyway still stays out of the published file.
  const plain = (t: string) => addressedToYou(t, d.case.childName, d.case.childDateOfBirth);
  const current = inPlacementOrder(d.placements).at(-1);
  const next = nextReviewOf(d);
  const helpers = d.team.filter((m) => m.caseRole !== 'manager');
  const since = f.approvedAt ? f.approvedAt.slice(0, 10) : null;
  const lastReview = d.meetings
    .filter((m) => m.kind === 'review' && m.status === 'held' && since !== null && meetingDate(m) >= since)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .at(-1);

  const children: Block[] = [
    title('About you: what we have understood together'),
    para(
      new TextRun({ text: `Made on ${formatDate(d.today)}. Version ${f.number}`, bold: true }),
      lastReview ? `, with what your meeting on ${formatDate(meetingDate(lastReview))} decided.` : '.',
    ),
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
    ...(next
      ? [
          heading('When we meet again', 2),
          para(next.booked ? `We will meet again on ${formatDayDate(next.date)}.` : `We plan to meet again by ${formatDayDate(next.date)}.`),
        ]
      : []),
    heading('Who is helping you'),
    ...(helpers.length ? helpers.map((m) => bullet(new TextRun({ text: m.name, bold: true }), `: ${plainPart(m)}`)) : [para(NOT_WRITTEN)]),
    heading('What you think'),
    para('Write or draw what you think here. Or tell your worker, and they will write it down in your words.'),
    writingLine(),
    writingLine(),
    writingLine(),
    writingLine(),
    new Paragraph({ children: [new TextRun({ text: 'You can ask for a copy of this at any time.', italics: true })] }),
  ];

  const content = await packWord({ reference: d.case.reference, documentTitle: 'About you', sections: [{ children }], largeType: true });
  return { fileName: fileNameOf.youthFriendlyFormulation(d.case.reference), contentType: DOCX_TYPE, content };
}
