/**
 * `npx tsx tests/bench/statementOrigins.ts [embedded|postgres] [seconds]`: where the statements and
 * transactions of adding timeline entries under load come from. The benchmark's write (autocannon,
 * 50 connections, 5 watchers on the case's event stream) against the benchmark's server with
 * BENCH_STATEMENT_ORIGINS=true, which counts each `pg` query under the outermost frame of the
 * product's code in its stack (BENCH_STATEMENT_TEXT=true: and the statement's first words). A tool
 * for looking (capturing stacks slows the server several times over), not a benchmark.
 */
import autocannon from 'autocannon';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { openStream } from './support/http.js';
import { startEcmServer } from './support/servers.js';
import { CONNECTIONS, WATCHERS } from './throughput.js';

const store = (process.argv[2] ?? 'postgres') as 'embedded' | 'postgres';
const seconds = Number(process.argv[3] ?? 8);
const BODY = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
const server = await startEcmServer(store, {
  env: { BENCH_STATEMENT_ORIGINS: 'true', BENCH_STATEMENT_TEXT: String(process.env.BENCH_STATEMENT_TEXT === 'true') },
});
try {
  const amy = await signInAt(server.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const watcherToken = (await signInAt(server.url, 'ecm-sam')).token;
  const watchers = Array.from({ length: WATCHERS }, () => openStream(server.url, caseId, watcherToken));
  await Promise.all(watchers.map((w) => w.ready));
  const url = `${server.url}/api/v1/cases/${caseId}/timeline`;
  const fire = (duration: number) =>
    autocannon({
      url,
      method: 'POST',
      headers: { authorization: `Bearer ${amy.token}`, 'content-type': 'application/json' },
      body: BODY,
      duration,
      connections: CONNECTIONS,
    });
  await fire(2);
  const before = await server.origins();
  const r = await fire(seconds);
  const after = await server.origins();
  const answered = r['2xx'] + r.non2xx;
  console.log(`${answered} requests answered (${r['2xx']} 2xx), ${r.requests.average.toFixed(0)} req/s with stacks captured`);
  const rows = Object.entries(after)
    .map(([origin, n]) => ({
      origin,
      statements: (n.statements - (before[origin]?.statements ?? 0)) / answered,
      transactions: (n.transactions - (before[origin]?.transactions ?? 0)) / answered,
    }))
    .filter((x) => x.statements > 0)
    .sort((a, b) => b.statements - a.statements);
  const total = rows.reduce((t, x) => ({ s: t.s + x.statements, t: t.t + x.transactions }), { s: 0, t: 0 });
  for (const x of rows)
    console.log(`  ${x.statements.toFixed(2).padStart(6)} statements ${x.transactions.toFixed(2).padStart(5)} transactions a request  ${x.origin}`);
  console.log(`  ${total.s.toFixed(2).padStart(6)} statements ${total.t.toFixed(2).padStart(5)} transactions a request  in all`);
  for (const w of watchers) w.close();
} finally {
  await server.stop();
}
