import type { Api } from './testSystem.js';

let referred = 0;
/** The number in base 26 written b…z, a for nought: '', 'b', … 'z', 'ba', 'bb'… each different. */
const nameSuffix = (n: number): string => (n === 0 ? '' : nameSuffix(Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26)));

/**
 * A referral with sensible defaults; override any field. Dates suit the test clock (2026-11-27).
 * Each is a different fictional child ("Jordan Test", "Jordan Testb", …), so that a file referring
 * many cases is not told they may be one child; the full name always begins "Jordan Test".
 */
export const referral = (overrides: Record<string, unknown> = {}) => ({
  serviceId: 'BRI',
  childName: `Jordan Test${nameSuffix(referred++)}`,
  childDateOfBirth: '2011-05-14',
  orderStart: '2026-10-01',
  orderEnd: '2027-10-01',
  referralReason: 'Violence towards peers; history of domestic abuse at home.',
  ...overrides,
});

/** A consultation asked for on de-identified details (initials, age, service): a youth caution, no agreement to share. */
export const consultationRequest = (overrides: Record<string, unknown> = {}) => ({
  serviceId: 'BRI',
  disposal: 'youth_caution',
  question: 'How best to keep him engaged with the caution programme after two missed sessions?',
  childInitials: 'JT',
  childAge: 14,
  ...overrides,
});

export const agreementGiven = (party: 'young_person' | 'parent_carer', overrides: Record<string, unknown> = {}) => ({
  party,
  decision: 'given',
  date: '2026-11-20',
  method: 'in_person',
  ...(party === 'young_person' ? { competenceNote: 'Understood what ECM involves and asked good questions.' } : {}),
  ...overrides,
});

export const entry = (overrides: Record<string, unknown> = {}) => ({
  when: { precision: 'age', age: 7 },
  category: 'education',
  sourceAgency: 'education',
  confidence: 'confirmed',
  description: 'Moved primary school after the family was rehoused.',
  ...overrides,
});

/** Refers a case and records both agreements, as the case holder would. Returns the case id. */
export async function activeCase(holder: Api, overrides: Record<string, unknown> = {}): Promise<string> {
  const referred = await holder.post('/api/v1/cases', referral(overrides));
  if (referred.status !== 201) throw new Error(`referral failed: ${JSON.stringify(referred.body)}`);
  const id = referred.body.id as string;
  for (const party of ['young_person', 'parent_carer'] as const) {
    const r = await holder.post(`/api/v1/cases/${id}/agreements`, agreementGiven(party));
    if (r.status !== 201) throw new Error(`agreement failed: ${JSON.stringify(r.body)}`);
  }
  return id;
}

/** A case document to publish, as the system would make it; override any field. */
export const caseDocument = (overrides: Record<string, unknown> = {}) => ({
  fileName: 'formulation v1.docx',
  content: new TextEncoder().encode('the formulation report'),
  documentType: 'formulation_report' as const,
  version: 'v1',
  reviewDate: '2027-02-26',
  retainUntil: '2034-11-27',
  ...overrides,
});
