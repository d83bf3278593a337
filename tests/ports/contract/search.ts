import { expect, it } from 'vitest';
import type { TimelineEntry } from '../../../src/domain/timeline.js';
import type { StoreTx, TimelineSearch } from '../../../src/ports/store.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, entry, withServices } from './records.js';

const day = (date: string) => ({ when: { precision: 'day' as const, date }, span: { start: date, end: date } });

/** A short life, told in words a team would search for. */
const LIFE: TimelineEntry[] = [
  entry('w-bullied', 'c1', { ...day('2019-03-01'), description: 'Bullied at school; moved class after a meeting with the head.' }),
  entry('w-excluded', 'c1', { ...day('2022-10-12'), lifeStage: 'secondary', description: 'Excluded for a fixed term after a fight at school.' }),
  entry('w-health', 'c1', {
    ...day('2014-06-20'),
    lifeStage: 'early_years',
    sourceAgency: 'health',
    category: 'health_development',
    description: 'Speech and language assessment: referred to therapy.',
  }),
  entry('w-police', 'c1', {
    ...day('2023-01-05'),
    lifeStage: 'secondary',
    sourceAgency: 'police',
    description: 'Found missing overnight; returned home by officers.',
  }),
  entry('w-retracted', 'c1', {
    ...day('2020-01-01'),
    description: 'Bullying reported at the youth club.',
    retraction: { at: AT, by: 'yjs-amy', reason: 'Added to the wrong case.' },
    version: 2,
  }),
  entry('w-other-case', 'c2', { ...day('2019-03-01'), description: 'Bullied at school by older pupils.' }),
];

async function insertLife(tx: StoreTx): Promise<void> {
  await withServices(tx);
  await tx.cases.insert(aCase('c1', { childName: 'Riley Ashworth' }));
  await tx.cases.insert(aCase('c2', { childName: 'Sam Okafor' }));
  for (const e of LIFE) await tx.timeline.insert(e);
}

const ECM: TimelineSearch['restrictedText'] = { kind: 'all' };

export function searchContract({ store }: ContractContext): void {
  const search = (words: string[], more: Partial<TimelineSearch> = {}) =>
    store().transaction((tx) => tx.timeline.search('c1', { words, restrictedText: ECM, limit: 50, ...more }));
  const ids = async (words: string[], more: Partial<TimelineSearch> = {}) => (await search(words, more)).items.map((m) => m.entry.id);

  it("finds the case's live entries holding every word, in life order, and no other case's", async () => {
    await store().transaction(insertLife);
    expect(await ids(['school'])).toEqual(['w-bullied', 'w-excluded']);
    expect(await ids(['school', 'fight'])).toEqual(['w-excluded']);
    expect(await ids(['school', 'therapy'])).toEqual([]);
    expect(await ids(['giraffe'])).toEqual([]);
  });

  it('finds a word from its start as it is typed, and its other endings', async () => {
    await store().transaction(insertLife);
    expect(await ids(['exclu'])).toEqual(['w-excluded']);
    // Stemmed: "bullying" finds "Bullied", as both databases stem English.
    expect(await ids(['bullying'])).toEqual(['w-bullied']);
    expect(await ids(['speech', 'languag'])).toEqual(['w-health']);
  });

  it('marks exactly the words that matched in the description', async () => {
    await store().transaction(insertLife);
    const [match] = (await search(['bully', 'school'])).items;
    const text = match!.entry.description;
    expect(match!.highlights.map((r) => text.slice(r.start, r.end))).toEqual(['Bullied', 'school']);
    expect(match!.entry).toEqual(LIFE[0]);
  });

  it('narrows by agency, life stage and category, as the timeline does', async () => {
    await store().transaction(insertLife);
    expect(await ids(['school'], { lifeStages: ['secondary'] })).toEqual(['w-excluded']);
    expect(await ids(['home', 'missing'], { agencies: ['police'] })).toEqual(['w-police']);
    expect(await ids(['school'], { agencies: ['police'] })).toEqual([]);
    expect(await ids(['therapy'], { categories: ['health_development'], agencies: ['health'], lifeStages: ['early_years'] })).toEqual(['w-health']);
  });

  it('keeps the index in step: an edit finds the new words only, a purge finds nothing', async () => {
    await store().transaction(insertLife);
    const before = LIFE[3]!;
    await store().transaction(async (tx) => {
      expect(await tx.timeline.update({ ...before, description: 'Reported missing from the care home; found by a neighbour.', version: 2 }, 1)).toBe(true);
    });
    expect(await ids(['overnight'])).toEqual([]);
    expect(await ids(['neighbour'])).toEqual(['w-police']);
    const [match] = (await search(['neighbour'])).items;
    expect(match!.highlights).toHaveLength(1);
    await store().transaction(async (tx) => {
      expect(
        await tx.timeline.update(
          {
            ...before,
            description: 'Reported missing from the care home; found by a neighbour.',
            retraction: { at: AT, by: 'police-jo', reason: 'Wrong child.' },
            version: 3,
          },
          2,
        ),
      ).toBe(true);
    });
    expect(await ids(['neighbour'])).toEqual([]);
    await store().transaction((tx) => tx.cases.purge('c2'));
    expect(await store().transaction((tx) => tx.timeline.search('c2', { words: ['bullied'], restrictedText: ECM, limit: 5 }))).toEqual({
      items: [],
      more: false,
    });
  });

  it("never matches a restricted entry's words for someone who may not read them, not even to count it", async () => {
    const restricted = entry('w-restricted', 'c1', {
      ...day('2013-02-02'),
      lifeStage: 'early_years',
      sourceAgency: 'health',
      category: 'health_development',
      contributorId: 'health-kim',
      description: 'Seen by the school nurse after disclosing self-harm.',
      restriction: { at: AT, by: 'health-kim', byName: 'Kim Patel', reason: 'Health information shared in confidence.' },
    });
    await store().transaction(async (tx) => {
      await insertLife(tx);
      await tx.timeline.insert(restricted);
    });
    const police = { kind: 'unrestricted_or', agency: 'police', staffId: 'police-jo' } as const;
    // A partner from another agency: the restricted entry is not found, and the rest of the search is unchanged.
    expect(await ids(['nurse'], { restrictedText: police })).toEqual([]);
    expect(await ids(['school'], { restrictedText: police })).toEqual(['w-bullied', 'w-excluded']);
    expect((await search(['school'], { restrictedText: police, limit: 2 })).more).toBe(false);
    // The ECM team, the contributing agency and the person who added it find it.
    expect(await ids(['nurse'])).toEqual(['w-restricted']);
    expect(await ids(['nurse'], { restrictedText: { kind: 'unrestricted_or', agency: 'health', staffId: 'health-ann' } })).toEqual(['w-restricted']);
    expect(await ids(['nurse'], { restrictedText: { kind: 'unrestricted_or', agency: 'education', staffId: 'health-kim' } })).toEqual(['w-restricted']);
    expect(await ids(['school'])).toEqual(['w-restricted', 'w-bullied', 'w-excluded']);
  });

  it('gives at most the limit, saying there were more', async () => {
    await store().transaction(insertLife);
    const found = await search(['school'], { limit: 1 });
    expect(found.items.map((m) => m.entry.id)).toEqual(['w-bullied']);
    expect(found.more).toBe(true);
    expect((await search(['school'], { limit: 2 })).more).toBe(false);
  });

  it('treats typed search syntax as letters, never as an operator', async () => {
    await store().transaction(insertLife);
    expect(await ids(['or'])).toEqual([]);
    expect(await ids(['near'])).toEqual([]);
    expect(await ids([])).toEqual([]);
  });

  it("finds a caseload's cases by words of the child's name or of the reference, in any case", async () => {
    await store().transaction(async (tx) => {
      await insertLife(tx);
      await tx.cases.insert(aCase('c3', { childName: 'Ash Riley', serviceId: 'NSO', reference: 'NSO-2026-0003' }));
    });
    await store().transaction(async (tx) => {
      const refs = async (words: string[], serviceIds?: string[]) =>
        (await tx.cases.list({ nameOrReference: words, ...(serviceIds ? { serviceIds } : {}) }, { limit: 10 })).items.map((c) => c.id).sort();
      expect(await refs(['riley'])).toEqual(['c1', 'c3']);
      expect(await refs(['ash', 'riley'])).toEqual(['c1', 'c3']);
      expect(await refs(['ashworth'])).toEqual(['c1']);
      expect(await refs(['riley'], ['BRI'])).toEqual(['c1']);
      expect(await refs(['bri', '2026', 'c2'])).toEqual(['c2']);
      expect(await refs(['nso'])).toEqual(['c3']);
      expect(await refs(['%'])).toEqual([]);
    });
  });
}
