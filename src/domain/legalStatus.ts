/**
 * The child's legal status, which with their age decides who must agree to ECM (agreementRules.ts),
 * and who holds parental responsibility for them.
 */
export const LEGAL_STATUSES = ['living_with_parents', 'care_order', 'accommodated_by_agreement', 'remanded', 'care_leaver', 'other'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
