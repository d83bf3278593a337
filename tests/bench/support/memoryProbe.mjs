// Preloaded (node --import) into the server by tests/bench/memoryBreakdown.ts, never by the app.
// On SIGUSR2 it writes what the process holds — process.memoryUsage(), V8's heap spaces, the
// CommonJS modules loaded — and a heap snapshot, into ECM_MEMORY_PROBE_DIR. Plain JavaScript
// because it runs under plain node beside the compiled server.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import v8 from 'node:v8';

const dir = process.env.ECM_MEMORY_PROBE_DIR;
if (dir) {
  process.on('SIGUSR2', () => {
    const facts = {
      memoryUsage: process.memoryUsage(),
      heapSpaces: v8.getHeapSpaceStatistics(),
      // One cache for every CommonJS module, whoever required it.
      commonJsModules: Object.keys(createRequire(import.meta.url).cache),
    };
    writeFileSync(join(dir, 'facts.json'), JSON.stringify(facts));
    v8.writeHeapSnapshot(join(dir, 'heap.heapsnapshot'));
    writeFileSync(join(dir, 'done'), '');
  });
}
