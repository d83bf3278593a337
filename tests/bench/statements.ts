import { probePostgres } from './support/servers.js';
import { describeStatements, statementsPerRequest } from './support/statementCount.js';

/**
 * Statements and transactions a request sends to the database, on both stores:
 * `npm run bench:statements` (PostgreSQL at BENCH_DATABASE_URL, else this machine's; skipped when it does not answer).
 */
const lines = describeStatements(await statementsPerRequest('embedded'));
const pg = await probePostgres();
if (pg.ok) lines.push(...describeStatements(await statementsPerRequest('postgres')));
else lines.push(`postgres: not counted (${pg.why})`);
process.stdout.write(`${lines.join('\n')}\n`);
