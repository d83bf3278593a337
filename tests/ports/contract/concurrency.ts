import { expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../src/app/oversight/verifyAuditTrail.js';
import type { AuditEventInput } from '../../../src/domain/audit.js';
import type { CaseEvent } from '../../../src/domain/caseEvents.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, concurrently, gate, pause, withServices } from './records.js';

const note = (serviceId: string): AuditEventInput => ({ actorId: 'yjs-amy', action: 'case.read', caseId: null, serviceId, detail: {} });
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * Many requests at once, each in its own transaction. SQLite takes them one at a time; PostgreSQL
 * runs them side by side, and these are the places where that could go wrong.
 */
export function concurrencyContract({ store }: ContractContext): void {
  it('never hands out the same case reference number twice', async () => {
    const numbers = await concurrently(store(), 24, (tx, i) => tx.cases.nextReferenceNumber(i % 3 === 0 ? 'NSO' : 'BRI', 2026));
    const bristol = numbers.filter((_, i) => i % 3 !== 0);
    expect([...bristol].sort((a, b) => a - b)).toEqual(range(16));
    expect(numbers.filter((_, i) => i % 3 === 0).sort((a, b) => a - b)).toEqual(range(8));
  });

  it('keeps each audit chain linked, without gaps or forks, when many append at once', async () => {
    const events = await concurrently(store(), 30, (tx, i) => tx.audit.append(note(i % 2 ? 'BRI' : 'NSO'), AT));
    const bristol = events.filter((e) => e.chain === 'BRI').map((e) => e.seq);
    expect(bristol.sort((a, b) => a - b)).toEqual(range(15));
    expect(await verifyAuditTrail(store())).toEqual([
      { chain: 'BRI', rows: 15, ok: true, problems: [] },
      { chain: 'NSO', rows: 15, ok: true, problems: [] },
    ]);
  });

  it('runs again a transaction the database undid to break a deadlock, so both commit', async () => {
    // Each takes one chain's head, then reaches for the other's: on PostgreSQL a deadlock.
    const bristolTaken = gate();
    const northTaken = gate();
    const crossing = (first: string, second: string, mine: ReturnType<typeof gate>, theirs: ReturnType<typeof gate>) =>
      store().transaction(async (tx) => {
        await tx.audit.append(note(first), AT);
        mine.open();
        await Promise.race([theirs.opened, pause(300)]);
        await tx.audit.append(note(second), AT);
      });
    await Promise.all([crossing('BRI', 'NSO', bristolTaken, northTaken), crossing('NSO', 'BRI', northTaken, bristolTaken)]);
    expect((await verifyAuditTrail(store())).map((c) => [c.chain, c.rows, c.ok])).toEqual([
      ['BRI', 2, true],
      ['NSO', 2, true],
    ]);
  });

  it('gives each outbox job to one worker only, however many claim at once', async () => {
    await store().transaction(async (tx) => {
      for (const n of range(60)) await tx.outbox.enqueue({ id: `j${n}`, kind: 'notify.send', payload: { n }, now: AT });
    });
    const claimed: string[] = [];
    const worker = async (name: string) => {
      for (;;) {
        const jobs = await store().transaction((tx) => tx.outbox.claim(name, AT, '2026-11-27T11:00:00.000Z', 5));
        if (jobs.length === 0) return;
        claimed.push(...jobs.map((j) => j.id));
      }
    };
    await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));
    expect(claimed).toHaveLength(60);
    expect(new Set(claimed).size).toBe(60);
  });

  it('lets exactly one of several updates over the same version apply', async () => {
    const c = aCase('c1');
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(c);
    });
    const applied = await concurrently(store(), 8, (tx, i) => tx.cases.update({ ...c, referralReason: `Edit ${i}`, version: 2 }, 1));
    expect(applied.filter(Boolean)).toHaveLength(1);
    const winner = applied.indexOf(true);
    expect(await store().transaction((tx) => tx.cases.get('c1'))).toMatchObject({ referralReason: `Edit ${winner}`, version: 2 });
  });

  it('lets a read-then-write overtaken by another transaction run again, as if they had taken turns', async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1', { status: 'awaiting_agreement' }));
    });
    // As recordAgreement does: read the case, decide, write it back over the version it read.
    const read = gate();
    const slow = store().transaction(async (tx) => {
      const c = (await tx.cases.get('c1'))!;
      read.open();
      await pause(150);
      return tx.cases.update({ ...c, status: 'active', version: c.version + 1 }, c.version);
    });
    await read.opened;
    await store().transaction(async (tx) => {
      const c = (await tx.cases.get('c1'))!;
      expect(await tx.cases.update({ ...c, caseHolderId: 'yjs-dan', version: c.version + 1 }, c.version)).toBe(true);
    });
    expect(await slow).toBe(true);
    expect(await store().transaction((tx) => tx.cases.get('c1'))).toMatchObject({ status: 'active', caseHolderId: 'yjs-dan', version: 3 });
  });

  it('commits a case’s events in number order, so a watcher resuming after the last it saw misses none', async () => {
    const event = (name: string) => ({ caseId: 'c1', type: 'timeline.added' as const, actorId: 'yjs-amy', actorName: 'Amy Clarke', data: name });
    const firstAppended = gate();
    const first = store().transaction(async (tx) => {
      await tx.caseEvents.append(event('first'), AT);
      firstAppended.open();
      await pause(150);
    });
    await firstAppended.opened;
    const second = store().transaction((tx) => tx.caseEvents.append(event('second'), AT));
    await pause(50);
    // A watcher reads while the first is still open; then, once both are in, resumes after what it saw.
    const seen: CaseEvent[] = await store().transaction((tx) => tx.caseEvents.since('c1', 0, 10));
    await Promise.all([first, second]);
    const lastSeen = Math.max(0, ...seen.map((e) => e.seq));
    const resumed = await store().transaction((tx) => tx.caseEvents.since('c1', lastSeen, 10));
    expect([...seen, ...resumed].map((e) => e.data)).toEqual(['first', 'second']);
  });
}
