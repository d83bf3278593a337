import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCasePublication } from '../../../src/app/documents/prepareDocumentsJob.js';
import { caseWithApprovedFormulation } from '../../support/caseStory.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

describe('preparing a case’s documents for its library', () => {
  let t: TestServer;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    caseId = (await caseWithApprovedFormulation(await t.signIn('yjs-amy'), await t.signIn('psy-helen'))).id;
  });
  afterAll(() => t.close());

  it('makes the approved formulation’s three documents with their metadata, and audits the read as the system', async () => {
    const docs = (await prepareCasePublication(t.system.deps, caseId, { kind: 'formulation.approved', formulationNumber: 1 }))!;
    expect(docs.map((d) => d.metadata.documentType)).toEqual(['formulation_report', 'youth_friendly_formulation', 'timeline_picture']);
    const reference = docs[0]!.metadata.caseReference;
    expect(reference).toMatch(/^BRI-2026-\d{4}$/);
    expect(docs.every((d) => d.fileName.startsWith(`${reference}_`) && d.metadata.version === 'v1' && d.metadata.reviewDate === '2027-02-19')).toBe(true);
    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 10_000));
    expect(audit.filter((e) => e.action === 'documents.generated' && e.actorId === 'system' && e.caseId === caseId)).toHaveLength(1);
  });

  it('the same file names each time, so a second publication is a second version in the library, not a second file', async () => {
    const library = t.system.deps.library;
    for (let i = 0; i < 2; i++) {
      for (const d of (await prepareCasePublication(t.system.deps, caseId, { kind: 'formulation.approved', formulationNumber: 1 }))!) {
        await library.putDocument('BRI', d.metadata.caseReference, d.fileName, d.content, d.metadata);
      }
    }
    const items = await library.listLibrary('BRI');
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.versionLabel)).toEqual(['2.0', '2.0', '2.0']);
  });
});
