import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy between a server and its database, to make the network falter on cue:
 * - `cut()`: every connection is reset, and new ones are reset as they arrive (the database is gone);
 * - `stall()`: nothing passes either way, not even a close, and new connections wait unanswered
 *   (a black hole: an overloaded host, a network partition);
 * - `restore()`: connections are taken again; after a stall, what was held goes through in order.
 */
export interface TcpProxy {
  port: number;
  /** Connections reset on arrival during cuts so far. */
  readonly refused: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'open' | 'cut' | 'stalled';

interface Pair {
  client: Socket;
  upstream: Socket | null;
}

export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'open';
  let refused = 0;
  const pairs = new Set<Pair>();
  /** What arrived during a stall, in order: data to pass on, or a close to pass on. */
  let held: (() => void)[] = [];
  /** Connections that arrived during a stall, to be connected when it ends. */
  let waiting: Pair[] = [];

  const pass = (then: () => void) => (mode === 'stalled' ? held.push(then) : then());

  function join(pair: Pair): void {
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    const { client } = pair;
    client.on('data', (chunk: Buffer) => pass(() => upstream.write(chunk)));
    upstream.on('data', (chunk: Buffer) => pass(() => client.write(chunk)));
    const end = () =>
      pass(() => {
        client.destroy();
        upstream.destroy();
        pairs.delete(pair);
      });
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', () => {});
    upstream.on('error', () => {});
  }

  const server = createServer((client) => {
    client.on('error', () => {});
    if (mode === 'cut') {
      refused += 1;
      return void client.resetAndDestroy();
    }
    const pair: Pair = { client, upstream: null };
    pairs.add(pair);
    if (mode === 'stalled') {
      waiting.push(pair);
      client.pause();
      client.on('close', () => pairs.delete(pair));
      return;
    }
    join(pair);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    get refused() {
      return refused;
    },
    cut() {
      mode = 'cut';
      for (const p of pairs) {
        p.client.resetAndDestroy();
        p.upstream?.resetAndDestroy();
      }
      pairs.clear();
      held = [];
      waiting = [];
    },
    stall() {
      mode = 'stalled';
    },
    restore() {
      const wasStalled = mode === 'stalled';
      mode = 'open';
      if (!wasStalled) return;
      for (const then of held) then();
      held = [];
      for (const pair of waiting) {
        if (pair.client.destroyed) continue;
        join(pair);
        pair.client.resume();
      }
      waiting = [];
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy();
        p.upstream?.destroy();
      }
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
