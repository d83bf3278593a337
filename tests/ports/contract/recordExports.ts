import { expect, it } from 'vitest';
import { expiryOf } from '../../../src/domain/recordExport.js';
import type { RecordExport } from '../../../src/ports/recordExports.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, withServices } from './records.js';

const anExport = (id: string, caseId: string, requestedAt = AT): RecordExport => ({
  id,
  caseId,
  serviceId: 'BRI',
  reference: `BRI-2026-${caseId}`,
  requestedFor: 'solicitor',
  note: 'Letter of 20 November.',
  requestedBy: 'mgr-bri',
  requestedAt,
  expiresAt: expiryOf(requestedAt),
  state: 'queued',
  progressDone: 0,
  progressTotal: 0,
  step: 'waiting to start',
  review: [],
  withheld: [],
  size: null,
  sha256: null,
  readyAt: null,
  error: null,
});

/** The child's copies of their record: progress, the zip kept with the row, expiry, and the case's audit events. */
export function recordExportContract(ctx: ContractContext): void {
  it('keeps an export, its progress while it builds, and its zip once ready; the zip is not given before', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    const review = [{ entryId: 'e1', lifeStage: 'primary' as const, sourceAgency: 'education' as const, reasons: ['a relation: "mother"'] }];
    const got = await ctx.store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1'));
      await tx.recordExports.insert(anExport('x1', 'c1'));
      await tx.recordExports.progress('x1', { state: 'building', done: 2, total: 6, step: 'fetching the documents' });
      const building = await tx.recordExports.get('x1');
      const before = await tx.recordExports.content('x1');
      await tx.recordExports.complete('x1', zip, { size: zip.byteLength, sha256: 'abc', review, withheld: ['e2'], readyAt: AT });
      // Progress after the end changes nothing.
      await tx.recordExports.progress('x1', { state: 'building', done: 1, total: 6, step: 'late' });
      return { building, before, ready: await tx.recordExports.get('x1'), content: await tx.recordExports.content('x1') };
    });
    expect(got.building).toMatchObject({ state: 'building', progressDone: 2, progressTotal: 6, step: 'fetching the documents' });
    expect(got.before).toBeNull();
    expect(got.ready).toMatchObject({
      state: 'ready',
      progressDone: 6,
      progressTotal: 6,
      step: null,
      size: 8,
      sha256: 'abc',
      review,
      withheld: ['e2'],
      readyAt: AT,
    });
    expect(got.ready).toEqual({
      ...anExport('x1', 'c1'),
      state: 'ready',
      progressDone: 6,
      progressTotal: 6,
      step: null,
      size: 8,
      sha256: 'abc',
      review,
      withheld: ['e2'],
      readyAt: AT,
    });
    expect([...got.content!]).toEqual([...zip]);
  });

  it("lists a case's exports newest first, and lets go of the zips whose seven days are over, once", async () => {
    const later = new Date(Date.parse(AT) + 3 * 86_400_000).toISOString();
    const got = await ctx.store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1'));
      await tx.recordExports.insert(anExport('x1', 'c1'));
      await tx.recordExports.insert(anExport('x2', 'c1', later));
      for (const id of ['x1', 'x2']) await tx.recordExports.complete(id, new Uint8Array([1]), { size: 1, sha256: 's', review: [], withheld: [], readyAt: AT });
      const listed = (await tx.recordExports.listForCase('c1')).map((e) => e.id);
      const expired = await tx.recordExports.expire(expiryOf(AT));
      const again = await tx.recordExports.expire(expiryOf(AT));
      return {
        listed,
        expired,
        again,
        first: await tx.recordExports.get('x1'),
        firstZip: await tx.recordExports.content('x1'),
        secondZip: await tx.recordExports.content('x2'),
      };
    });
    expect(got.listed).toEqual(['x2', 'x1']);
    expect(got.expired).toEqual(['x1']);
    expect(got.again).toEqual([]);
    expect(got.first?.state).toBe('expired');
    expect(got.firstZip).toBeNull();
    expect(got.secondZip).not.toBeNull();
  });

  it("reads a case's audit events across the services' chains, oldest first, and no other case's", async () => {
    const events = await ctx.store().transaction(async (tx) => {
      await tx.audit.append({ actorId: 'mgr-bri', action: 'case.read', caseId: 'c1', serviceId: 'BRI', detail: {} }, '2026-11-27T10:00:02.000Z');
      await tx.audit.append({ actorId: 'mgr-nso', action: 'case.transferred.in', caseId: 'c1', serviceId: 'NSO', detail: {} }, '2026-11-27T10:00:03.000Z');
      await tx.audit.append({ actorId: 'yjs-amy', action: 'case.referred', caseId: 'c1', serviceId: 'BRI', detail: {} }, '2026-11-27T10:00:01.000Z');
      await tx.audit.append({ actorId: 'yjs-amy', action: 'case.read', caseId: 'c2', serviceId: 'BRI', detail: {} }, '2026-11-27T10:00:01.500Z');
      return tx.audit.listForCase('c1', 10);
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['case.referred', 'yjs-amy'],
      ['case.read', 'mgr-bri'],
      ['case.transferred.in', 'mgr-nso'],
    ]);
  });
}
