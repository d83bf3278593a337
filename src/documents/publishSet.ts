import type { IsoDate } from '../domain/dates.js';
import { meetingDate } from '../domain/meeting.js';
import { retainUntil } from '../domain/retention.js';
import { reviewWindow } from '../domain/reviewCadence.js';
import type { DocumentMetadata } from '../ports/documentLibrary.js';
import { type CaseDocumentFile, type CaseDossier, type Rasterise, SVG_TYPE } from './dossier.js';
import { formulationReport } from './formulationReport.js';
import { fileNameOf, formulationFor, versionLabel } from './names.js';
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

export async function documentsToPublish(d: CaseDossier, trigger: PublishTrigger, rasterise: Rasterise): Promise<PreparedDocument[]> {
  const keepUntil = retainUntil(d.case, d.service.settings.retention);
  const meta = (documentType: DocumentMetadata['documentType'], version: string, reviewDate: IsoDate | null): DocumentMetadata => ({
    caseReference: d.case.reference,
    documentType,
    version,
    reviewDate,
    retainUntil: keepUntil,
  });

  if (trigger.kind === 'formulation.approved') {
    const f = formulationFor(d, trigger.formulationNumber);
    const version = versionLabel(f);
    // The first review falls due by the cadence from the day of approval.
    const reviewDate = f.approvedAt ? reviewWindow(f.approvedAt.slice(0, 10), d.service.settings.reviewCadence).due : null;
    const picture = timelinePicture({
      reference: d.case.reference,
      dateOfBirth: d.case.childDateOfBirth,
      today: d.today,
      settings: d.service.settings,
      timeline: d.timeline,
    });
    return [
      { ...(await formulationReport(d, { formulationNumber: f.number, rasterise })), metadata: meta('formulation_report', version, reviewDate) },
      { ...(await youthFriendlyFormulation(d, { formulationNumber: f.number })), metadata: meta('youth_friendly_formulation', version, reviewDate) },
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
  return [{ ...(await reviewRecord(d, m.id)), metadata: meta('review_record', `${m.kind} ${ordinal}`, m.outcome.nextReviewDue) }];
}
