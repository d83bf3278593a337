import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import type { CaseView } from '../../src/contract/views.js';
import { listCaseload } from '../../src/app/case/listCaseload.js';
import { verifyAuditTrail } from '../../src/app/oversight/verifyAuditTrail.js';
import { DEMO_STORIES } from '../../src/demo/cases.js';
import { DEMO_STAFF } from '../../src/demo/people.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { principalOf } from '../../src/domain/staff.js';
import type { Store } from '../../src/ports/store.js';
import { localDeps } from '../support/localDeps.js';
import { drainOutbox } from '../support/outbox.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

/** What a case looks like on a caseload, without its reference number or dates. */
const shapeOf = (c: CaseView) => `${c.serviceId} ${c.pathway} ${c.status} ${c.closureReason ?? '-'} ${c.review?.state ?? 'no review'}`;

async function everyAuditRowAndOutboxJob(store: Store): Promise<string[]> {
  return store.transaction(async (tx) => {
    const rows: string[] = [];
    for (const chain of await tx.audit.chains()) rows.push(...(await tx.audit.read(chain, 0, 100_000)).map((r) => JSON.stringify(r)));
    rows.push(...(await tx.outbox.list({}, 100_000)).map((j) => JSON.stringify(j)));
    return rows;
  });
}

describe('the fictional demo data', () => {
  let t: TestServer;
  let sam: Api;
  let cases: CaseView[];
  const byShape = (pattern: RegExp) => cases.filter((c) => pattern.test(shapeOf(c)));

  beforeAll(async () => {
    t = await startTestServer({ overrides: { seedDemoCases: true } });
    sam = await t.signIn('ecm-sam');
    cases = (await sam.get('/api/v1/cases?limit=200')).body.items;
  });
  afterAll(() => t.close());

  it('spreads the demo cases over the four services, at every stage from referral to closure', () => {
    // One case per story: stories are added side by side.
    expect(cases).toHaveLength(DEMO_STORIES.length);
    expect(new Set(cases.map((c) => c.serviceId))).toEqual(new Set(['BRI', 'NSO', 'SGL', 'BNE']));
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['referred', 'awaiting_agreement', 'active', 'closed']));
    expect(new Set(cases.map((c) => c.pathway))).toEqual(new Set(['statutory_ecm', 'consultation']));
    expect(cases.map((c) => c.closureReason).filter(Boolean)).toEqual(expect.arrayContaining(['agreement_declined', 'order_ended']));
    const agreements = cases.map((c) => c.agreement);
    expect(agreements).toContainEqual({ young_person: 'given', parent_carer: 'not_yet_known', local_authority: 'not_yet_known' });
    expect(agreements).toContainEqual({ young_person: 'given', parent_carer: 'withdrawn', local_authority: 'not_yet_known' });
    expect(cases.every((c) => /^(BRI|NSO|SGL|BNE)-\d{4}-\d{4}$/.test(c.reference))).toBe(true);
  });

  it('includes a case transferred from Bristol to North Somerset, which still names its Bristol reference', async () => {
    const moved = cases.find((c) => c.referralReason?.includes('boxing club'))!;
    expect(moved).toMatchObject({ serviceId: 'NSO', caseHolderId: 'yjs-dan' });
    expect((await sam.get(`/api/v1/cases/${moved.id}/transfer`)).body.formerReferences).toEqual([expect.stringMatching(/^BRI-\d{4}-\d{4}$/)]);
  });

  it('includes a looked-after child under a care order, active on her own and the local authority’s agreement, and says it is fictional', () => {
    const lookedAfter = cases.filter((c) => c.legalStatus === 'care_order');
    expect(lookedAfter).toHaveLength(1);
    const [c] = lookedAfter as [CaseView];
    expect(c).toMatchObject({ status: 'active', agreement: { young_person: 'given', local_authority: 'given', parent_carer: 'not_yet_known' } });
    expect(c.agreementNeeds).toMatchObject({ ageBand: 'under_16', needs: ['young_person', 'local_authority'], missing: [] });
    expect(c.parentalResponsibility).toMatch(/under a care order/);
    expect(c.referralReason).toMatch(/^Fictional demo case\./);
  });

  it('includes a young person of seventeen and a half with a transition plan and a filed handover summary for adult services', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const months = (dob: string) => (Number(today.slice(0, 4)) - Number(dob.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(dob.slice(5, 7));
    const seventeenAndAHalf = cases.filter((c) => c.child && months(c.child.dateOfBirth) >= 17 * 12 + 6 && months(c.child.dateOfBirth) < 18 * 12);
    const planned = [];
    for (const c of seventeenAndAHalf) {
      const plan = (await sam.get(`/api/v1/cases/${c.id}/transition-plan`)).body.plan;
      const handover = await sam.get(`/api/v1/cases/${c.id}/summaries/adult-handover`);
      if (plan && handover.body.approved) planned.push({ c, plan, handover: handover.body });
    }
    expect(planned.length).toBeGreaterThan(0);
    const { c, plan } = planned[0]!;
    expect(plan.joining.map((j: { service: string }) => j.service)).toContain('probation');
    // The approval queued the file for the library; the worker makes and files it.
    await drainOutbox(t.system);
    const documents = (await sam.get(`/api/v1/cases/${c.id}/documents`)).body.items;
    expect(documents.map((d: { fileName: string }) => d.fileName)).toContain(`${c.reference}_adult-handover-summary.docx`);
  });

  it('includes a youth-caution consultation held on initials and age, with the ECM team’s advice and a follow-up, and no name', () => {
    const held = cases.filter((c) => c.pathway === 'consultation' && c.child === null);
    expect(held).toHaveLength(1);
    const [c] = held as [CaseView];
    expect(c).toMatchObject({ serviceId: 'BRI', status: 'referred', consultation: { disposal: 'youth_caution', childInitials: 'RM', sharingAgreement: null } });
    expect(c.consultation?.question).toMatch(/^Fictional demo case\./);
    expect(c.consultation?.meetings).toHaveLength(1);
    expect(c.consultation?.followUpOn).not.toBeNull();
  });

  it('keeps the demo’s past notifications as history, never sending them', async () => {
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'notify' }, 10_000));
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'skipped' && j.lastError === 'demo history: not sent')).toBe(true);
  });

  it('shows one review due soon, one overdue and the others on track, as the case view computes them', () => {
    const states = cases.map((c) => c.review?.state).filter(Boolean);
    expect(states.filter((s) => s === 'due_soon')).toHaveLength(1);
    expect(states.filter((s) => s === 'overdue')).toHaveLength(1);
    expect(states.filter((s) => s === 'not_due').length).toBeGreaterThanOrEqual(3);
    expect(byShape(/active - no review$/)).not.toHaveLength(0);
  });

  it('places children on the TRM over time, with a setback recorded and progress after it', async () => {
    const histories = await Promise.all(byShape(/statutory_ecm active/).map(async (c) => (await sam.get(`/api/v1/cases/${c.id}/trm`)).body.placements));
    const withSetback = histories.filter((h: { movement: string }[]) => h.some((p) => p.movement === 'setback'));
    expect(withSetback).toHaveLength(1);
    const levels = withSetback[0].map((p: { level: number }) => p.level);
    expect(levels.at(-1)).toBeGreaterThan(Math.min(...levels.slice(1)));
    expect(histories.filter((h: unknown[]) => h.length >= 3).length).toBeGreaterThanOrEqual(2);
  });

  it('tells each life from the pregnancy, with strengths beside adversity, from several agencies and as precisely as known', async () => {
    const told = byShape(/statutory_ecm (active|closed order_ended)/);
    expect(told.length).toBeGreaterThanOrEqual(6);
    for (const c of told) {
      const entries = (await sam.get(`/api/v1/cases/${c.id}/timeline`)).body.items;
      expect(entries[0].lifeStage, c.reference).toBe('pregnancy');
      expect(
        entries.some((e: { category: string }) => ['positive_relationships', 'strengths_achievements'].includes(e.category)),
        c.reference,
      ).toBe(true);
      expect(new Set(entries.map((e: { sourceAgency: string }) => e.sourceAgency)).size, c.reference).toBeGreaterThanOrEqual(3);
      expect(new Set(entries.map((e: { when: { precision: string } }) => e.when.precision)).size, c.reference).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps earlier versions of edited entries and shows a retraction with its reason', async () => {
    const histories: number[] = [];
    const retracted: { retraction: { reason: string } }[] = [];
    for (const c of byShape(/active/)) {
      const entries = (await sam.get(`/api/v1/cases/${c.id}/timeline?includeRetracted=true`)).body.items;
      retracted.push(...entries.filter((e: { retraction: unknown }) => e.retraction));
      for (const e of entries.filter((x: { version: number; retraction: unknown }) => x.version > 1 && !x.retraction)) {
        histories.push((await sam.get(`/api/v1/cases/${c.id}/timeline/${e.id}/history`)).body.items.length);
      }
    }
    expect(histories.length).toBeGreaterThanOrEqual(3);
    expect(histories.every((n) => n >= 2)).toBe(true);
    expect(retracted).toHaveLength(1);
    expect(retracted[0]!.retraction.reason).toMatch(/police/i);
  });

  it('has approved formulations whose hypotheses cite live timeline entries, and drafts still being written', async () => {
    const statuses: string[] = [];
    for (const c of byShape(/statutory_ecm active/)) {
      const res = await sam.get(`/api/v1/cases/${c.id}/formulation`);
      if (res.status === 404) continue;
      const f = res.body.current;
      statuses.push(f.status);
      if (f.status !== 'approved') continue;
      const live = new Set((await sam.get(`/api/v1/cases/${c.id}/timeline`)).body.items.map((e: { id: string }) => e.id));
      for (const h of f.content.hypotheses) {
        expect(h.evidence.length, `${c.reference} ${h.id}`).toBeGreaterThan(0);
        expect(
          h.evidence.every((id: string) => live.has(id)),
          `${c.reference} ${h.id}`,
        ).toBe(true);
      }
      expect(f.content.youthFriendly.summary).not.toBe('');
      expect(new Set(f.content.recommendations.map((r: { trmLevel: number }) => r.trmLevel)).size).toBeGreaterThan(1);
    }
    expect(statuses.filter((s) => s === 'approved').length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 'draft').length).toBeGreaterThanOrEqual(2);
  });

  it('records meetings held with outcomes, and booked meetings with answers still coming in', async () => {
    const meetings = (await Promise.all(byShape(/active/).map(async (c) => (await sam.get(`/api/v1/cases/${c.id}/meetings`)).body.items))).flat();
    const held = meetings.filter((m: { status: string }) => m.status === 'held');
    expect(new Set(held.map((m: { kind: string }) => m.kind))).toEqual(new Set(['formulation', 'review', 'consultation']));
    expect(held.every((m: { outcome: { summary: string } | null }) => m.outcome?.summary)).toBe(true);
    const booked = meetings.filter((m: { status: string }) => m.status === 'scheduled');
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(booked.every((m: { startsAt: string }) => m.startsAt > new Date(t.clock.now()).toISOString())).toBe(true);
    expect(meetings.some((m: { status: string }) => m.status === 'cancelled')).toBe(true);
  });

  it('has a partner invited who sees only the invitation until they accept the terms', async () => {
    const pending: { caseId: string; staffId: string }[] = [];
    for (const c of byShape(/active/)) {
      const team = (await sam.get(`/api/v1/cases/${c.id}/team`)).body.items;
      pending.push(...team.filter((m: { caseRole: string; termsAcceptedAt: string | null }) => m.caseRole === 'partner' && m.termsAcceptedAt === null));
    }
    expect(pending).toHaveLength(1);
    const partner = await t.signIn(pending[0]!.staffId);
    const view = await partner.get(`/api/v1/cases/${pending[0]!.caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.child).toBeNull();
    expect(view.body.terms).not.toBeNull();
    expect((await partner.get(`/api/v1/cases/${pending[0]!.caseId}/timeline`)).body.error.code).toBe('terms_required');
  });

  it('brings probation into a transition case, contributing to the timeline', async () => {
    const withProbation = [];
    for (const c of byShape(/active/)) {
      const team = (await sam.get(`/api/v1/cases/${c.id}/team`)).body.items;
      if (team.some((m: { agency: string; termsAcceptedAt: string | null }) => m.agency === 'probation' && m.termsAcceptedAt)) withProbation.push(c);
    }
    expect(withProbation).not.toHaveLength(0);
    for (const c of withProbation) expect((await sam.get(`/api/v1/cases/${c.id}/timeline?agency=probation`)).body.items.length, c.reference).toBeGreaterThan(0);
  });

  it('has a young person of seventeen and a half with a transition plan: adult services joining, and relationships kept going by named people', async () => {
    const planned = cases.filter((c) => c.movingOn?.planned);
    expect(planned).toHaveLength(1);
    const [c] = planned as [CaseView];
    expect(c.turnsEighteenOn).not.toBeNull();
    expect(c.movingOn).toEqual({ due: true, planned: true });
    expect(c.referralReason).toMatch(/^Fictional demo case\./);
    const { plan } = (await sam.get(`/api/v1/cases/${c.id}/transition-plan`)).body;
    expect(plan.joining.map((j: { service: string }) => j.service)).toEqual(['probation', 'personal_adviser', 'adult_mental_health']);
    expect(plan.relationships.map((r: { keptBy: { kind: string } }) => r.keptBy.kind)).toEqual(['person', 'person', 'agency']);
    const team = (await sam.get(`/api/v1/cases/${c.id}/team`)).body.items as { agency: string; termsAcceptedAt: string | null }[];
    expect(team.filter((m) => ['probation', 'personal_adviser'].includes(m.agency)).every((m) => m.termsAcceptedAt)).toBe(true);
  });

  it('leaves an audit trail that verifies and never names a child, nor does any queued job', async () => {
    const store = t.system.deps.store;
    const reports = await verifyAuditTrail(store);
    expect(reports.map((r) => r.chain)).toEqual(expect.arrayContaining(['BRI', 'NSO', 'SGL', 'BNE']));
    expect(reports.filter((r) => !r.ok)).toEqual([]);
    const cases = await store.transaction(async (tx) => (await tx.cases.list({}, { limit: 100 })).items);
    expect(cases).toHaveLength(DEMO_STORIES.length);
    // A consultation held on de-identified details has no name to leak.
    const names = cases.flatMap((c) => (c.childName === null ? [] : [c.childName]));
    const rows = await everyAuditRowAndOutboxJob(store);
    expect(rows.length).toBeGreaterThan(500);
    for (const name of names) {
      for (const part of [name, ...name.split(' ')])
        expect(
          rows.filter((r) => r.toLowerCase().includes(part.toLowerCase())),
          part,
        ).toEqual([]);
    }
  });

  it.each(['2027-03-14T08:30:00Z', '2026-06-01T23:30:00Z', '2028-02-29T12:00:00Z'])(
    'looks the same when loaded on another day (%s): every date moves with it',
    async (day) => {
      const store = await openSqliteStore({ dataDir: ':memory:' });
      const deps = localDeps(store, fixedClock(day));
      try {
        expect(await seedDemoData(store, deps)).toBe(true);
        const there = await listCaseload(deps, principalOf(DEMO_STAFF.find((s) => s.id === 'ecm-sam')!), { limit: '200' });
        expect(there.items.map(shapeOf).sort()).toEqual(cases.map(shapeOf).sort());
        expect((await verifyAuditTrail(store)).every((r) => r.ok)).toBe(true);
      } finally {
        await store.close();
      }
    },
  );
});
