import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PATIENCE_MS } from './patience.js';

/**
 * A server in a child process of its own, as it runs in production: its own event loop, its own
 * memory, and a process that can be killed outright. By default the real entry point, src/main.ts,
 * with its configuration from the environment given here (and nothing else: no env files, no
 * settings leaking in from the shell that runs the tests).
 */
export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote, for the message when something goes wrong. */
  output(): string;
  /** Sends the signal and waits for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves when the process has exited, however it went. */
  exited: Promise<void>;
}

export interface ServerProcessOptions {
  /** The script to run, relative to the repository; src/main.ts unless a benchmark needs its own harness. */
  entry?: string;
  /** Runs the compiled server (dist/src/main.js, built by scripts/buildServer.ts) with plain node, as `npm start` does. */
  compiled?: boolean;
  env: Record<string, string>;
  /** Answers 200 once the server can take requests. */
  readyPath?: string;
  /** Flags for node itself (a profiler, a heap limit). */
  nodeArgs?: string[];
  /** Opens an IPC channel (for harnesses that answer questions about themselves). */
  ipc?: boolean;
  startTimeoutMs?: number;
}

export const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What every child process gets from this one: the path, the home and temp directories, who the
 * user is and the PostgreSQL client's own settings (PGUSER, PGPASSWORD…). Nothing of the app's.
 */
export function baseEnvironment(): Record<string, string> {
  const passed = Object.entries(process.env).filter(([k, v]) => v !== undefined && (/^PG[A-Z]+$/.test(k) || ['PATH', 'HOME', 'USER', 'TMPDIR'].includes(k)));
  // No env/.env.<name> file has this name: the process reads only what is given to it.
  return { TMPDIR: '/tmp', ...(Object.fromEntries(passed) as Record<string, string>), ECM_ENV: 'child-process' };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

export async function startServerProcess(o: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...baseEnvironment(),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...o.env,
  };
  const script = o.compiled ? ['dist/src/main.js'] : ['--import', 'tsx', o.entry ?? 'src/main.ts'];
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), ...script], {
    cwd: REPOSITORY,
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(o.ipc ? (['ipc'] as const) : [])],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let gone = false;
  void exited.then(() => (gone = true));

  const deadline = Date.now() + (o.startTimeoutMs ?? PATIENCE_MS);
  for (;;) {
    if (gone) throw new Error(`the server process exited before it was ready (${child.exitCode ?? child.signalCode}):\n${output}`);
    const ready = await fetch(`${url}${o.readyPath ?? '/readyz'}`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server process did not become ready:\n${output}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }

  return {
    url,
    pid: child.pid as number,
    child,
    output: () => output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (gone) return;
      child.kill(signal);
      await exited;
    },
  };
}
