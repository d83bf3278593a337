/**
 * `npx tsx tests/bench/profilePost.ts embedded|postgres`: where a server's time goes while adding
 * timeline entries under autocannon (50 connections, 8 s): starts the benchmark's server with V8's
 * `--cpu-prof`, then prints the share of samples by package and the functions with the most self
 * time. A tool for looking, not a benchmark: the profile includes the server's start (the demo's
 * documents are published then). docs/benchmarks.md reads the run of 2026-12-06.
 */
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { signInAt } from '../support/httpApi.js';
import { startEcmServer } from './support/servers.js';
import { activeCaseToday } from '../support/liveCase.js';
import { entry } from '../support/factories.js';
const BODY = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
const store = (process.argv[2] ?? 'embedded') as 'embedded' | 'postgres';
const dir = `/tmp/prof-${store}`;
const server = await startEcmServer(store, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
const amy = await signInAt(server.url, 'yjs-amy');
const caseId = await activeCaseToday(amy);
const url = `${server.url}/api/v1/cases/${caseId}/timeline`;
const r = await autocannon({
  url,
  method: 'POST',
  headers: { authorization: `Bearer ${amy.token}`, 'content-type': 'application/json' },
  body: BODY,
  duration: 8,
  connections: 50,
});
console.log(`req/s ${r.requests.average}`);
await server.stop();
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const p = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byPkg = new Map<string, number>();
let total = 0;
p.samples.forEach((id, i) => {
  const n = byId.get(id)!;
  const dt = p.timeDeltas[i] ?? 0;
  total += dt;
  const u = n.callFrame.url;
  const key = `${n.callFrame.functionName || '(anon)'} ${u.replace(/.*\/(node_modules\/)?/, '')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  const pkg = u.includes('node_modules')
    ? u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)![1]!
    : u.includes('/src/')
      ? 'ecm src'
      : u.startsWith('node:')
        ? 'node'
        : n.callFrame.functionName.startsWith('(')
          ? n.callFrame.functionName
          : 'other';
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + dt);
});
console.log('by package (share of samples):');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${((v / total) * 100).toFixed(1)}% ${k}`);
console.log('top self time:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${((v / total) * 100).toFixed(1)}% ${k}`);
