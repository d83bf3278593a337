import { expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../src/app/oversight/verifyAuditTrail.js';
import type { StoreTx } from '../../../src/ports/store.js';
import type { ContractContext } from '../store.contract.js';
import { caseDocument } from './documents.js';
import { aCase, agreement, AT, entry, formulation, meeting, member, placement, withServices } from './records.js';

/** A case with something in every table that holds case content. */
async function fullCase(tx: StoreTx, caseId: string): Promise<void> {
  await tx.cases.insert(aCase(caseId));
  await tx.agreements.insert(agreement(`${caseId}-a`, caseId));
  await tx.team.upsert(member(caseId, 'yjs-amy'));
  await tx.timeline.insert(entry(`${caseId}-e`, caseId));
  await tx.timeline.addRevision({
    entryId: `${caseId}-e`,
    caseId,
    version: 1,
    content: { when: { precision: 'age', age: 7 }, category: 'education', sourceAgency: 'education', confidence: 'confirmed', description: 'Before.' },
    retraction: null,
    restriction: null,
    changedBy: 'yjs-amy',
    changedByName: 'Amy Clarke',
    changedAt: AT,
  });
  const f = formulation(`${caseId}-f`, caseId);
  await tx.formulations.insert(f);
  await tx.formulations.addRevision({
    formulationId: f.id,
    number: 1,
    version: 1,
    status: 'draft',
    content: f.content,
    savedBy: 'psy-helen',
    savedByName: 'Dr Helen Marsh',
    savedAt: AT,
  });
  await tx.trm.insert(placement(`${caseId}-p`, caseId));
  await tx.meetings.insert(meeting(`${caseId}-m`, caseId));
  await tx.caseEvents.append({ caseId, type: 'timeline.added', actorId: 'yjs-amy', actorName: 'Amy Clarke', data: null }, AT);
  await tx.outbox.enqueue({ id: `${caseId}-j`, kind: 'document.publish', payload: {}, caseId, serviceId: 'BRI', now: AT });
  await tx.documents.insert(caseDocument(`${caseId}-d`, caseId, { size: 4 }), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  await tx.recordExports.insert({
    id: `${caseId}-x`,
    caseId,
    serviceId: 'BRI',
    reference: `BRI-2026-${caseId}`,
    requestedFor: 'young_person',
    note: null,
    requestedBy: 'mgr-bri',
    requestedAt: AT,
    expiresAt: AT,
    state: 'queued',
    progressDone: 0,
    progressTotal: 0,
    step: null,
    review: [],
    withheld: [],
    size: null,
    sha256: null,
    readyAt: null,
    error: null,
  });
  await tx.audit.append({ actorId: 'yjs-amy', action: 'case.referred', caseId, serviceId: 'BRI', detail: { reference: `BRI-2026-${caseId}` } }, AT);
}

async function whatRemains(tx: StoreTx, caseId: string) {
  return {
    case: await tx.cases.get(caseId),
    agreements: await tx.agreements.listForCase(caseId),
    team: await tx.team.list(caseId),
    timeline: (await tx.timeline.list(caseId, { includeRetracted: true }, { limit: 10 })).items,
    revisions: await tx.timeline.revisions(`${caseId}-e`),
    formulations: await tx.formulations.list(caseId),
    formulationRevisions: await tx.formulations.revisions(`${caseId}-f`),
    trm: await tx.trm.list(caseId),
    meetings: await tx.meetings.list(caseId),
    events: await tx.caseEvents.since(caseId, 0, 10),
    jobs: await tx.outbox.list({ caseId }, 10),
    documents: await tx.documents.list(caseId),
    documentBytes: await tx.documents.content(`${caseId}-d`),
    recordExports: await tx.recordExports.listForCase(caseId),
  };
}

export function purgeContract({ store }: ContractContext): void {
  it('removes everything recorded on the case and nothing of any other; the audit trail stays whole', async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await fullCase(tx, 'c1');
      await fullCase(tx, 'c2');
    });
    const kept = await store().transaction((tx) => whatRemains(tx, 'c2'));
    expect(Object.values(kept).every((v) => (Array.isArray(v) ? v.length === 1 : v !== null))).toBe(true);

    await store().transaction((tx) => tx.cases.purge('c1'));

    await store().transaction(async (tx) => {
      expect(await whatRemains(tx, 'c1')).toEqual({
        case: null,
        agreements: [],
        team: [],
        timeline: [],
        revisions: [],
        formulations: [],
        formulationRevisions: [],
        trm: [],
        meetings: [],
        events: [],
        jobs: [],
        documents: [],
        documentBytes: null,
        recordExports: [],
      });
      expect(await tx.meetings.respond('c1-m', 'yjs-amy', 'accepted', AT)).toBe(false);
      expect(await whatRemains(tx, 'c2')).toEqual(kept);
      expect((await tx.meetings.get('c2', 'c2-m'))?.attendees).toHaveLength(2);
      expect(await tx.audit.read('BRI', 0, 10)).toHaveLength(2);
    });
    expect(await verifyAuditTrail(store())).toEqual([{ chain: 'BRI', rows: 2, ok: true, problems: [] }]);
  });
}
