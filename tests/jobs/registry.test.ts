import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_PUBLISH_KIND } from '../../src/app/documents/publishDocumentJob.js';
import { publishCaseDocument } from '../support/documents.js';
import { CALENDAR_SYNC_KIND } from '../../src/app/meetings/syncCalendarJob.js';
import { RETAIN_UNTIL_RESTAMP_KIND } from '../../src/app/retention/restampDocumentsJob.js';
import { principal } from '../support/caseSetup.js';
import { drainOutbox } from '../support/outbox.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { caseWithMeeting } from '../bot/fixtures.js';

/**
 * The outbox is storage: a job whose payload is not the shape its kind expects (written by an
 * older or newer version, or by hand) is given up at once, with a reason, and touches nothing.
 */
describe('outbox jobs with a malformed payload', () => {
  let t: TestServer;
  let caseId: string;
  let meetingId: string;
  let documentId: string;
  beforeAll(async () => {
    t = await startTestServer();
    ({ caseId, meetingId } = await caseWithMeeting(t));
    const published = await publishCaseDocument(t.system.deps, await principal(t.system.deps, 'psy-helen'), caseId, {
      fileName: 'formulation v1.docx',
      content: new TextEncoder().encode('the formulation report'),
      documentType: 'formulation_report',
      version: 'v1',
      reviewDate: '2027-02-26',
    });
    documentId = published.documentId;
    await drainOutbox(t.system);
  });
  afterAll(() => t.close());

  /** Everything such a job could have changed: the meeting, the document, the library and the audit trail. */
  const snapshot = () =>
    t.system.deps.store.transaction(async (tx) => ({
      meeting: await tx.meetings.get(caseId, meetingId),
      document: await tx.documents.get(documentId),
      library: await t.system.deps.library.listLibrary('BRI'),
      audit: await Promise.all((await tx.audit.chains()).map((chain) => tx.audit.head(chain))),
    }));

  const runMalformed = async (kind: string, payload: unknown) => {
    const before = await snapshot();
    const id = t.system.deps.newId();
    await t.system.deps.store.transaction((tx) => tx.outbox.enqueue({ id, kind, payload, caseId, serviceId: 'BRI', now: t.clock.now().toISOString() }));
    await t.system.worker.runOnce();
    const job = (await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind, caseId }, 100))).find((j) => j.id === id);
    expect(await snapshot()).toEqual(before);
    return job;
  };

  it('a calendar sync with an action it does not know is given up, and the meeting is left alone', async () => {
    const job = await runMalformed(CALENDAR_SYNC_KIND, { meetingId, caseId, action: 'delete' });
    expect(job).toMatchObject({ status: 'dead', attempts: 1, lastError: 'the job does not say which meeting to mirror' });
  });

  it('a document delivery that does not name its document by id is given up, and nothing is filed', async () => {
    const job = await runMalformed(DOCUMENT_PUBLISH_KIND, { document: documentId });
    expect(job).toMatchObject({ status: 'dead', attempts: 1, lastError: 'the job does not say which document to file' });
  });

  it('a retention restamp whose case is not an id is given up, and no file is restamped', async () => {
    const job = await runMalformed(RETAIN_UNTIL_RESTAMP_KIND, { caseId: 42 });
    expect(job).toMatchObject({ status: 'dead', attempts: 1, lastError: 'the job names no case' });
  });
});
