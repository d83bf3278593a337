import { ConfigError, loadEnvFiles, parseConfig } from './config.js';
import { compose } from './composition.js';
import { DataDirectoryInUseError } from './adapters/sqlite/openSqliteStore.js';

/** Starts ECM for Teams: config, adapters, HTTP, workers. Stops cleanly on SIGINT and SIGTERM. */
async function main() {
  const config = parseConfig(loadEnvFiles(process.env.ECM_ENV ?? 'local'));
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

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirectoryInUseError) console.error(error.message);
  else console.error('ECM for Teams could not start:', error);
  process.exit(1);
});
