import { GENESIS_HASH } from '../../domain/audit.js';
import { auditHash } from '../../lib/auditHash.js';
import type { Store } from '../../ports/store.js';

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainReport {
  chain: string;
  rows: number;
  ok: boolean;
  /** Every place the chain breaks, in order: an investigator needs them all, not only the first. */
  problems: ChainBreak[];
}

const BATCH = 2000;

const missing = (from: number, to: number): string => (from === to ? `row ${from} is missing` : `rows ${from} to ${to} are missing`);

/**
 * Walks every audit chain: each row's hash must match its content, each link must point at the row
 * before it, sequence numbers must have no gaps, and the chain must reach its recorded head.
 * After a break the walk goes on, so one tampering does not hide another further down: a link is
 * taken as sound when it names the row before by its stored hash or by the hash its content gives
 * (one altered row is one break, not two), and the row after a gap is not judged by its link.
 */
export async function verifyAuditTrail(store: Store): Promise<ChainReport[]> {
  return store.transaction(async (tx) => {
    const reports: ChainReport[] = [];
    for (const chain of await tx.audit.chains()) {
      const problems: ChainBreak[] = [];
      let before: string[] = [GENESIS_HASH];
      let expectedSeq = 1;
      let rows = 0;
      for (;;) {
        const batch = await tx.audit.read(chain, expectedSeq - 1, BATCH);
        for (const row of batch) {
          const { hash, ...rest } = row;
          const content = auditHash(rest);
          const gap = row.seq !== expectedSeq;
          if (gap) problems.push({ seq: expectedSeq, reason: missing(expectedSeq, row.seq - 1) });
          if (!gap && !before.includes(row.prevHash)) problems.push({ seq: row.seq, reason: 'the link to the previous row does not match' });
          else if (content !== hash) problems.push({ seq: row.seq, reason: 'the row was altered after it was written' });
          before = [hash, content];
          expectedSeq = row.seq + 1;
          rows += 1;
        }
        if (batch.length < BATCH) break;
      }
      const last = expectedSeq - 1;
      const head = await tx.audit.head(chain);
      if (head && head.seq < last) {
        problems.push({ seq: head.seq + 1, reason: `row ${head.seq + 1} was added after the chain's head` });
      } else if (head && head.seq > last) {
        problems.push({ seq: expectedSeq, reason: `rows after ${last} were removed (the chain reached ${head.seq})` });
      } else if (head && !before.includes(head.hash) && problems.at(-1)?.seq !== last) {
        problems.push({ seq: last, reason: `row ${last} is not the row the chain's head recorded` });
      }
      reports.push({ chain, rows, ok: problems.length === 0, problems });
    }
    return reports;
  });
}
