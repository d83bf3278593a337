import { spawn } from 'node:child_process';
import { baseEnvironment, REPOSITORY } from '../../support/serverProcess.js';

/**
 * `npm run audit:verify` as an operator runs it: a process of its own, configured only by the
 * environment given (no env files), reporting by its exit code and its output.
 */
export function runAuditVerify(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((ok, fail) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify'], {
      cwd: REPOSITORY,
      env: { ...baseEnvironment(), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', fail);
    child.on('exit', (code) => ok({ code, output }));
  });
}
