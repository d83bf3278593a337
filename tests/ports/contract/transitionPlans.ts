import { expect, it } from 'vitest';
import type { TransitionPlan } from '../../../src/domain/transitionPlan.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, withServices } from './records.js';

const plan = (caseId: string, overrides: Partial<TransitionPlan> = {}): TransitionPlan => ({
  caseId,
  joining: [
    { service: 'probation', detail: null, joinBy: '2027-02-01' },
    { service: 'other', detail: 'The leaving care team’s housing officer', joinBy: '2027-03-01' },
  ],
  relationships: [
    {
      relationship: 'Weekly football with the mentor',
      keptBy: { kind: 'person', staffId: 'mentor-kim', name: 'Kim Adeyemi', agency: 'mentoring' },
      until: '2027-06-30',
    },
    { relationship: 'Contact with the youth club', keptBy: { kind: 'agency', agency: 'youth_club' }, until: '2027-04-30' },
  ],
  writtenBy: 'ecm-sam',
  writtenByName: 'Sam Okafor',
  writtenAt: AT,
  version: 1,
  ...overrides,
});

export function transitionPlanContract({ store }: ContractContext): void {
  it('keeps one transition plan per case, written first over version 0 and then only over the version read', async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1'));
      await tx.cases.insert(aCase('c2'));
      expect(await tx.transitionPlans.get('c1')).toBeNull();
      expect(await tx.transitionPlans.save(plan('c1'), 0)).toBe(true);
      expect(await tx.transitionPlans.save(plan('c2', { joining: [{ service: 'adult_social_care', detail: null, joinBy: '2027-01-10' }] }), 0)).toBe(true);
    });
    // A second first plan, written by someone who had read none, does not overwrite the first.
    await store().transaction(async (tx) => expect(await tx.transitionPlans.save(plan('c1', { relationships: [] }), 0)).toBe(false));
    const second = plan('c1', { relationships: [], version: 2 });
    await store().transaction(async (tx) => {
      expect(await tx.transitionPlans.save(second, 2)).toBe(false);
      expect(await tx.transitionPlans.save(second, 1)).toBe(true);
    });
    await store().transaction(async (tx) => {
      expect(await tx.transitionPlans.get('c1')).toEqual(second);
      expect((await tx.transitionPlans.get('c2'))?.joining).toEqual([{ service: 'adult_social_care', detail: null, joinBy: '2027-01-10' }]);
    });
  });

  it('removes a case’s transition plan when the case passes retention, and no other', async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1'));
      await tx.cases.insert(aCase('c2'));
      await tx.transitionPlans.save(plan('c1'), 0);
      await tx.transitionPlans.save(plan('c2'), 0);
    });
    await store().transaction((tx) => tx.cases.purge('c1'));
    await store().transaction(async (tx) => {
      expect(await tx.transitionPlans.get('c1')).toBeNull();
      expect(await tx.transitionPlans.get('c2')).toEqual(plan('c2'));
    });
  });
}
