import { openPostgresStore } from '../adapters/postgres/openPostgresStore.js';
import { openSqliteReadOnly } from '../adapters/sqlite/openSqliteStore.js';
import { verifyAuditTrail } from '../app/oversight/verifyAuditTrail.js';
import { ConfigError, parseConfig, settingsFromEnvironment } from '../config.js';
import type { Store } from '../ports/store.js';

/**
 * `npm run audit:verify`: walks every audit chain and says whether each is intact. It opens the
 * embedded database read-only, so it can run beside a running server; with DATABASE_URL it reads
 * the PostgreSQL schema the instances share. Exit code 0 intact, 1 broken, 2 error.
 */
async function main(): Promise<number> {
  const config = parseConfig(settingsFromEnvironment());
  const store: Store = config.DATABASE_URL
    ? await openPostgresStore({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, poolSize: 2 })
    : openSqliteReadOnly(config.DATA_DIR);
  try {
    const reports = await verifyAuditTrail(store);
    for (const r of reports) {
      if (r.ok) process.stdout.write(`ok      ${r.chain}: ${r.rows} rows, chain intact\n`);
      // One line per break, so every tampered row is named, not only the first.
      for (const p of r.problems) process.stdout.write(`BROKEN  ${r.chain}: at row ${p.seq}: ${p.reason}\n`);
    }
    if (reports.length === 0) process.stdout.write('no audit rows yet\n');
    return reports.every((r) => r.ok) ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `audit verification failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
