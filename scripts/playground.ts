import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PLAYGROUND_USER, playgroundConfig } from './playgroundConfig.js';

/**
 * `npm run playground [-- --as <staff id>] [--port <ECM port>]`: opens the Microsoft 365 Agents
 * Playground on the running ECM for Teams (`npm start`), signed in as a fictional demo person.
 * Without --as it uses .m365agentsplayground.yml (Amy Clarke, a Bristol YJS practitioner).
 */
const { values } = parseArgs({
  options: {
    as: { type: 'string', default: DEFAULT_PLAYGROUND_USER },
    port: { type: 'string', default: process.env.PORT ?? '3978' },
    'playground-port': { type: 'string', default: '56150' },
  },
});

const env: NodeJS.ProcessEnv = { ...process.env };
if (values.as !== DEFAULT_PLAYGROUND_USER) {
  const path = join(mkdtempSync(join(tmpdir(), 'ecm-playground-')), '.m365agentsplayground.yml');
  writeFileSync(path, playgroundConfig(values.as));
  env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path;
} else {
  env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = resolve('.m365agentsplayground.yml');
}

const child = spawn(
  resolve('node_modules/.bin/agentsplayground'),
  ['-p', values['playground-port'], '-e', `http://127.0.0.1:${values.port}/api/messages`, '-c', 'msteams', '--disable-telemetry'],
  { env, stdio: 'inherit' },
);
process.stdout.write(
  `Agents Playground as ${values.as}: http://localhost:${values['playground-port']} (ECM for Teams must be running on port ${values.port})\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
