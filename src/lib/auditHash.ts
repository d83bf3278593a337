import { createHash } from 'node:crypto';
import { canonicalAuditText, type AuditEvent } from '../domain/audit.js';

/** The link of an audit row: SHA-256 of its canonical text, which includes the previous link. */
export const auditHash = (event: Omit<AuditEvent, 'hash'>): string => createHash('sha256').update(canonicalAuditText(event)).digest('hex');
