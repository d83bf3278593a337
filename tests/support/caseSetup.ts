import { recordAgreement } from '../../src/app/agreement/recordAgreement.js';
import { referCase } from '../../src/app/case/referCase.js';
import type { AppDeps } from '../../src/app/deps.js';
import { principalOf, type Principal } from '../../src/domain/staff.js';
import { agreementGiven, referral } from './factories.js';

export const principal = async (deps: AppDeps, staffId: string): Promise<Principal> =>
  principalOf((await deps.store.transaction((tx) => tx.staff.get(staffId)))!);

/** An active case made through the use cases themselves (referral and both agreements). */
export async function activeCaseVia(deps: AppDeps, serviceId = 'BRI'): Promise<{ id: string; reference: string }> {
  const holder = await principal(deps, { BRI: 'yjs-amy', NSO: 'yjs-dan', SGL: 'yjs-kate', BNE: 'yjs-lee' }[serviceId]!);
  const c = await referCase(deps, holder, referral({ serviceId }));
  for (const party of ['young_person', 'parent_carer'] as const) await recordAgreement(deps, holder, c.id, agreementGiven(party));
  return { id: c.id, reference: c.reference };
}
