import { describe, expect, it } from 'vitest';
import { type AuditDetail, canonicalAuditParts, canonicalAuditText, GENESIS_HASH } from '../../src/domain/audit.js';
import { auditHash } from '../../src/lib/auditHash.js';

const rows: { chain: string; actorId: string; action: string; caseId: string | null; serviceId: string | null; detail: AuditDetail }[] = [
  { chain: 'BRI', actorId: 'yjs-amy', action: 'timeline.entry.added', caseId: 'c-1', serviceId: 'BRI', detail: { reference: 'BRI-2026-0001', entryId: 'e-1' } },
  { chain: 'system', actorId: 'system', action: 'session.ended', caseId: null, serviceId: null, detail: {} },
  {
    chain: 'NOR',
    actorId: 'psy-helen',
    action: 'case.read',
    caseId: 'c-2',
    serviceId: 'NOR',
    detail: { zeta: 'quote " backslash \\ line\u2028end', alpha: 3.5, nothing: null, list: ['a', 'é', '😀'], flag: false },
  },
];

describe('an audit link the database finishes', () => {
  it('is the same text, and so the same hash, as the link written whole, at any number after any link', () => {
    for (const r of rows) {
      const at = '2026-11-27T10:00:00.000Z';
      const { before, after } = canonicalAuditParts({ ...r, at });
      for (const [seq, prevHash] of [
        [1, GENESIS_HASH],
        [42, 'a'.repeat(64)],
        [1_000_000, '0123456789abcdef'.repeat(4)],
      ] as const) {
        const whole = { ...r, at, seq, prevHash };
        expect(`${before}${seq}${after}${prevHash}"]`).toBe(canonicalAuditText(whole));
        expect(auditHash(whole)).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });
});
