import { ConfigError, parseConfig, settingsFromEnvironment } from './config.js';
import { compose } from './composition.js';
import { DataDirectoryInUseError } from './adapters/sqlite/openSqliteStore.js';
import { describeError } from './lib/logger.js';

/** Starts ECM for Teams: config, adapters, HTTP, workers. Stops cleanly on SIGINT and SIGTERM. */
async function main() {
  const config = parseConfig(settingsFromEnvironment());
  const system = await compose(config);
  const { url } = await system.listen();
  system.logger.info('ECM for Teams is running', { url, mode: config.ECM_MODE, tab: `${url}/tab`, devSignIn: config.devSignIn });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    system.logger.info('stopping', { signal });
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Written for the operator: a bad configuration lists every problem; anything else gives only its
  // class and message, as the logs do, never a stack or an object dump that could carry case data.
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) console.error(error.message);
  else console.error(`ECM for Teams could not start: ${describeError(error)}`);
  process.exit(1);
});
