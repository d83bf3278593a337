import { createHash } from 'node:crypto';
import { canonicalAuditText, type AuditEvent } from '../domain/audit.js';

/** The link of an audit row: SHA-256 of its canonical text, which includes the previous link. */
export const auditHash = (e: Omit<AuditEvent, 'hash'>): string => createHash('sha256').update(canonicalAuditText(e)).digest('hex');
