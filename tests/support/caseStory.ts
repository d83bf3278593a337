import { expect } from 'vitest';
import { activeCase, entry } from './factories.js';
import type { Api } from './testSystem.js';

/**
 * A case taken through the API to an approved formulation: referred and agreed by the case holder,
 * three timeline entries, a formulation citing them approved by the psychologist, and a first TRM
 * placement. Returns what the tests need to go on.
 */
export async function caseWithApprovedFormulation(holder: Api, psychologist: Api, overrides: Record<string, unknown> = {}) {
  const id = await activeCase(holder, overrides);
  const entries: string[] = [];
  for (const e of [
    entry({
      when: { precision: 'lifeStage', lifeStage: 'pregnancy' },
      category: 'pregnancy_birth',
      sourceAgency: 'health',
      description: 'Mother had little antenatal care.',
    }),
    entry({ when: { precision: 'age', age: 7 }, category: 'home_family', sourceAgency: 'social_care', description: 'Jordan moved to live with an aunt.' }),
    entry({ when: { precision: 'day', date: '2019-06-03' }, category: 'strengths_achievements', description: 'Won a school art prize.' }),
  ]) {
    const added = await holder.post(`/api/v1/cases/${id}/timeline`, e);
    expect(added.status).toBe(201);
    entries.push(added.body.id);
  }
  const drafted = await psychologist.post(`/api/v1/cases/${id}/formulation`, {
    summary: 'Jordan Test has lived in four homes. Jordan keeps going.',
    hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trust in adults is fragile after early moves.', evidence: [entries[0], entries[1]] }],
    strengths: 'A talented artist.',
    needs: 'Slower spoken instructions.',
    recommendations: [{ id: 'r1', text: 'The same worker each week.', trmLevel: 2, sequence: 1, relationshipBased: true }],
    youthFriendly: {
      summary: 'You have moved a lot.',
      hypotheses: '',
      strengths: 'You are a great artist.',
      needs: '',
      recommendations: 'You will see the same worker every week.',
    },
  });
  expect(drafted.status).toBe(201);
  const approved = await psychologist.post(`/api/v1/cases/${id}/formulation/approval`, undefined, { 'if-match': drafted.headers.get('etag')! });
  expect(approved.status).toBe(200);
  const placed = await psychologist.post(`/api/v1/cases/${id}/trm`, {
    level: 2,
    rationale: 'Needs a trusted relationship first.',
    // The day of approval (the test clock's today, unless a test moved it).
    effectiveDate: String(approved.body.approvedAt).slice(0, 10),
  });
  expect(placed.status).toBe(201);
  return { id, entries };
}
