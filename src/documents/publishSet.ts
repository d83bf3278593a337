import type { IsoDate } from '../domain/dates.js';
import { meetingDate } from '../domain/meeting.js';
import { retainUntil } from '../domain/retention.js';
import type { DocumentMetadata } from '../ports/documentLibrary.js';
import { type CaseDocumentFile, type CaseDossier, type Rasterise, SVG_TYPE } from './dossier.js';
import { formulationReport } from './formulationReport.js';
import { fileNameOf, formulationFor, versionLabel } from './names.js';
import { nextReviewOf } from './nextMeeting.js';
import { heldReview, reviewRecord } from './reviewRecord.js';
import { timelinePicture } from './timelinePicture.js';
import { youthFriendlyFormulation } from './youthFriendlyFormulation.js';

/**
 * What goes to the case's folder in its service's library, and with which metadata, when a
 * formulation is approved or a review's outcome is recorded. The publisher only has to put each
 * file through the DocumentLibrary port; file names stay the same across versions, so a second
 * publication is a new version of the same file.
 */
export type PublishTrigger = { kind: 'formulation.approved'; formulationNumber: number } | { kind: 'review.recorded'; meetingId: string };

export interface PreparedDocument extends CaseDocumentFile {
  metadata: DocumentMetadata;
}

/**
 * `live` is the record as it stands; `ofVersion`, for an approval, the record kept at that approval.
 * The report and the picture of an approved version say what was approved; the young person's copy
 * is made again after each review, so its next meeting and where they are now are the record's.
 */
export async function documentsToPublish(
  live: CaseDossier,
  trigger: PublishTrigger,
  rasterise: Rasterise,
  ofVersion: CaseDossier = live,
): Promise<PreparedDocument[]> {
  const d = live;
  const keepUntil = retainUntil(d.case, d.service.settings.retention);
  const meta = (documentType: DocumentMetadata['documentType'], version: string, reviewDate: IsoDate | null): DocumentMetadata => ({
    caseReference: d.case.reference,
    documentType,
    version,
    reviewDate,
    retainUntil: keepUntil,
  });
  // The review the case is heading for, from the record: a booked meeting, the date agreed, or the cadence.
  const reviewDate = nextReviewOf(d)?.date ?? null;
  const youthFriendly = async (f: { number: number }) => ({
    ...(await youthFriendlyFormulation(d, { formulationNumber: f.number })),
    metadata: meta('youth_friendly_formulation', versionLabel(f), reviewDate),
  });

  if (trigger.kind === 'formulation.approved') {
    const f = formulationFor(ofVersion, trigger.formulationNumber);
    const version = versionLabel(f);
    const picture = timelinePicture({
      reference: ofVersion.case.reference,
      dateOfBirth: ofVersion.case.childDateOfBirth,
      today: ofVersion.today,
      settings: ofVersion.service.settings,
      timeline: ofVersion.timeline,
      asAtApproval: ofVersion.approval !== undefined,
    });
    return [
      { ...(await formulationReport(ofVersion, { formulationNumber: f.number, rasterise })), metadata: meta('formulation_report', version, reviewDate) },
      await youthFriendly(f),
      {
        fileName: fileNameOf.timelinePicture(d.case.reference),
        contentType: SVG_TYPE,
        content: new TextEncoder().encode(picture.svg),
        metadata: meta('timeline_picture', version, reviewDate),
      },
    ];
  }

  const m = heldReview(d, trigger.meetingId);
  const ordinal = d.meetings.filter((x) => x.kind === m.kind && x.status === 'held' && meetingDate(x) <= meetingDate(m)).length;
  const record = { ...(await reviewRecord(d, m.id)), metadata: meta('review_record', `${m.kind} ${ordinal}`, m.outcome.nextReviewDue) };
  // After a review the young person's copy says what it decided: where they are now, when they meet again.
  const approved = d.formulations.filter((f) => f.approvedAt).at(-1);
  return approved && m.kind === 'review' ? [record, await youthFriendly(approved)] : [record];
}
