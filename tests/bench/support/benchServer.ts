import { compose } from '../../../src/composition.js';
import { parseConfig } from '../../../src/config.js';

/**
 * The real server for the benchmarks, in a child process of its own: composed from the environment
 * exactly as src/main.ts does, plus an IPC channel through which the benchmark asks it how much
 * memory it holds and when each case event committed.
 *
 * Commit stamps (BENCH_STAMP_COMMITS=true) are taken where the use case hands a committed event to
 * the case event bus: right after the transaction's COMMIT returned. They are read from the
 * monotonic clock (process.hrtime), which every process on one machine shares, so the benchmark can
 * subtract them from the times its own streams received the events.
 */
export type BenchQuestion = { ask: 'memory'; collectGarbage?: boolean } | { ask: 'commits' } | { ask: 'stop' };
export type BenchAnswer =
  | { answer: 'memory'; rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number }
  | { answer: 'commits'; commits: [caseId: string, seq: number, atMs: number][] }
  | { answer: 'stopped' };

const system = await compose(parseConfig(process.env));
const commits: [string, number, number][] = [];
if (process.env.BENCH_STAMP_COMMITS === 'true') {
  const bus = system.deps.bus;
  const publish = bus.publish.bind(bus);
  bus.publish = (event) => {
    commits.push([event.caseId, event.seq, Number(process.hrtime.bigint()) / 1e6]);
    publish(event);
  };
}
await system.listen();

const reply = (answer: BenchAnswer) => process.send?.(answer);
process.on('message', (m: BenchQuestion) => {
  switch (m.ask) {
    case 'memory': {
      // Only with --expose-gc: a full collection first, to tell memory held from memory not yet returned.
      if (m.collectGarbage) (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      return reply({ answer: 'memory', rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, externalBytes: external });
    }
    case 'commits':
      return reply({ answer: 'commits', commits: commits.splice(0) });
    case 'stop':
      return void system.stop().then(() => {
        reply({ answer: 'stopped' });
        process.exit(0);
      });
  }
});
