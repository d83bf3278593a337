import { TextRun } from 'docx';
import { notFound } from '../domain/errors.js';
import type { Formulation } from '../domain/formulation.js';
import { type Meeting, meetingDate } from '../domain/meeting.js';
import { trmLabel } from '../domain/service.js';
import { inPlacementOrder, movement } from '../domain/trm.js';
import { MEETING_KIND_LABELS } from '../contract/words.js';
import { type CaseDocumentFile, type CaseDossier, DOCX_TYPE } from './dossier.js';
import { fileNameOf, versionLabel } from './names.js';
import { planAtReview } from './planAtReview.js';
import { participants, trmMovementWords } from './reportParts.js';
import { handlingNote } from './signOff.js';
import { type Block, facts, heading, packWord, para, prose, table, title } from './word.js';
import { formatDate, withoutChildName } from './wording.js';

/**
 * What a review meeting decided: progress on each action of the plan, the plan before and after,
 * the new TRM placement, the re-plan and the date of the next review. One record per meeting, named by its date.
 */
/** The plan the meeting reviewed: the newest formulation approved before its outcome was recorded. */
function planReviewed(d: CaseDossier, m: Meeting): Formulation | null {
  const recordedAt = m.outcome?.recordedAt ?? m.startsAt;
  const approved = d.formulations.filter((f) => f.approvedAt && f.approvedAt <= recordedAt);
  return approved.at(-1) ?? d.formulations.at(-1) ?? null;
}

export function heldReview(d: CaseDossier, meetingId: string): Meeting & { outcome: NonNullable<Meeting['outcome']> } {
  const m = d.meetings.find((x) => x.id === meetingId);
  if (!m) throw notFound('That meeting');
  if (m.status !== 'held' || !m.outcome) throw notFound('A recorded outcome for that meeting');
  return m as Meeting & { outcome: NonNullable<Meeting['outcome']> };
}

export async function reviewRecord(d: CaseDossier, meetingId: string): Promise<CaseDocumentFile> {
  const m = heldReview(d, meetingId);
  const plain = (t: string) => withoutChildName(t, d.case.childName, d.case.childDateOfBirth);
  const settings = d.service.settings;
  const held = meetingDate(m);
  const plan = planReviewed(d, m);
  const placements = inPlacementOrder(d.placements);
  const atMeeting = placements.filter((p) => p.meetingId === m.id).at(-1) ?? placements.filter((p) => p.effectiveDate === held).at(-1) ?? null;
  const before = atMeeting ? placements.filter((p) => p !== atMeeting && p.effectiveDate <= atMeeting.effectiveDate).at(-1) : null;

  const children: Block[] = [
    title(m.kind === 'review' ? 'Review record' : `${MEETING_KIND_LABELS[m.kind]} record`),
    facts([
      ['Case reference', d.case.reference],
      ['Service', d.service.name],
      ['Meeting', `${MEETING_KIND_LABELS[m.kind]}, held on ${formatDate(held)}`],
      ['Plan reviewed', plan ? `Formulation ${versionLabel(plan)}` : 'No formulation recorded'],
      ['Next review', m.outcome.nextReviewDue ? formatDate(m.outcome.nextReviewDue) : 'None set'],
    ]),
    heading('What the meeting noted'),
    ...prose(plain(m.outcome.summary)),
    ...planAtReview(m, plan, plain),
    heading('TRM placement'),
    ...(atMeeting
      ? [
          para(
            new TextRun({ text: `Level ${atMeeting.level}: ${trmLabel(settings, atMeeting.level)}`, bold: true }),
            ` — ${trmMovementWords(movement(before?.level ?? null, atMeeting.level))}${before ? ` (was level ${before.level})` : ''}.`,
          ),
          ...prose(plain(atMeeting.rationale)),
        ]
      : [para('No new placement was recorded at this meeting.')]),
    heading('Re-plan'),
    ...prose(plain(m.outcome.replan), 'No change to the plan.'),
    heading('Next review'),
    para(m.outcome.nextReviewDue ? `The next review is due by ${formatDate(m.outcome.nextReviewDue)}.` : 'No next review was set.'),
    heading('Who took part'),
    table(
      ['Name', 'Agency', 'Part in the case', 'At the meeting'],
      participants(d, m).map((p) => [p.name, p.agency, p.part, p.attended]),
      [28, 24, 26, 22],
    ),
    para(`Recorded on ${formatDate(m.outcome.recordedAt)}. This record is generated from the case record in ECM for Teams.`),
    heading('Handling'),
    ...handlingNote(),
  ];
  const content = await packWord({ reference: d.case.reference, documentTitle: 'Review record', sections: [{ children }] });
  return { fileName: fileNameOf.reviewRecord(d.case.reference, held), contentType: DOCX_TYPE, content };
}
