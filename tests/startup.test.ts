import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnvironment, REPOSITORY, startServerProcess } from './support/serverProcess.js';
import { PATIENCE_MS } from './support/patience.js';

/** What src/main.ts tells the operator when it cannot start: the problem, plainly, and nothing else. */
const start = (env: Record<string, string>) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPOSITORY,
    env: { ...baseEnvironment(), LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: PATIENCE_MS,
  });
  return { status: run.status, stderr: run.stderr };
};

describe('starting the server', () => {
  it('a bad configuration lists every problem, one a line', () => {
    const { status, stderr } = start({ PORT: 'eighty', LOG_LEVEL: 'chatty', ECM_MODE: 'm365' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^The configuration has \d+ problems:\n/);
    for (const key of ['PORT', 'LOG_LEVEL', 'AZURE_TENANT_ID', 'ECM_SERVICE_LIBRARIES']) expect(stderr).toMatch(new RegExp(`^  - ${key}: `, 'm'));
  });

  it('an env name that is not a plain name is refused before any file is read', () => {
    const { status, stderr } = start({ ECM_ENV: '../../etc/passwd' });
    expect(status).toBe(1);
    expect(stderr).toContain('ECM_ENV: is the name of a file in env/');
  });

  it('any other failure gives its class and message only, never a stack', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecm-start-')), 'not-a-directory');
    writeFileSync(file, '');
    const { status, stderr } = start({ DATA_DIR: join(file, 'data') });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^ECM for Teams could not start: \w*Error: /);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the compiled start (npm start)', () => {
  // Built once for the tests below, as `npm start` builds it when the sources changed.
  const compile = () => {
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/buildServer.ts'], { cwd: REPOSITORY, encoding: 'utf8', timeout: 4 * PATIENCE_MS });
    expect(built.status, built.stderr).toBe(0);
  };

  it('runs with plain node, answers ready, and loads the bot only when it is first asked', { timeout: 6 * PATIENCE_MS }, async () => {
    compile();
    const dataDir = mkdtempSync(join(tmpdir(), 'ecm-compiled-'));
    const server = await startServerProcess({ compiled: true, env: { NODE_ENV: 'development', DATA_DIR: dataDir } });
    try {
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
      // Not an activity: the bot, loaded now, refuses it as it would have at start.
      const bot = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(bot.status).toBe(400);
      expect((await fetch(`${server.url}/privacy`)).status).toBe(200);
    } finally {
      await server.kill();
    }
  });

  it('tells the operator what is wrong with the settings, as the TypeScript start does', { timeout: 6 * PATIENCE_MS }, () => {
    compile();
    const run = spawnSync(process.execPath, ['dist/src/main.js'], {
      cwd: REPOSITORY,
      env: { ...baseEnvironment(), LOG_LEVEL: 'silent', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: PATIENCE_MS,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^The configuration has \d+ problems?:\n {2}- PORT: /);
  });
});
