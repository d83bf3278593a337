import type { Store, StoreTx } from '../../src/ports/store.js';

/**
 * A real store whose database connection can be made to drop in the middle of a transaction, just
 * after a given number of agreements were written, as a database that goes away mid-write does:
 * the transaction fails and the database keeps none of it.
 */
export function connectionDropStore(store: Store) {
  let agreementsBeforeDrop: number | null = null;
  const dropping = (tx: StoreTx): StoreTx => ({
    ...tx,
    agreements: {
      ...tx.agreements,
      insert: async (agreement) => {
        if (agreementsBeforeDrop !== null && agreementsBeforeDrop-- <= 0) {
          agreementsBeforeDrop = null;
          throw new Error('Connection terminated unexpectedly');
        }
        return tx.agreements.insert(agreement);
      },
    },
  });
  return {
    store: { ...store, transaction: <T>(work: (tx: StoreTx) => Promise<T>) => store.transaction((tx) => work(dropping(tx))) } satisfies Store,
    /** The connection drops when the next transaction tries to write agreement number `count + 1`. */
    dropAfterAgreements(count: number) {
      agreementsBeforeDrop = count;
    },
  };
}
