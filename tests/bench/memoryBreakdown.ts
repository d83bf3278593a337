import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDLE_MS, idleRss, npmStartNodeFlags, settledRss } from './memory.js';
import { REPOSITORY, startServerProcess } from '../support/serverProcess.js';

/**
 * What the idle compiled server holds, broken down: `npx tsx tests/bench/memoryBreakdown.ts`.
 * Starts the server as the memory benchmark does (`dist/src/main.js` under plain node, demo data),
 * waits for it to hold still, then reads the process from outside (/proc/<pid>/smaps: the node
 * binary, the allocator's heap, anonymous memory, native modules) and from inside (a probe
 * preloaded with --import, tests/bench/support/memoryProbe.mjs: process.memoryUsage(), V8's heap
 * spaces, a heap snapshot, summarised here by kind of object and by the package whose code it is).
 * Beside it, two references on the same machine: a bare `node` process, and one that only loads
 * express and better-sqlite3 and listens.
 *
 * The server gets the node flags `npm start` gives it (package.json). Options: `--no-demo` (no demo
 * data, so no documents made at start); `--no-start-flags` (node's defaults instead of npm start's
 * flags); `--node=<flag>` (repeatable) passes a further flag to node; `--env=NAME=value` (repeatable) adds to the server's environment.
 */
const MB = 2 ** 20;
const PROBE = fileURLToPath(new URL('./support/memoryProbe.mjs', import.meta.url));
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** The resident set of a small node program once it has started and settled. */
async function referenceRss(source: string): Promise<number> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: REPOSITORY, stdio: 'ignore' });
  try {
    await pause(1500);
    return await settledRss(child.pid as number);
  } finally {
    child.kill();
  }
}

/** Resident memory by mapping: who owns the pages (smaps lists each mapping with its Rss). */
function smapsByOwner(pid: number): Map<string, number> {
  const owners = new Map<string, number>();
  let owner = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const path = mapping[1] ?? '';
      owner =
        path === ''
          ? 'anonymous: V8 heap, thread arenas, large buffers'
          : path === '[heap]'
            ? '[heap]: the C allocator, main thread'
            : path.startsWith('[stack')
              ? 'stacks'
              : path.endsWith('.node')
                ? `native module ${path.replace(/^.*node_modules\//, '')}`
                : /\/node$/.test(path)
                  ? 'the node binary (shared, file-backed)'
                  : path.startsWith('[')
                    ? path
                    : 'other files (shared libraries, fonts)';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) owners.set(owner, (owners.get(owner) ?? 0) + Number(rss[1]) * 1024);
  }
  return owners;
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const packageOf = (url: string): string => {
  const path = url.replace(/^file:\/\//, '');
  const inModules = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1] as string;
  if (path.startsWith('node:')) return '(node itself)';
  const ours = /\/dist\/(src\/[^/.]+|bot)/.exec(path);
  return ours ? `app: ${ours[1]}` : path;
};

/**
 * The live heap (a snapshot is taken after a full collection) by kind of object, and the code of
 * each package: its scripts' source text, compiled functions and their bytecode.
 */
function summariseSnapshot(file: string) {
  const s = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const {
    node_fields: nf,
    edge_fields: ef,
    node_types: [nodeTypes],
    edge_types: [edgeTypes],
  } = s.snapshot.meta;
  const N = nf.length;
  const E = ef.length;
  const [T, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number, number];
  const count = s.nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = (firstEdge[i] as number) + (s.nodes[i * N + EDGES] as number);
  const type = (i: number) => nodeTypes[s.nodes[i * N + T] as number] as string;
  const name = (i: number) => s.strings[s.nodes[i * N + NAME] as number] as string;
  const size = (i: number) => s.nodes[i * N + SIZE] as number;
  function* edgesOf(i: number): Generator<{ kind: string; label: string; to: number }> {
    for (let e = firstEdge[i] as number; e < (firstEdge[i + 1] as number); e++) {
      const kind = edgeTypes[s.edges[e * E] as number] as string;
      const label = kind === 'element' || kind === 'hidden' ? '' : (s.strings[s.edges[e * E + 1] as number] as string);
      yield { kind, label, to: (s.edges[e * E + 2] as number) / N };
    }
  }

  const byKind = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    const kind = ['object', 'closure', 'native'].includes(type(i)) ? `${type(i)} ${name(i).slice(0, 40)}` : type(i);
    byKind.set(kind, (byKind.get(kind) ?? 0) + size(i));
    total += size(i);
  }

  // A script is a `code` node named by its URL with a `source` edge; its functions hang off a
  // WeakFixedArray, each with its bytecode, scope and feedback metadata.
  const counted = new Set<number>();
  const add = (i: number) => (counted.has(i) ? 0 : (counted.add(i), size(i)));
  const byPackage = new Map<string, { bytes: number; scripts: number }>();
  for (let i = 0; i < count; i++) {
    if (type(i) !== 'code' || !/^(file:|node:|\/)/.test(name(i))) continue;
    const edges = [...edgesOf(i)];
    if (!edges.some((e) => e.label === 'source')) continue;
    let bytes = add(i);
    for (const e of edges) {
      if (e.label === 'source') bytes += add(e.to);
      if (type(e.to) !== 'code' || name(e.to) !== 'system / WeakFixedArray') continue;
      bytes += add(e.to);
      for (const f of edgesOf(e.to)) {
        if (type(f.to) !== 'code' || counted.has(f.to)) continue;
        bytes += add(f.to);
        for (const g of edgesOf(f.to))
          if (type(g.to) === 'code' && g.label !== 'script_or_debug_info' && name(g.to) !== 'system / SharedFunctionInfo') bytes += add(g.to);
      }
    }
    const p = packageOf(name(i));
    const row = byPackage.get(p) ?? { bytes: 0, scripts: 0 };
    byPackage.set(p, { bytes: row.bytes + bytes, scripts: row.scripts + 1 });
  }
  return { total, byKind, byPackage };
}

const top = <T>(m: Map<string, T>, by: (v: T) => number, n: number) => [...m].sort((a, b) => by(b[1]) - by(a[1])).slice(0, n);

async function main() {
  const args = process.argv.slice(2);
  const demo = !args.includes('--no-demo');
  const nodeArgs = [
    ...(args.includes('--no-start-flags') ? [] : npmStartNodeFlags()),
    ...args.filter((a) => a.startsWith('--node=')).map((a) => a.slice('--node='.length)),
  ];
  const extraEnv = Object.fromEntries(args.filter((a) => a.startsWith('--env=')).map((a) => a.slice('--env='.length).split(/=(.*)/s, 2) as [string, string]));
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/buildServer.ts'], { cwd: REPOSITORY, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the server could not be compiled');

  const bare = await referenceRss('setInterval(() => {}, 1000);');
  const floor = await referenceRss(
    "import express from 'express'; import Database from 'better-sqlite3'; const db = new Database(':memory:'); db.exec('create table t (x)'); express().get('/', (q, r) => r.json(db.prepare('select count(*) n from t').get())).listen(0, '127.0.0.1');",
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-memory-'));
  const probeDir = mkdtempSync(join(tmpdir(), 'ecm-probe-'));
  const server = await startServerProcess({
    compiled: true,
    nodeArgs: [...nodeArgs, '--import', pathToFileURL(PROBE).href],
    env: { NODE_ENV: 'development', DATA_DIR: dataDir, ECM_DEMO_DATA: String(demo), ECM_MEMORY_PROBE_DIR: probeDir, ...extraEnv },
  });
  try {
    const { settled, idle } = await idleRss(server.pid);
    const owners = smapsByOwner(server.pid);
    const rollup = readFileSync(`/proc/${server.pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) * 1024;
    process.kill(server.pid, 'SIGUSR2');
    for (let i = 0; i < 600 && !safeRead(join(probeDir, 'done')); i++) await pause(100);
    const facts = JSON.parse(readFileSync(join(probeDir, 'facts.json'), 'utf8')) as {
      memoryUsage: NodeJS.MemoryUsage;
      heapSpaces: { space_name: string; space_used_size: number; physical_space_size: number }[];
      commonJsModules: string[];
    };
    const heap = summariseSnapshot(join(probeDir, 'heap.heapsnapshot'));

    const out: string[] = [];
    out.push(`# Idle compiled server, ${demo ? 'demo data' : 'no demo data'}${nodeArgs.length ? `, node ${nodeArgs.join(' ')}` : ''}`);
    out.push(`${new Date().toISOString()}, load average ${(await import('node:os')).loadavg()[0]?.toFixed(2)}\n`);
    out.push('| what | MB |', '|---|---:|');
    out.push(`| references: bare \`node\` | ${mb(bare)} |`, `| references: node + express + better-sqlite3, listening | ${mb(floor)} |`);
    out.push(`| server RSS as the start-up's work first settled | ${mb(settled)} |`);
    out.push(`| **server RSS idle, once still for ${IDLE_MS / 1000} s** (what follows is read then) | **${mb(idle)}** |`);
    out.push(`| anonymous / file-backed (smaps_rollup) | ${mb(kb('Anonymous'))} / ${mb(kb('Rss') - kb('Anonymous'))} |`);
    for (const [owner, bytes] of top(owners, (b) => b, 12)) if (bytes >= MB / 2) out.push(`| smaps: ${owner} | ${mb(bytes)} |`);
    const mu = facts.memoryUsage;
    out.push(
      `| V8 heap committed (heapTotal) / used / live after a full collection (snapshot) | ${mb(mu.heapTotal)} / ${mb(mu.heapUsed)} / ${mb(heap.total)} |`,
    );
    for (const space of facts.heapSpaces.filter((sp) => sp.physical_space_size >= MB))
      out.push(`| V8 ${space.space_name}: committed / used | ${mb(space.physical_space_size)} / ${mb(space.space_used_size)} |`);
    out.push(`| external (Buffers, native objects V8 is told of) / of which ArrayBuffers | ${mb(mu.external)} / ${mb(mu.arrayBuffers)} |`);
    out.push('', '## Live heap by kind of object (self size)', '| kind | MB |', '|---|---:|');
    for (const [kind, bytes] of top(heap.byKind, (b) => b, 12)) out.push(`| ${kind} | ${mb(bytes)} |`);
    out.push('', '## Code and source by package (scripts, their functions and bytecode)', '| package | scripts | MB |', '|---|---:|---:|');
    for (const [p, row] of top(heap.byPackage, (r) => r.bytes, 15)) out.push(`| ${p} | ${row.scripts} | ${mb(row.bytes)} |`);
    out.push('', `CommonJS modules loaded: ${facts.commonJsModules.length}; packages: ${[...new Set(facts.commonJsModules.map(packageOf))].join(', ')}`);
    console.log(out.join('\n'));
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(probeDir, { recursive: true, force: true });
  }
}

function safeRead(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

await main();
