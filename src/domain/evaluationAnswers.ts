/**
 * The measures an ECM evaluation asks for, recorded at each formulation and review meeting (the
 * formulation meeting gives the baseline). Each is a code from a fixed list, so they can leave the
 * service in the pseudonymised export; the words are the form's, and a code outside its list is
 * refused in those words. The TRM level at the review is the placement the team records there
 * (src/domain/trm.ts), not asked twice. Words only, no validation library (that is
 * evaluationMeasures.ts), so the tab can show them through src/contract/evaluation.ts.
 */
export const ENGAGEMENT = {
  engaged: 'Engaged',
  partly_engaged: 'Partly engaged',
  not_engaged: 'Not engaged',
} as const;

export const EDUCATION_TRAINING_EMPLOYMENT = {
  full_time: 'Full time',
  part_time: 'Part time',
  none: 'None',
  not_known: 'Not known',
} as const;

export const ACCOMMODATION = {
  stable: 'Stable',
  at_risk: 'At risk',
  unstable: 'Unstable',
  not_known: 'Not known',
} as const;

export const FURTHER_OFFENDING = {
  none: 'None',
  alleged: 'Alleged',
  charged: 'Charged',
  convicted: 'Convicted',
  not_known: 'Not known',
} as const;

export const CUSTODY_OR_REMAND = {
  none: 'Neither',
  remand: 'Remanded',
  custody: 'In custody',
} as const;

/** Each measure: its field, the question the form asks, and its answers. */
export const MEASURES = {
  engagement: { question: 'Engagement with the service', answers: ENGAGEMENT },
  educationTrainingEmployment: { question: 'Education, training or employment', answers: EDUCATION_TRAINING_EMPLOYMENT },
  accommodation: { question: 'Stability of accommodation', answers: ACCOMMODATION },
  furtherOffending: { question: 'Further offending since the last review', answers: FURTHER_OFFENDING },
  custodyOrRemand: { question: 'Custody or remand since the last review', answers: CUSTODY_OR_REMAND },
} as const;
export type MeasureName = keyof typeof MEASURES;

/** "choose Engaged, Partly engaged or Not engaged": the answers as the form shows them. */
export function chooseFrom(answers: Record<string, string>): string {
  const words = Object.values(answers).map((w, i) => (i === 0 ? w : w.toLowerCase()));
  return `choose ${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
