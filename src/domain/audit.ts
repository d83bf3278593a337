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

/** The exact text that is hashed: stable key order, so the chain verifies on any database. */
export function canonicalAuditText(e: Omit<AuditEvent, 'hash'>): string {
  const detail = Object.fromEntries(Object.entries(e.detail).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify([e.chain, e.seq, e.at, e.actorId, e.action, e.caseId, e.serviceId, detail, e.prevHash]);
}
