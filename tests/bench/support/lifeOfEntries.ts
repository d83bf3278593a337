import type { meetingCase } from '../../browser/harness.js';

/** The API of the person who adds the entries (the meeting case's YJS practitioner). */
type Adder = Awaited<ReturnType<typeof meetingCase>>['amy'];

const PRECISIONS = [
  (i: number) => ({ precision: 'age', age: i % 15 }),
  (i: number) => ({ precision: 'year', year: 2011 + (i % 15) }),
  (i: number) => ({ precision: 'month', month: `${2012 + (i % 14)}-${String((i % 12) + 1).padStart(2, '0')}` }),
  (i: number) => ({ precision: 'day', date: `${2012 + (i % 14)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }),
  (i: number) => ({ precision: 'lifeStage', lifeStage: ['pregnancy', 'infancy', 'early_years', 'primary', 'secondary'][i % 5] }),
];
const CATEGORIES = [
  'home_family',
  'education',
  'police_justice',
  'positive_relationships',
  'health_development',
  'moves_accommodation',
  'strengths_achievements',
];

/** A life of `count` entries through the API, every precision and category in turn, 25 at a time: what the tab's first render is measured on. */
export async function addLifeOfEntries(amy: Adder, caseId: string, count = 1000): Promise<void> {
  for (let i = 0; i < count; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - i) }, (_, k) =>
        amy.post(`/api/v1/cases/${caseId}/timeline`, {
          when: PRECISIONS[(i + k) % PRECISIONS.length]!(i + k),
          category: CATEGORIES[(i + k) % CATEGORIES.length],
          sourceAgency: 'youth_justice',
          confidence: 'reported',
          description: `Benchmark entry ${i + k + 1}: something that happened, in a sentence or two of plain facts.`,
        }),
      ),
    );
  }
}
