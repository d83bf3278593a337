import type { Case } from './case.js';

/**
 * One case per child in a service: a referral whose name and date of birth match an open case (or
 * consultation) there is probably the same young person. Names are compared without case, accents
 * or extra spaces, as people type them differently.
 */
export const normalisedName = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

export function possibleDuplicates(candidates: readonly Case[], referral: { serviceId: string; childName: string; childDateOfBirth: string }): Case[] {
  const name = normalisedName(referral.childName);
  return candidates.filter(
    (c) =>
      c.status !== 'closed' &&
      c.childName !== null &&
      c.serviceId === referral.serviceId &&
      c.childDateOfBirth === referral.childDateOfBirth &&
      normalisedName(c.childName) === name,
  );
}
