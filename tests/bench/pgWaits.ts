/**
 * `npx tsx tests/bench/pgWaits.ts [seconds]`: what the product's PostgreSQL connections are doing
 * while entries are added to one case under autocannon (50 connections, as in `npm run bench`).
 * pg_stat_activity is sampled every 2 ms from a connection of its own and each sample of each of
 * the product's connections counted by state and wait event: running in the database, waiting for
 * a lock (advisory: the case's event numbering; transactionid/tuple: a row another transaction
 * holds, the audit head), flushing the log (IO), or waiting for the product to send its next
 * statement inside a transaction ("idle in transaction": a round trip). A tool for looking, run on
 * a quiet machine (it counts every `ecm-for-teams` connection on the server); not a benchmark.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { connectionSettings } from '../../src/adapters/postgres/openPostgresStore.js';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { BENCH_DATABASE_URL, BENCH_WRITE_LIMIT, startEcmServer } from './support/servers.js';

const seconds = Number(process.argv[2] ?? 8);
const BODY = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
const server = await startEcmServer('postgres', { env: { RATE_LIMIT_WRITES_PER_MINUTE: String(BENCH_WRITE_LIMIT) } });
const watcher = new pg.Client(connectionSettings({ url: BENCH_DATABASE_URL }, 'benchmark wait sampler'));
await watcher.connect();
try {
  const amy = await signInAt(server.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const counts = new Map<string, number>();
  let samples = 0;
  let sampling = true;
  const sample = async () => {
    while (sampling) {
      const { rows } = await watcher.query<{ state: string | null; wait: string | null; query: string }>(
        `select state, wait_event_type || ':' || wait_event as wait, left(query, 60) as query from pg_stat_activity
          where application_name like 'ecm-for-teams%' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      samples++;
      for (const r of rows) {
        if (r.state === 'idle' || r.query.startsWith('LISTEN')) continue;
        // The statement waiting, or the one sent last when waiting for the next.
        const statement = r.query.replace(/\s+/g, ' ').slice(0, 28);
        const what = r.state === 'active' ? `${r.wait ?? 'running'} in "${statement}…"` : `${r.state}, after "${statement}…"`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
      }
      await new Promise((ok) => setTimeout(ok, 2));
    }
  };
  const sampler = sample();
  const r = await autocannon({
    url: `${server.url}/api/v1/cases/${caseId}/timeline`,
    method: 'POST',
    headers: { authorization: `Bearer ${amy.token}`, 'content-type': 'application/json' },
    body: BODY,
    duration: seconds,
    connections: 50,
  });
  sampling = false;
  await sampler;
  const busy = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`${r.requests.average} req/s; ${samples} samples; on average ${(busy / samples).toFixed(1)} of the product's connections busy`);
  console.log('what a busy connection was doing (share of busy connection-samples):');
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${((v / busy) * 100).toFixed(1)}% ${k}`);
} finally {
  await watcher.end();
  await server.stop();
}
