import { measureGraphRequests } from './graphRequests.js';
import { measureRestartAfterKill } from './restartAfterKill.js';
import { measureThrottledDrain } from './throttledDrain.js';
import { markdownTable, type ResultRow } from './support/report.js';

/**
 * npm run bench:publishing — the three publishing measures of npm run bench on their own (Graph
 * requests per document, the drain under throttling, the restart after SIGKILL), printed as a table.
 */
const rows: ResultRow[] = [];
for (const measure of [measureGraphRequests, measureThrottledDrain, measureRestartAfterKill]) rows.push(...(await measure()).rows);
process.stdout.write(`${markdownTable(rows)}\n`);
const missed = rows.filter((r) => r.met === false);
process.stdout.write(`${missed.length ? `${missed.length} goal(s) NOT met` : 'Every goal measured was met.'}\n`);
