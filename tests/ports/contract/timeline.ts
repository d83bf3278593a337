import { expect, it } from 'vitest';
import { compareLifeOrder, type TimelineEntry } from '../../../src/domain/timeline.js';
import { countEntries, type CoverageCount } from '../../../src/domain/timelineCoverage.js';
import type { StoreTx, TimelineQuery } from '../../../src/ports/store.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, entry, withServices } from './records.js';

const day = (date: string) => ({ when: { precision: 'day' as const, date }, span: { start: date, end: date } });

/** Entries whose life order is decided at every level of the sort key, inserted out of order. */
const LIFE: TimelineEntry[] = [
  entry('e-year', 'c1', { when: { precision: 'year', year: 2012 }, span: { start: '2012-01-01', end: '2012-12-31' }, category: 'home_family' }),
  entry('e-month', 'c1', { when: { precision: 'month', month: '2012-01' }, span: { start: '2012-01-01', end: '2012-01-31' }, sourceAgency: 'health' }),
  entry('e-day', 'c1', { ...day('2012-01-01'), confidence: 'reported' }),
  entry('e-later', 'c1', { ...day('2015-06-01'), createdAt: '2026-11-27T11:00:00.000Z', contributorId: 'police-jo', sourceAgency: 'police' }),
  entry('e-earlier', 'c1', { ...day('2015-06-01'), createdAt: '2026-11-27T09:00:00.000Z', category: 'police_justice' }),
  entry('e-tie-b', 'c1', { ...day('2016-02-02'), confidence: 'unverified' }),
  entry('e-tie-a', 'c1', { ...day('2016-02-02'), sourceAgency: 'social_care' }),
  entry('e-pregnancy', 'c1', {
    when: { precision: 'lifeStage', lifeStage: 'pregnancy' },
    span: { start: '2010-08-14', end: '2011-05-13' },
    lifeStage: 'pregnancy',
    category: 'pregnancy_birth',
  }),
  entry('e-retracted', 'c1', { ...day('2013-03-03'), retraction: { at: AT, by: 'yjs-amy', reason: 'Added to the wrong case.' }, version: 2 }),
  entry('e-other-case', 'c2', day('2014-04-04')),
];

async function insertLife(tx: StoreTx): Promise<void> {
  await withServices(tx);
  await tx.cases.insert(aCase('c1'));
  await tx.cases.insert(aCase('c2'));
  for (const e of LIFE) await tx.timeline.insert(e);
}

async function allPages(tx: StoreTx, query: TimelineQuery, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = await tx.timeline.list('c1', query, { limit, after });
    pages.push(page.items.map((e) => e.id));
    after = page.nextCursor ?? undefined;
  } while (after);
  return pages;
}

export function timelineContract({ store }: ContractContext): void {
  it('reads an entry back exactly as written, only under its own case', async () => {
    await store().transaction(insertLife);
    await store().transaction(async (tx) => {
      for (const e of LIFE) expect(await tx.timeline.get(e.caseId, e.id)).toEqual(e);
      expect(await tx.timeline.get('c2', 'e-day')).toBeNull();
    });
  });

  it('lists the timeline in life order — span start, span end, when added, id — a page at a time', async () => {
    await store().transaction(insertLife);
    const pages = await store().transaction((tx) => allPages(tx, {}, 3));
    const expected = ['e-pregnancy', 'e-day', 'e-month', 'e-year', 'e-earlier', 'e-later', 'e-tie-a', 'e-tie-b'];
    expect(pages).toEqual([expected.slice(0, 3), expected.slice(3, 6), expected.slice(6)]);
    const live = LIFE.filter((e) => e.caseId === 'c1' && !e.retraction);
    expect(expected).toEqual([...live].sort(compareLifeOrder).map((e) => e.id));
  });

  it('shows retracted entries only when asked, and never among the live ones', async () => {
    await store().transaction(insertLife);
    await store().transaction(async (tx) => {
      const all = (await allPages(tx, { includeRetracted: true }, 4)).flat();
      expect(all).toHaveLength(9);
      expect(all.indexOf('e-retracted')).toBe(all.indexOf('e-year') + 1);
      expect([...(await tx.timeline.liveIds('c1'))].sort()).toEqual([
        'e-day',
        'e-earlier',
        'e-later',
        'e-month',
        'e-pregnancy',
        'e-tie-a',
        'e-tie-b',
        'e-year',
      ]);
    });
  });

  it('counts the live entries by life stage and agency, for the jigsaw', async () => {
    await store().transaction(insertLife);
    const counts = await store().transaction((tx) => tx.timeline.coverage('c1'));
    // The database counts as the documents do from entries in hand.
    const byCell = (cs: CoverageCount[]) => new Map(cs.map((c) => [`${c.lifeStage}/${c.agency}`, c.entries]));
    expect(byCell(counts)).toEqual(byCell(countEntries(LIFE.filter((x) => x.caseId === 'c1'))));
    expect(counts.reduce((n, c) => n + c.entries, 0)).toBe(8);
    expect(counts.every((c) => typeof c.entries === 'number')).toBe(true);
  });

  it('filters by category, agency, confidence and contributor, and pages through what is left', async () => {
    await store().transaction(insertLife);
    await store().transaction(async (tx) => {
      const ids = async (query: TimelineQuery) => (await allPages(tx, query, 2)).flat();
      expect(await ids({ categories: ['home_family', 'police_justice'] })).toEqual(['e-year', 'e-earlier']);
      expect(await ids({ agencies: ['health', 'police'] })).toEqual(['e-month', 'e-later']);
      expect(await ids({ confidence: ['reported', 'unverified'] })).toEqual(['e-day', 'e-tie-b']);
      expect(await ids({ contributorIds: ['police-jo'] })).toEqual(['e-later']);
      expect(await ids({ agencies: ['education'], confidence: ['confirmed'] })).toEqual(['e-pregnancy', 'e-year', 'e-earlier']);
      expect(await ids({ categories: ['loss_bereavement'] })).toEqual([]);
    });
  });

  it('updates an entry only over the version it was read at, and keeps every earlier version', async () => {
    await store().transaction(insertLife);
    const before = LIFE.find((e) => e.id === 'e-day')!;
    const edited = { ...before, description: 'Corrected: moved school in January.', updatedAt: '2026-11-28T10:00:00.000Z', version: 2 };
    await store().transaction(async (tx) => {
      await tx.timeline.addRevision({
        entryId: before.id,
        caseId: before.caseId,
        version: before.version,
        content: {
          when: before.when,
          category: before.category,
          sourceAgency: before.sourceAgency,
          confidence: before.confidence,
          description: before.description,
        },
        retraction: null,
        restriction: null,
        changedBy: before.contributorId,
        changedByName: before.contributorName,
        changedAt: before.createdAt,
      });
      expect(await tx.timeline.update(edited, 1)).toBe(true);
      expect(await tx.timeline.update({ ...edited, description: 'A stale edit.' }, 1)).toBe(false);
      expect(await tx.timeline.update({ ...edited, caseId: 'c2', version: 3 }, 2)).toBe(false);
    });
    await store().transaction(async (tx) => {
      expect(await tx.timeline.get('c1', 'e-day')).toEqual(edited);
      expect((await tx.timeline.revisions('e-day')).map((r) => [r.version, r.content.description])).toEqual([[1, before.description]]);
      expect(await tx.timeline.revisions('e-month')).toEqual([]);
    });
  });

  it('keeps who restricted an entry, when and why, and each version’s restriction in its history; lifting clears it', async () => {
    await store().transaction(insertLife);
    const before = LIFE.find((e) => e.id === 'e-month')!;
    const restriction = { at: '2026-11-28T10:00:00.000Z', by: 'health-sam', byName: 'Sam Patel', reason: 'Health information shared in confidence.' };
    const restricted = { ...before, restriction, updatedAt: restriction.at, version: 2 };
    const revision = (e: TimelineEntry) => ({
      entryId: e.id,
      caseId: e.caseId,
      version: e.version,
      content: { when: e.when, category: e.category, sourceAgency: e.sourceAgency, confidence: e.confidence, description: e.description },
      retraction: e.retraction,
      restriction: e.restriction,
      changedBy: 'health-sam',
      changedByName: 'Sam Patel',
      changedAt: e.updatedAt,
    });
    await store().transaction(async (tx) => {
      expect(await tx.timeline.update(restricted, 1)).toBe(true);
      await tx.timeline.addRevision(revision(restricted));
    });
    await store().transaction(async (tx) => {
      expect(await tx.timeline.get('c1', 'e-month')).toEqual(restricted);
      expect((await tx.timeline.revisions('e-month')).map((r) => r.restriction)).toEqual([restriction]);
      expect((await tx.timeline.list('c1', { agencies: ['health'] }, { limit: 10 })).items.map((e) => e.restriction)).toEqual([restriction]);
    });
    const lifted = { ...restricted, restriction: null, updatedAt: '2026-11-29T10:00:00.000Z', version: 3 };
    await store().transaction(async (tx) => {
      expect(await tx.timeline.update(lifted, 2)).toBe(true);
      await tx.timeline.addRevision(revision(lifted));
    });
    await store().transaction(async (tx) => {
      expect(await tx.timeline.get('c1', 'e-month')).toEqual(lifted);
      expect((await tx.timeline.revisions('e-month')).map((r) => r.restriction)).toEqual([restriction, null]);
    });
  });
}
