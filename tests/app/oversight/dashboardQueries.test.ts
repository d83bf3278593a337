import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showDashboardPage, showServiceDashboard } from '../../../src/app/oversight/showServiceDashboard.js';
import type { DashboardPage } from '../../../src/contract/views.js';
import { DECISIONS, PARTIES, type Agreement } from '../../../src/domain/agreement.js';
import { type Case, CASE_STATUSES } from '../../../src/domain/case.js';
import { caseloadOverview, type CaseloadRecord } from '../../../src/domain/caseloadOverview.js';
import { addDays } from '../../../src/domain/dates.js';
import { LEGAL_STATUSES } from '../../../src/domain/legalStatus.js';
import { MEETING_KINDS, MEETING_STATUSES, type Meeting } from '../../../src/domain/meeting.js';
import { overdueByAgency } from '../../../src/domain/overdueActions.js';
import { ACTION_STATUSES, type PlanAction } from '../../../src/domain/planAction.js';
import { reviewStatusOf } from '../../../src/domain/reviewStatusOf.js';
import type { Formulation } from '../../../src/domain/formulation.js';
import type { Principal } from '../../../src/domain/staff.js';
import { DASHBOARD_LISTS, type DashboardList } from '../../../src/ports/dashboard.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

/**
 * The dashboard's figures, worked out by the database, are the figures a manager would get by going
 * through every case of the service one by one (the domain's own rules over each case's record), on
 * a service seeded with every kind of case the rules tell apart; and its lists, read a page at a
 * time, hold every case exactly once. Runs on SQLite and, with ECM_TEST_STORE=postgres, PostgreSQL.
 */
const CASES = 200;
const TODAY = '2026-11-27';

/** The same service every run: a small fixed-seed generator. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}

describe('the service dashboard, counted by the database', () => {
  let t: TestServer;
  let manager: Principal;
  let template: { case: Case; agreement: Agreement };

  beforeAll(async () => {
    t = await startTestServer();
    manager = await principal(t.system.deps, 'mgr-bri');
    const { id } = await activeCaseVia(t.system.deps, 'BRI');
    template = await t.system.deps.store.transaction(async (tx) => {
      return { case: (await tx.cases.get(id))!, agreement: (await tx.agreements.listForCase(id))[0]! };
    });
    const r = random(18);
    await t.system.deps.store.transaction(async (tx) => {
      for (let i = 0; i < CASES; i++) {
        const caseId = `seeded-${i}`;
        const status = r.pick([...CASE_STATUSES, 'active', 'active', 'active'] as const);
        const consultation = r.chance(0.1);
        // Ages 12 to 19, birthdays either side of today; never 29 February.
        const dob = consultation ? null : `${2007 + r.int(8)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
        const c: Case = {
          ...template.case,
          id: caseId,
          reference: `BRI-2026-${String(5000 + i)}`,
          serviceId: r.chance(0.9) ? 'BRI' : 'NSO',
          pathway: consultation ? 'consultation' : 'statutory_ecm',
          childDateOfBirth: dob,
          legalStatus: r.pick(LEGAL_STATUSES),
          status,
          referredAt: `2026-${String(1 + r.int(11)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}T09:00:00.000Z`,
        };
        await tx.cases.insert(c);
        for (let k = 0, n = r.int(5); k < n; k++) {
          const a: Agreement = {
            ...template.agreement,
            id: `${caseId}-agreement-${k}`,
            caseId,
            seq: k + 1,
            party: r.pick(PARTIES),
            decision: r.pick([...DECISIONS, 'given', 'given']),
            date: `${2022 + r.int(5)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
          };
          await tx.agreements.insert(a);
        }
        for (let k = 0, n = r.int(4); k < n; k++) {
          await tx.trm.insert({
            id: `${caseId}-trm-${k}`,
            caseId,
            level: r.pick([1, 1.5, 2, 2.5, 3, 4, 5, 6]),
            rationale: 'Seeded.',
            effectiveDate: addDays('2026-06-01', r.int(3) * 30),
            meetingId: null,
            placedBy: 'ecm-sam',
            placedByName: 'Sam',
            placedAt: `2026-11-0${k + 1}T10:00:00.000Z`,
          });
        }
        // Dates that start the review clock are distinct within a case, so "the latest" is never a tie.
        const starts = [0, 1, 2, 3, 4, 5].map((k) => addDays(TODAY, -(k * 25 + r.int(25) + 1)));
        const shift = r.int(6);
        for (let k = 0, n = r.int(3); k < n; k++) {
          const approved = r.chance(0.7);
          const f: Formulation = {
            id: `${caseId}-formulation-${k}`,
            caseId,
            number: k + 1,
            status: approved ? 'approved' : 'draft',
            content: {} as Formulation['content'],
            createdBy: 'psy-helen',
            updatedBy: 'psy-helen',
            updatedAt: `${starts[(shift + k) % 6]!}T10:00:00.000Z`,
            approvedBy: approved ? 'psy-helen' : null,
            approvedByName: approved ? 'Helen' : null,
            approvedAt: approved ? `${starts[(shift + k) % 6]!}T10:00:00.000Z` : null,
            version: 1,
          };
          await tx.formulations.insert(f);
        }
        for (let k = 0, n = r.int(2); k < n; k++) {
          const day = starts[(shift + 3 + k) % 6]!;
          const m: Meeting = {
            id: `${caseId}-meeting-${k}`,
            caseId,
            kind: r.pick(MEETING_KINDS),
            startsAt: `${day}T10:00:00.000Z`,
            endsAt: `${day}T11:00:00.000Z`,
            location: null,
            organiserId: 'ecm-sam',
            attendees: [],
            status: r.pick([...MEETING_STATUSES, 'held']),
            joinUrl: null,
            externalId: null,
            chatId: null,
            startedAt: null,
            endedAt: null,
            outcome: { nextReviewDue: r.chance(0.5) ? addDays(day, 56 + r.int(35)) : null } as Meeting['outcome'],
            version: 1,
          };
          await tx.meetings.insert(m);
        }
        for (let k = 0, n = r.int(4); k < n; k++) {
          const agency = r.pick(['police', 'education', 'youth_justice', 'health'] as const);
          const a: PlanAction = {
            id: `${caseId}-action-${k}`,
            caseId,
            recommendationId: `${caseId}-action-${k}`,
            formulationNumber: 1,
            text: 'Seeded.',
            trmLevel: 2,
            relationshipBased: true,
            sequence: k + 1,
            owner: r.chance(0.5) ? { kind: 'agency', agency } : { kind: 'person', staffId: 'yjs-amy', name: 'Amy', agency },
            dueBy: r.chance(0.8) ? addDays(TODAY, r.int(40) - 30) : null,
            status: r.pick(ACTION_STATUSES),
            stoppedBecause: null,
            updatedBy: 'ecm-sam',
            updatedByName: 'Sam',
            updatedAt: `${TODAY}T09:00:00.000Z`,
            version: 1,
            addedAtMeetingId: null,
          };
          await tx.actions.insert(a);
        }
      }
    });
  }, 120_000);
  afterAll(() => t.close());

  /** The straightforward computation: every case's record read one by one, and the domain's rules over each. */
  async function byHand() {
    return t.system.deps.store.transaction(async (tx) => {
      const service = (await tx.services.get('BRI'))!;
      const cases: Case[] = [];
      let after: string | undefined;
      do {
        const page = await tx.cases.list({ serviceIds: ['BRI'] }, { limit: 100, ...(after ? { after } : {}) });
        cases.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      const records: CaseloadRecord[] = [];
      const plans: Parameters<typeof overdueByAgency>[0] = [];
      for (const c of cases) {
        if (c.status === 'closed') {
          records.push({ case: c, agreements: [], formulations: [], placements: [], review: null });
          continue;
        }
        const formulations = await tx.formulations.list(c.id);
        const meetings = await tx.meetings.list(c.id);
        plans.push({ caseId: c.id, reference: c.reference, actions: await tx.actions.list(c.id) });
        records.push({
          case: c,
          agreements: await tx.agreements.listForCase(c.id),
          formulations,
          placements: await tx.trm.list(c.id),
          review: reviewStatusOf(c, formulations, meetings, service.settings, TODAY),
        });
      }
      return {
        cases,
        overview: caseloadOverview(records, TODAY, service.settings.agreementRules),
        overdue: overdueByAgency(plans, TODAY),
      };
    });
  }

  async function wholeList(list: DashboardList, limit: number): Promise<DashboardPage['items']> {
    const items: DashboardPage['items'] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: DashboardPage = await showDashboardPage(t.system.deps, manager, 'BRI', list, { offset: String(offset), limit: String(limit) });
      expect(page.offset).toBe(offset);
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return items;
  }

  it('counts the caseload, the waits, the reviews and the movement as going through every case would', async () => {
    const expected = await byHand();
    const d = await showServiceDashboard(t.system.deps, manager, 'BRI', { limit: '200' });
    expect(d.today).toBe(TODAY);
    expect(d.counts).toEqual(expected.overview.counts);
    expect(d.trmMovement.counts).toEqual(expected.overview.trmMovement.counts);
    expect(d.pages.agreementsOutstanding.total).toBe(expected.overview.agreementsOutstanding.length);
    expect(d.pages.reviews.total).toBe(expected.overview.reviews.length);
    expect(d.reviewCounts.overdue).toBe(expected.overview.reviews.filter((r) => r.state === 'overdue').length);
    expect(d.agreementsOutstanding).toEqual(expected.overview.agreementsOutstanding);
    expect(d.reviews).toEqual(expected.overview.reviews);
    expect(d.activeCases).toEqual(expected.overview.activeCases);
    expect(d.trmMovement.cases).toEqual(expected.overview.trmMovement.cases);
    // The seed is varied enough to tell the rules apart.
    expect(expected.overview.reviews.map((r) => r.state)).toEqual(expect.arrayContaining(['overdue', 'due', 'due_soon']));
    expect(expected.overview.agreementsOutstanding.some((a) => a.askAgain !== null)).toBe(true);
    expect(expected.overview.agreementsOutstanding.some((a) => a.status === 'active')).toBe(true);
    expect(Object.values(expected.overview.trmMovement.counts).every((n) => n > 0)).toBe(true);
  });

  it("groups the open cases' overdue actions by the agency holding them, as counting each action would", async () => {
    const expected = await byHand();
    const d = await showServiceDashboard(t.system.deps, manager, 'BRI');
    expect(expected.overdue.length).toBeGreaterThan(1);
    expect(d.actionsOverdueByAgency).toEqual(expected.overdue.map((a) => ({ ...a, caseCount: a.cases.length, cases: a.cases.slice(0, 20) })));
  });

  it('gives every case of each list exactly once, page by page, in the order of the whole list', async () => {
    const expected = await byHand();
    const whole = {
      'active-cases': expected.overview.activeCases,
      'agreements-outstanding': expected.overview.agreementsOutstanding,
      reviews: expected.overview.reviews,
      'trm-movement': expected.overview.trmMovement.cases,
    } satisfies Record<DashboardList, unknown[]>;
    for (const list of DASHBOARD_LISTS) {
      const paged = await wholeList(list, 7);
      const ids = paged.map((row) => row.caseId);
      expect(new Set(ids).size, list).toBe(ids.length);
      expect(paged, list).toEqual(whole[list]);
    }
    // Another service's cases are never in Bristol's lists.
    const bristol = new Set(expected.cases.map((c) => c.id));
    expect((await wholeList('active-cases', 50)).every((row) => bristol.has(row.caseId))).toBe(true);
  });

  it('answers as going through every case would after each kind of change to a case', async () => {
    const answers = async () => {
      const expected = await byHand();
      const d = await showServiceDashboard(t.system.deps, manager, 'BRI', { limit: '200' });
      expect(d.counts).toEqual(expected.overview.counts);
      expect(d.trmMovement.counts).toEqual(expected.overview.trmMovement.counts);
      expect(d.agreementsOutstanding).toEqual(expected.overview.agreementsOutstanding);
      expect(d.reviews).toEqual(expected.overview.reviews);
      expect(d.activeCases).toEqual(expected.overview.activeCases);
      expect(d.trmMovement.cases).toEqual(expected.overview.trmMovement.cases);
      return d;
    };
    const before = await answers();
    const bristol = (await byHand()).cases;
    const active = bristol.filter((c) => c.status === 'active' && c.childDateOfBirth !== null);
    const [closing, moving, reviewed, agreeing, transferred, restated, meetingHeld] = active;
    await t.system.deps.store.transaction(async (tx) => {
      const update = async (c: Case, changes: Partial<Case>) =>
        expect(await tx.cases.update({ ...c, ...changes, version: c.version + 1 }, c.version)).toBe(true);
      await update(closing!, { status: 'closed' });
      await update(transferred!, { serviceId: 'NSO' });
      await update(restated!, { legalStatus: restated!.legalStatus === 'care_order' ? 'remanded' : 'care_order' });
      // A setback: a lower level than the first, placed after every other.
      await tx.trm.insert({
        id: `${moving!.id}-trm-later`,
        caseId: moving!.id,
        level: 0.5,
        rationale: 'Later.',
        effectiveDate: TODAY,
        meetingId: null,
        placedBy: 'ecm-sam',
        placedByName: 'Sam',
        placedAt: `${TODAY}T11:00:00.000Z`,
      });
      await tx.agreements.insert({
        ...template.agreement,
        id: `${agreeing!.id}-agreement-later`,
        caseId: agreeing!.id,
        seq: 99,
        party: 'young_person',
        decision: 'given',
        date: TODAY,
      });
      // An approval today restarts the review clock; a meeting held yesterday agrees the next review.
      const draft = (await tx.formulations.current(reviewed!.id)) ?? null;
      const approved: Formulation = {
        id: `${reviewed!.id}-formulation-later`,
        caseId: reviewed!.id,
        number: (draft?.number ?? 0) + 1,
        status: 'approved',
        content: {} as Formulation['content'],
        createdBy: 'psy-helen',
        updatedBy: 'psy-helen',
        updatedAt: `${TODAY}T09:00:00.000Z`,
        approvedBy: 'psy-helen',
        approvedByName: 'Helen',
        approvedAt: `${TODAY}T09:00:00.000Z`,
        version: 1,
      };
      await tx.formulations.insert(approved);
      const meeting: Meeting = {
        id: `${meetingHeld!.id}-meeting-later`,
        caseId: meetingHeld!.id,
        kind: 'review',
        startsAt: `${addDays(TODAY, -1)}T10:00:00.000Z`,
        endsAt: `${addDays(TODAY, -1)}T11:00:00.000Z`,
        location: null,
        organiserId: 'ecm-sam',
        attendees: [],
        status: 'scheduled',
        joinUrl: null,
        externalId: null,
        chatId: null,
        startedAt: null,
        endedAt: null,
        outcome: null,
        version: 1,
      };
      await tx.meetings.insert(meeting);
      const held = { ...meeting, status: 'held', outcome: { nextReviewDue: addDays(TODAY, 3) } as Meeting['outcome'], version: 2 } as Meeting;
      expect(await tx.meetings.update(held, 1)).toBe(true);
    });
    const after = await answers();
    expect(after.counts.closed).toBe(before.counts.closed + 1);
    expect(after.counts.active).toBe(before.counts.active - 2);
    expect(after.trmMovement.counts.setback).toBeGreaterThan(before.trmMovement.counts.setback);
    expect(after.reviews.find((r) => r.caseId === meetingHeld!.id)).toMatchObject({ nextReviewDue: addDays(TODAY, 3), state: 'due_soon' });
  });

  it('shows the first page of each list with where the next starts, and refuses a page it cannot give', async () => {
    const d = await showServiceDashboard(t.system.deps, manager, 'BRI', { limit: '5' });
    expect(d.activeCases).toHaveLength(5);
    expect(d.pages.activeCases).toEqual({ total: d.counts.active, limit: 5, nextOffset: 5 });
    const beyond = await showDashboardPage(t.system.deps, manager, 'BRI', 'reviews', { offset: '100000' });
    expect(beyond.items).toEqual([]);
    expect(beyond.nextOffset).toBeNull();
    expect(beyond.total).toBe(d.pages.reviews.total);
    await expect(showDashboardPage(t.system.deps, manager, 'BRI', 'everything', {})).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(showDashboardPage(t.system.deps, manager, 'BRI', 'reviews', { limit: '0' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(showServiceDashboard(t.system.deps, manager, 'BRI', { limit: '201' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
