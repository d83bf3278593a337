import type { AppDeps } from '../app/deps.js';
import { NOTIFY_KIND } from '../app/notifications/notifyJob.js';
import type { Store } from '../ports/store.js';
import { seedDemoCases } from './cases.js';
import { DEMO_SERVICES, DEMO_STAFF } from './people.js';

/**
 * Loads the fictional demo data into an empty database. Services and people are written directly
 * (they are set-up, not case work); cases are made through the use cases, as a user would.
 */
export async function seedDemoData(store: Store, deps: AppDeps, options: { cases: boolean } = { cases: true }): Promise<boolean> {
  const empty = await store.transaction(async (tx) => (await tx.services.list()).length === 0);
  if (!empty) return false;
  await store.transaction(async (tx) => {
    for (const s of DEMO_SERVICES) await tx.services.upsert(s);
    for (const s of DEMO_STAFF) await tx.staff.upsert(s);
  });
  if (options.cases) {
    await seedDemoCases(deps);
    // The demo's past happened before anyone installed the bot: its notifications are history, not news.
    const now = new Date(deps.clock.now().getTime() + 1).toISOString();
    await store.transaction((tx) => tx.outbox.skipPending(NOTIFY_KIND, now, 'demo history: not sent'));
  }
  return true;
}
