import type { Instant } from './dates.js';

/**
 * The append-only record of every read and change of case data. Rows are hash-chained per chain
 * (one chain per service, one for the system) so that altering or removing a row is detectable.
 * Details name records by id and case reference, never by the child's name.
 */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

export interface AuditEventInput {
  actorId: string;
  action: string;
  caseId: string | null;
  serviceId: string | null;
  detail: AuditDetail;
}

export interface AuditEvent extends AuditEventInput {
  chain: string;
  seq: number;
  at: Instant;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export const chainOf = (serviceId: string | null): string => serviceId ?? 'system';

/**
 * The canonical text of a row but for the two things only the chain's head knows, its number and
 * the previous link: `before + seq + after + prevHash + '"]'` is `canonicalAuditText` of the row,
 * for any number and any link of 64 hex digits. The database finishes the text and hashes it in
 * the statement that advances the head, so a link takes one statement.
 */
export function canonicalAuditParts(e: Omit<AuditEvent, 'hash' | 'seq' | 'prevHash'>): { before: string; after: string } {
  const detail = Object.fromEntries(Object.entries(e.detail).sort(([a], [b]) => a.localeCompare(b)));
  const chain = JSON.stringify([e.chain]);
  const rest = JSON.stringify([e.at, e.actorId, e.action, e.caseId, e.serviceId, detail]);
  return { before: `${chain.slice(0, -1)},`, after: `,${rest.slice(1, -1)},"` };
}

/** The exact text that is hashed: stable key order, so the chain verifies on any database. */
export function canonicalAuditText(e: Omit<AuditEvent, 'hash'>): string {
  const detail = Object.fromEntries(Object.entries(e.detail).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([e.chain, e.seq, e.at, e.actorId, e.action, e.caseId, e.serviceId, detail, e.prevHash]);
}
