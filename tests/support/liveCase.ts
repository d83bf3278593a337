import { agreementGiven, referral } from './factories.js';
import type { Api } from './httpApi.js';

/**
 * Cases for a server that runs on the system clock (a child process, a benchmark), where the fixed
 * dates of the factories would drift into the past: an order running a year from now, agreement
 * given yesterday (UTC, so never after today in Europe/London).
 */
const day = (offsetDays: number, years = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
};

export const todaysReferral = (overrides: Record<string, unknown> = {}) =>
  referral({ childDateOfBirth: day(0, -15), orderStart: day(-30), orderEnd: day(0, 1), ...overrides });

/** Refers a case and records both agreements, as the case holder would. Returns the case id. */
export async function activeCaseToday(holder: Api, overrides: Record<string, unknown> = {}): Promise<string> {
  const referred = await holder.post('/api/v1/cases', todaysReferral(overrides));
  if (referred.status !== 201) throw new Error(`referral failed: ${referred.status} ${JSON.stringify(referred.body)}`);
  const id = referred.body.id as string;
  for (const party of ['young_person', 'parent_carer'] as const) {
    const r = await holder.post(`/api/v1/cases/${id}/agreements`, agreementGiven(party, { date: day(-1) }));
    if (r.status !== 201) throw new Error(`agreement failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return id;
}
