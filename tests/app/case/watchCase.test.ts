import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptTerms } from '../../../src/app/team/acceptTerms.js';
import { addTimelineEntry } from '../../../src/app/timeline/addTimelineEntry.js';
import { inviteTeamMember } from '../../../src/app/team/inviteTeamMember.js';
import { publishCaseDocument } from '../../support/documents.js';
import { withdrawAgreement } from '../../../src/app/agreement/recordAgreement.js';
import { watchCase } from '../../../src/app/case/watchCase.js';
import type { CaseEvent } from '../../../src/domain/caseEvents.js';
import { memoryCaseEventBus } from '../../../src/adapters/local/memoryCaseEventBus.js';
import type { Principal } from '../../../src/domain/staff.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { entry, caseDocument } from '../../support/factories.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';
import { PATIENCE_MS } from '../../support/patience.js';

const report = caseDocument;

/** What a watcher of the case is told, in order: the event types, and the entries by their description. */
async function watch(t: TestServer, p: Principal, caseId: string, afterSeq: number | null) {
  const heard: CaseEvent[] = [];
  const w = await watchCase(t.system.deps, p, caseId, afterSeq, (e) => heard.push(e));
  w.start();
  return { heard, stop: w.stop, resync: w.resync };
}
const described = (es: CaseEvent[]) =>
  es.map((e) => (e.type.startsWith('timeline.') ? `${e.type}: ${(e.data as { description: string }).description}` : e.type));

describe('watching a case', () => {
  let t: TestServer;
  let sam: Principal;
  let helen: Principal;
  let amy: Principal;
  let jo: Principal;
  let caseId: string;
  /** The last event before Jo was invited: a replay from here covers her joining. */
  let beforeJo: number;

  beforeAll(async () => {
    t = await startTestServer();
    const deps = t.system.deps;
    [sam, helen, amy, jo] = await Promise.all([
      principal(deps, 'ecm-sam'),
      principal(deps, 'psy-helen'),
      principal(deps, 'yjs-amy'),
      principal(deps, 'police-jo'),
    ]);
    caseId = (await activeCaseVia(deps)).id;
    await addTimelineEntry(deps, sam, caseId, entry({ description: 'Before Jo was invited.' }));
    beforeJo = (await deps.store.transaction((tx) => tx.caseEvents.since(caseId, 0, 500))).at(-1)!.seq;
    await inviteTeamMember(deps, sam, caseId, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    await addTimelineEntry(deps, sam, caseId, entry({ description: 'While Jo was deciding.' }));
    await acceptTerms(deps, jo, caseId, { termsVersion: '2026-1' });
    await addTimelineEntry(deps, sam, caseId, entry({ description: 'After Jo accepted the terms.' }));
  });
  afterAll(() => t.close());
  const lastSeq = async (id: string) => (await t.system.deps.store.transaction((tx) => tx.caseEvents.since(id, 0, 10_000))).at(-1)?.seq ?? 0;

  it('a partner hears of new entries but nothing of the agreements or the case documents', async () => {
    const partner = await watch(t, jo, caseId, null);
    const staff = await watch(t, sam, caseId, null);
    // On PostgreSQL the bus delivers through NOTIFY, after the write returns: an earlier write's
    // event may still be on its way, so only what happens from here on counts.
    const from = await lastSeq(caseId);
    await publishCaseDocument(t.system.deps, helen, caseId, report());
    await addTimelineEntry(t.system.deps, sam, caseId, entry({ description: 'Said in the meeting.' }));
    await withdrawAgreement(t.system.deps, amy, caseId, { party: 'parent_carer', date: '2026-11-26', method: 'phone' });
    const since = (es: CaseEvent[]) => described(es.filter((e) => e.seq > from));
    await vi.waitFor(() => expect(since(staff.heard)).toEqual(['document.queued', 'timeline.added: Said in the meeting.', 'agreement.recorded']), {
      timeout: PATIENCE_MS,
    });
    partner.stop();
    staff.stop();

    expect(since(partner.heard)).toEqual(['timeline.added: Said in the meeting.']);
  });

  it('a partner who reconnects is not sent what happened before they accepted the terms', async () => {
    const partner = await watch(t, jo, caseId, beforeJo);
    partner.stop();
    const heard = described(partner.heard);
    expect(heard[0]).toBe('team.changed');
    expect((partner.heard[0]!.data as { staffId: string; termsAcceptedAt: string | null }).termsAcceptedAt).not.toBeNull();
    expect(heard).toContain('timeline.added: After Jo accepted the terms.');
    expect(heard).not.toContain('timeline.added: While Jo was deciding.');
    expect(heard.filter((h) => h === 'agreement.recorded' || h.startsWith('document.'))).toEqual([]);
  });

  it('a member of the ECM team who reconnects is sent everything they missed', async () => {
    const staff = await watch(t, sam, caseId, beforeJo);
    staff.stop();
    const heard = described(staff.heard);
    expect(heard).toEqual(expect.arrayContaining(['timeline.added: While Jo was deciding.', 'agreement.recorded', 'document.queued']));
    expect(heard.filter((h) => h === 'team.changed')).toHaveLength(2);
  });

  it('a new watcher is sent nothing from before and need not reload', async () => {
    const fresh = await watch(t, sam, caseId, null);
    fresh.stop();
    expect(fresh.resync).toBe(false);
    expect(fresh.heard).toEqual([]);
  });

  it('a new watcher is not told late of what was committed before they began watching', async () => {
    // On PostgreSQL an event reaches the bus by NOTIFY after its COMMIT, so one committed before the
    // watch began can arrive after it: here a bus of our own hands on such an event late.
    const { id } = await activeCaseVia(t.system.deps);
    await addTimelineEntry(t.system.deps, sam, id, entry({ description: 'Before Sam began watching.' }));
    const before = (await t.system.deps.store.transaction((tx) => tx.caseEvents.since(id, 0, 10_000))).at(-1)!;
    const bus = memoryCaseEventBus();
    const heard: CaseEvent[] = [];
    const w = await watchCase({ ...t.system.deps, bus }, sam, id, null, (e) => heard.push(e));
    w.start();
    bus.publish(before);
    await addTimelineEntry(t.system.deps, sam, id, entry({ description: 'After Sam began watching.' }));
    for (const e of await t.system.deps.store.transaction((tx) => tx.caseEvents.since(id, before.seq, 10_000))) bus.publish(e);
    w.stop();
    expect(described(heard)).toEqual(['timeline.added: After Sam began watching.']);
  });

  it('a watcher resuming from an event the case never had (0, or beyond the sequence) is told to load afresh, then hears what comes next', async () => {
    const { id } = await activeCaseVia(t.system.deps);
    for (const ahead of [null, 1, 1_000_000]) {
      const from = ahead === null ? 0 : (await lastSeq(id)) + ahead;
      const w = await watch(t, sam, id, from);
      expect(w.resync, `from ${from}`).toBe(true);
      await addTimelineEntry(t.system.deps, sam, id, entry({ description: `Added after resuming from ${from}.` }));
      // On PostgreSQL the case's own setting up may still be arriving through NOTIFY: count the entries.
      const entries = () => described(w.heard).filter((h) => h.startsWith('timeline.added'));
      await vi.waitFor(() => expect(entries()).toEqual([`timeline.added: Added after resuming from ${from}.`]), { timeout: PATIENCE_MS });
      w.stop();
    }
  });

  it('a watcher away for longer than can be replayed is told to load the case afresh, with no partial history', async () => {
    const { id } = await activeCaseVia(t.system.deps);
    const from = await lastSeq(id);
    // On PostgreSQL the bus delivers through NOTIFY after the write returns: let the writes settle, so
    // that what the watchers below hear is replay, not the tail of these writes arriving late.
    let settledAt = 0;
    const probe = t.system.deps.bus.subscribe(id, (e) => (settledAt = Math.max(settledAt, e.seq)));
    for (let i = 0; i < 501; i++) await addTimelineEntry(t.system.deps, sam, id, entry({ description: `Entry ${i + 1} of a long meeting.` }));
    const head = await lastSeq(id);
    await vi.waitFor(() => expect(settledAt).toBe(head), { timeout: PATIENCE_MS });
    probe();
    const heard: CaseEvent[] = [];
    const away = await watchCase(t.system.deps, sam, id, from, (e) => heard.push(e));
    away.start();
    away.stop();
    expect(away.resync).toBe(true);
    expect(heard).toEqual([]);

    const briefly = await watchCase(t.system.deps, sam, id, (await lastSeq(id)) - 3, (e) => heard.push(e));
    briefly.start();
    briefly.stop();
    expect(briefly.resync).toBe(false);
    expect(described(heard)).toEqual([
      'timeline.added: Entry 499 of a long meeting.',
      'timeline.added: Entry 500 of a long meeting.',
      'timeline.added: Entry 501 of a long meeting.',
    ]);
  });
});
