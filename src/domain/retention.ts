import { addYears, type IsoDate } from './dates.js';
import type { Case, Pathway } from './case.js';
import { serviceSettingsSchema, type RetentionPolicy } from './service.js';

/**
 * How long a closed case is kept. Each service sets the years by pathway; the clock starts when the
 * case closes, so an open case has no retain-until date yet.
 */
export const retentionPolicySchema = serviceSettingsSchema.shape.retention;

export const retentionYears = (policy: RetentionPolicy, pathway: Pathway): number =>
  pathway === 'statutory_ecm' ? policy.statutoryYears : policy.consultationYears;

/** The last day the case is kept: the closure date plus the pathway's years. Null while open. */
export function retainUntil(c: Pick<Case, 'closedAt' | 'pathway'>, policy: RetentionPolicy): IsoDate | null {
  if (!c.closedAt) return null;
  return addYears(c.closedAt.slice(0, 10), retentionYears(policy, c.pathway));
}

/** Past retention from the day after its retain-until date. */
export function isPastRetention(c: Pick<Case, 'closedAt' | 'pathway' | 'status'>, policy: RetentionPolicy, today: IsoDate): boolean {
  const until = retainUntil(c, policy);
  return c.status === 'closed' && until !== null && today > until;
}
