import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseEnvironment, REPOSITORY } from './support/serverProcess.js';
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
