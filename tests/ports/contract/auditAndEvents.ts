import { expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../src/app/oversight/verifyAuditTrail.js';
import { GENESIS_HASH, type AuditEventInput } from '../../../src/domain/audit.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, withServices } from './records.js';

const note = (action: string, serviceId: string | null, caseId: string | null = null): AuditEventInput => ({
  actorId: 'yjs-amy',
  action,
  caseId,
  serviceId,
  detail: { reference: caseId ? `BRI-2026-${caseId}` : null },
});

export function auditAndEventContract({ store }: ContractContext): void {
  it('links each audit row to the one before it, one chain per service and one for the system', async () => {
    const appended = [];
    for (const [action, serviceId] of [
      ['case.referred', 'BRI'],
      ['case.read', 'BRI'],
      ['case.referred', 'NSO'],
      ['staff.signed_in', null],
      ['timeline.added', 'BRI'],
    ] as const) {
      appended.push(await store().transaction((tx) => tx.audit.append(note(action, serviceId, 'c1'), AT)));
    }
    const bristol = appended.filter((e) => e.chain === 'BRI');
    expect(bristol.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(bristol.map((e) => e.prevHash)).toEqual([GENESIS_HASH, bristol[0]!.hash, bristol[1]!.hash]);
    expect(appended.find((e) => e.serviceId === null)).toMatchObject({ chain: 'system', seq: 1, prevHash: GENESIS_HASH });

    await store().transaction(async (tx) => {
      expect(await tx.audit.chains()).toEqual(['BRI', 'NSO', 'system']);
      expect(await tx.audit.head('BRI')).toEqual({ seq: 3, hash: bristol[2]!.hash });
      expect(await tx.audit.head('SGL')).toBeNull();
      expect(await tx.audit.read('BRI', 0, 10)).toEqual(bristol);
      expect(await tx.audit.read('BRI', 1, 1)).toEqual([bristol[1]]);
    });
    expect(await verifyAuditTrail(store())).toEqual([
      { chain: 'BRI', rows: 3, ok: true, problems: [] },
      { chain: 'NSO', rows: 1, ok: true, problems: [] },
      { chain: 'system', rows: 1, ok: true, problems: [] },
    ]);
  });

  it('writes an audit row and a case event together as it writes them one after the other: linked, numbered, read back the same', async () => {
    const before = await store().transaction((tx) => tx.audit.append(note('case.read', 'BRI', 'c1'), AT));
    const together = await store().transaction((tx) =>
      tx.audit.appendWithCaseEvent(note('timeline.added', 'BRI', 'c1'), AT, {
        caseId: 'c1',
        type: 'case.updated',
        actorId: 'yjs-amy',
        actorName: 'Amy Clarke',
        data: { note: 'added' },
      }),
    );
    const after = await store().transaction((tx) =>
      tx.caseEvents.append({ caseId: 'c1', type: 'case.updated', actorId: 'yjs-amy', actorName: 'Amy Clarke', data: { note: 'after' } }, AT),
    );
    expect(together.audit).toMatchObject({ chain: 'BRI', seq: before.seq + 1, prevHash: before.hash, action: 'timeline.added' });
    expect(after.seq).toBeGreaterThan(together.caseEvent.seq);
    await store().transaction(async (tx) => {
      expect(await tx.audit.read('BRI', before.seq, 10)).toEqual([together.audit]);
      expect(await tx.caseEvents.since('c1', 0, 10)).toEqual([together.caseEvent, after]);
    });
    expect(await verifyAuditTrail(store())).toEqual([{ chain: 'BRI', rows: before.seq + 1, ok: true, problems: [] }]);
  });

  it('reads an audit row back exactly as it was hashed', async () => {
    const detail = { reference: 'BRI-2026-0001', entries: ['e1', 'e2'], count: 2, partner: false, note: null };
    const written = await store().transaction((tx) => tx.audit.append({ ...note('timeline.exported', 'BRI', 'c1'), detail }, AT));
    const [read] = await store().transaction((tx) => tx.audit.read('BRI', 0, 1));
    expect(read).toEqual(written);
    expect(read?.detail).toEqual(detail);
  });

  it('keeps nothing of a transaction that failed: no case, audit row, case event or job', async () => {
    await store().transaction((tx) => tx.audit.append(note('case.read', 'BRI'), AT));
    await expect(
      store().transaction(async (tx) => {
        await withServices(tx);
        await tx.cases.insert(aCase('c1'));
        await tx.audit.append(note('case.referred', 'BRI', 'c1'), AT);
        await tx.caseEvents.append({ caseId: 'c1', type: 'case.updated', actorId: 'yjs-amy', actorName: 'Amy Clarke', data: null }, AT);
        await tx.outbox.enqueue({ id: 'j1', kind: 'notify.send', payload: {}, now: AT });
        throw new Error('the use case refused half-way');
      }),
    ).rejects.toThrow('half-way');

    await store().transaction(async (tx) => {
      expect(await tx.cases.get('c1')).toBeNull();
      expect(await tx.services.list()).toEqual([]);
      expect(await tx.audit.head('BRI')).toMatchObject({ seq: 1 });
      expect(await tx.caseEvents.since('c1', 0, 10)).toEqual([]);
      expect(await tx.outbox.list({}, 10)).toEqual([]);
      expect((await tx.audit.append(note('case.read', 'BRI'), AT)).seq).toBe(2);
    });
    expect((await verifyAuditTrail(store())).every((c) => c.ok)).toBe(true);
  });

  it('numbers case events upward and reads a case’s events after a given number, a few at a time', async () => {
    const appended = await store().transaction(async (tx) => {
      const events = [];
      for (const [caseId, n] of [
        ['c1', 1],
        ['c2', 1],
        ['c1', 2],
        ['c1', 3],
        ['c2', 2],
      ] as const) {
        events.push(
          await tx.caseEvents.append({ caseId, type: 'timeline.added', actorId: 'yjs-amy', actorName: 'Amy Clarke', data: { n, entry: { id: `e${n}` } } }, AT),
        );
      }
      return events;
    });
    const seqs = appended.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(5);

    const c1 = appended.filter((e) => e.caseId === 'c1');
    await store().transaction(async (tx) => {
      expect(await tx.caseEvents.since('c1', 0, 10)).toEqual(c1);
      expect(await tx.caseEvents.since('c1', c1[0]!.seq, 10)).toEqual(c1.slice(1));
      expect(await tx.caseEvents.since('c1', 0, 2)).toEqual(c1.slice(0, 2));
      expect(await tx.caseEvents.since('c1', c1[2]!.seq, 10)).toEqual([]);
      expect((await tx.caseEvents.since('c2', 0, 10)).map((e) => e.data)).toEqual([
        { n: 1, entry: { id: 'e1' } },
        { n: 2, entry: { id: 'e2' } },
      ]);
    });
  });
}
