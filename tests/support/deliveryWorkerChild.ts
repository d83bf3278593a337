/**
 * A separate ECM process for the crash test: it opens the data directory in Microsoft 365 mode and
 * runs the outbox worker until the test kills it (SIGKILL, mid-upload). Started with
 * `node --import tsx`; settings come from the environment, as in production.
 */
import { readFileSync } from 'node:fs';
import { compose } from '../../src/composition.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/lib/logger.js';
import { trustingFetch } from './graph/tls.js';

const config = parseConfig(process.env);
const fetch = trustingFetch(readFileSync(process.env.ECM_TEST_CA_FILE!, 'utf8'));
await compose(config, { logger: silentLogger, fetch, startWorker: true, seedDemoCases: false });
process.stdout.write('worker started\n');
