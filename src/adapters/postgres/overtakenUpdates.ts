import type { StoreTx } from '../../ports/store.js';

/**
 * A transaction read a record at one version, and another transaction committed a newer version
 * before this one could write. Thrown instead of answering "stale version", so that the
 * transaction runs again and sees the newer record, as it would have if they had taken turns.
 */
export class OvertakenUpdate extends Error {
  constructor(what: string) {
    super(`another transaction changed ${what} first`);
    this.name = 'OvertakenUpdate';
  }
}

interface Versioned {
  id: string;
  version: number;
}

type VersionedRepository = { update(record: Versioned, expectedVersion: number): Promise<boolean> };

/**
 * SQLite runs one transaction at a time, so a use case that reads a record and writes it back over
 * that version always wins. On PostgreSQL another transaction may commit in between, and the
 * version check then fails although the caller never saw an old version: two agreements recorded
 * at the same moment, say. This tells the two cases apart. A version the transaction itself read
 * means it was overtaken (run it again); any other version came from the caller (If-Match) and is
 * simply stale.
 */
export function detectOvertakenUpdates(tx: StoreTx, { lastAttempt }: { lastAttempt: boolean }): StoreTx {
  const seen = new Map<string, number>();
  const remember = (kind: string, result: unknown): void => {
    const records = Array.isArray(result)
      ? result
      : result && typeof result === 'object' && 'items' in result
        ? (result as { items: unknown[] }).items
        : result && typeof result === 'object' && 'case' in result
          ? [(result as { case: unknown }).case]
          : [result];
    for (const r of records) if (isVersioned(r)) seen.set(`${kind}:${r.id}`, r.version);
  };

  function watch<R extends VersionedRepository>(kind: string, repository: R, reads: (keyof R)[]): R {
    const watched: R = { ...repository };
    for (const name of reads) {
      const read = repository[name] as (...args: unknown[]) => Promise<unknown>;
      (watched as Record<keyof R, unknown>)[name] = async (...args: unknown[]) => {
        const result = await read(...args);
        remember(kind, result);
        return result;
      };
    }
    watched.update = async (record: Versioned, expectedVersion: number) => {
      if (await repository.update(record, expectedVersion)) {
        seen.set(`${kind}:${record.id}`, record.version);
        return true;
      }
      // Out of attempts, the caller hears "stale version" (412) rather than an error.
      if (!lastAttempt && seen.get(`${kind}:${record.id}`) === expectedVersion) throw new OvertakenUpdate(`${kind} ${record.id}`);
      return false;
    };
    return watched;
  }

  return {
    ...tx,
    cases: watch('case', tx.cases, ['get', 'getInReach', 'getByReference', 'list']),
    timeline: watch('timeline entry', tx.timeline, ['get', 'list']),
    formulations: watch('formulation', tx.formulations, ['current', 'get', 'list']),
    meetings: watch('meeting', tx.meetings, ['get', 'list', 'findByChat']),
  };
}

const isVersioned = (r: unknown): r is Versioned =>
  typeof r === 'object' && r !== null && typeof (r as Versioned).id === 'string' && typeof (r as Versioned).version === 'number';
