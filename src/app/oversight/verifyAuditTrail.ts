import { GENESIS_HASH } from '../../domain/audit.js';
import { auditHash } from '../../lib/auditHash.js';
import type { Store } from '../../ports/store.js';

export interface ChainReport {
  chain: string;
  rows: number;
  ok: boolean;
  /** The first sequence number where the chain breaks, and why. */
  problem: { seq: number; reason: string } | null;
}

const BATCH = 2000;

/**
 * Walks every audit chain: each row's hash must match its content, each link must point at the row
 * before it, sequence numbers must have no gaps, and the chain must reach its recorded head.
 */
export async function verifyAuditTrail(store: Store): Promise<ChainReport[]> {
  return store.transaction(async (tx) => {
    const reports: ChainReport[] = [];
    for (const chain of await tx.audit.chains()) {
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let problem: ChainReport['problem'] = null;
      for (;;) {
        const rows = await tx.audit.read(chain, expectedSeq - 1, BATCH);
        for (const row of rows) {
          const { hash, ...rest } = row;
          if (row.seq !== expectedSeq) problem = { seq: expectedSeq, reason: `row ${expectedSeq} is missing` };
          else if (row.prevHash !== prevHash) problem = { seq: row.seq, reason: 'the link to the previous row does not match' };
          else if (auditHash(rest) !== hash) problem = { seq: row.seq, reason: 'the row was altered after it was written' };
          if (problem) break;
          prevHash = hash;
          expectedSeq += 1;
        }
        if (problem || rows.length < BATCH) break;
      }
      const head = await tx.audit.head(chain);
      if (!problem && head && head.seq < expectedSeq - 1) {
        problem = { seq: head.seq + 1, reason: `row ${head.seq + 1} was added after the chain's head` };
      } else if (!problem && head && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
        problem = { seq: expectedSeq, reason: `rows after ${expectedSeq - 1} were removed (the chain reached ${head.seq})` };
      }
      reports.push({ chain, rows: expectedSeq - 1, ok: problem === null, problem });
    }
    return reports;
  });
}
