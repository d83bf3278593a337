import type { Store } from '../../ports/store.js';
import type { WriteTally } from '../../ports/writeTally.js';

/** The write limit counted in the shared database: every instance on it sees every write. */
export function storeWriteTally(store: Store): WriteTally {
  return {
    // Each is one statement, atomic by itself: no BEGIN and COMMIT around it, and the person's row
    // is locked only while the statement runs (every write of theirs passes through it).
    count: (person, windowStart) => store.autocommit((tx) => tx.writeTallies.count(person, windowStart)),
    takeBack: (person, windowStart) => store.autocommit((tx) => tx.writeTallies.takeBack(person, windowStart)),
    forget: (person) => store.autocommit((tx) => tx.writeTallies.forget(person)),
  };
}
