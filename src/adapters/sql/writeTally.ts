import type { Store } from '../../ports/store.js';
import type { WriteTally } from '../../ports/writeTally.js';

/** The write limit counted in the shared database: every instance on it sees every write. */
export function storeWriteTally(store: Store): WriteTally {
  return {
    count: (person, windowStart) => store.transaction((tx) => tx.writeTallies.count(person, windowStart)),
    takeBack: (person, windowStart) => store.transaction((tx) => tx.writeTallies.takeBack(person, windowStart)),
    forget: (person) => store.transaction((tx) => tx.writeTallies.forget(person)),
  };
}
