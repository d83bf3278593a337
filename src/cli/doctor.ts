import { parseArgs } from 'node:util';
import { ConfigError, loadEnvFiles } from '../config.js';
import { diagnose, formatReport } from './doctorReport.js';

/**
 * `npm run doctor -- --env <name>`: checks the whole set-up from the settings the server would load
 * (env/.env.<name>, its .user file, the environment over both) and says, for each problem, which
 * setting and which README step fix it. Writes a probe file in each service's library and removes
 * it. Exit code 0 when every check passes, 1 when one fails, 2 when the doctor itself could not run.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' } }, strict: true });
  const envName = values.env ?? process.env.ECM_ENV ?? 'local';
  const checks = await diagnose(loadEnvFiles(envName));
  process.stdout.write(formatReport(envName, checks));
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `the doctor could not run: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(2);
  },
);
