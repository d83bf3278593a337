import { z } from 'zod';
import { ruleViolation } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { assertMayAcceptTerms, hasAcceptedCurrentTerms, type TeamMember } from '../../domain/team.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

export const acceptTermsSchema = z.object({ termsVersion: z.string().min(1).max(20) }).strict();

export interface TermsAcceptance {
  member: TeamMember;
  /** They had accepted these terms before (a second press): nothing was changed. */
  alreadyAccepted: boolean;
}

/** A partner accepts the information-sharing terms; from then on the case opens to them. */
export async function acceptTerms(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<TermsAcceptance> {
  const { termsVersion } = parseInput(acceptTermsSchema, input, 'The acceptance');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'terms.accept');
    if (!membership) throw ruleViolation('You are not invited to this case.');
    if (hasAcceptedCurrentTerms(membership) && membership.termsVersion === termsVersion) return { member: membership, alreadyAccepted: true };
    assertMayAcceptTerms(membership, termsVersion, w.now);
    if (c.status === 'closed') throw ruleViolation('This case is closed.');
    const accepted: TeamMember = { ...membership, termsAcceptedAt: w.now, termsVersion };
    await w.tx.team.upsert(accepted);
    await w.audit({ action: 'terms.accepted', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, termsVersion } });
    await w.emit({ caseId: c.id, type: 'team.changed', data: accepted });
    return { member: accepted, alreadyAccepted: false };
  });
}
