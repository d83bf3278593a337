/**
 * `npx tsx tests/bench/cpuPerRequest.ts [requests]`: the server's own CPU time (user + system, read
 * from /proc/<pid>/stat) per request, adding timeline entries and reading the default page, on the
 * embedded store beside the minimal durable server (support/minimalServer.ts). CPU time per request
 * hardly depends on what else the machine is doing, where requests a second do: a tool for judging
 * a change to the hot path on a loaded machine (issue 18). Linux only; 50 connections, 5 watchers on
 * the case's stream as in `npm run bench`, after a warm-up that is not counted.
 */
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { openStream } from './support/http.js';
import { startEcmServer, startMinimalServer } from './support/servers.js';
import { CONNECTIONS, WATCHERS } from './throughput.js';

const REQUESTS = Number(process.argv[2] ?? 4000);
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const BODY = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));

/** User + system CPU time of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function perRequest(pid: number, opts: autocannon.Options): Promise<{ cpuMs: number; perSecond: number; errors: number }> {
  await autocannon({ ...opts, connections: CONNECTIONS, amount: Math.ceil(REQUESTS / 4) });
  const before = cpuMs(pid);
  const r = await autocannon({ ...opts, connections: CONNECTIONS, amount: REQUESTS });
  const used = cpuMs(pid) - before;
  if (r.non2xx) throw new Error(`${r.non2xx} answers were not 2xx`);
  // A request that timed out on a loaded machine is left out of the division, and said.
  return { cpuMs: used / r['2xx'], perSecond: r.requests.average, errors: r.errors + r.timeouts };
}

const ecm = await startEcmServer('embedded');
const minimal = await startMinimalServer('embedded');
try {
  const amy = await signInAt(ecm.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const watcherToken = (await signInAt(ecm.url, 'ecm-sam')).token;
  const watchers = Array.from({ length: WATCHERS }, () => openStream(ecm.url, caseId, watcherToken));
  await Promise.all(watchers.map((w) => w.ready));
  const ours = `${ecm.url}/api/v1/cases/${caseId}/timeline`;
  const theirs = `${minimal.url}/cases/${minimal.caseId}/timeline`;
  const auth = { authorization: `Bearer ${amy.token}` };
  const post = { method: 'POST' as const, body: BODY };
  const rows = [
    ['POST, ECM embedded', await perRequest(ecm.pid, { url: ours, ...post, headers: { ...auth, 'content-type': 'application/json' } })],
    ['POST, minimal', await perRequest(minimal.pid, { url: theirs, ...post, headers: { 'content-type': 'application/json' } })],
    ['GET page, ECM embedded', await perRequest(ecm.pid, { url: ours, headers: auth })],
    ['GET page, minimal', await perRequest(minimal.pid, { url: theirs })],
  ] as const;
  for (const [name, r] of rows)
    console.log(`${name.padEnd(24)} ${r.cpuMs.toFixed(3)} CPU ms/request (${r.perSecond.toFixed(0)} req/s${r.errors ? `, ${r.errors} timed out` : ''})`);
  console.log(`POST CPU ratio ECM/minimal: ${(rows[0][1].cpuMs / rows[1][1].cpuMs).toFixed(2)}`);
  for (const w of watchers) w.close();
} finally {
  await ecm.stop();
  await minimal.stop();
}
