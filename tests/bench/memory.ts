import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { keepAliveAgent, postJson } from './support/http.js';
import { fmt, type ResultRow } from './support/report.js';
import type { EcmBenchServer } from './support/servers.js';

/**
 * The server's resident memory after 10,000 timeline entries were added through the API (across
 * ten cases), beside the same server's memory when it had just started and sat idle: both from one
 * fresh process, in the same run.
 */
export const ENTRIES = 10_000;
const CASES = 10;
const CONCURRENCY = 16;
const GOAL_MB = 200;
const MB = 2 ** 20;

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function measureMemory(server: EcmBenchServer) {
  await pause(2000);
  const idle = await server.memory();

  const amy = await signInAt(server.url, 'yjs-amy');
  const cases: string[] = [];
  for (let i = 0; i < CASES; i++) cases.push(await activeCaseToday(amy));
  const agent = keepAliveAgent(CONCURRENCY);
  let next = 0;
  let refused = 0;
  const worker = async () => {
    for (let i = next++; i < ENTRIES; i = next++) {
      const body = JSON.stringify(entry({ description: `Entry ${i}: moved primary school after the family was rehoused (benchmark).` }));
      const r = await postJson(agent, server.url, `/api/v1/cases/${cases[i % CASES]}/timeline`, amy.token, body);
      if (r.status !== 201) refused++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  await pause(2000);
  const loaded = await server.memory();
  const collected = await server.memory(true);

  const rssMb = loaded.rssBytes / MB;
  const idleMb = idle.rssBytes / MB;
  const row: ResultRow = {
    measure: `server memory (RSS) after ${fmt(ENTRIES)} entries, embedded database`,
    value: `${fmt(rssMb)} MB (JS heap ${fmt(loaded.heapUsedBytes / MB)} MB)`,
    reference: `the same server idle after start: ${fmt(idleMb)} MB (JS heap ${fmt(idle.heapUsedBytes / MB)} MB)`,
    ratio: fmt(rssMb / idleMb, 2),
    goal: `< ${GOAL_MB} MB`,
    met: rssMb < GOAL_MB && refused === 0,
    note:
      (rssMb < GOAL_MB ? `${fmt(GOAL_MB - rssMb)} MB inside the goal` : `missed by ${fmt(rssMb - GOAL_MB)} MB`) +
      `; after a full garbage collection ${fmt(collected.rssBytes / MB)} MB (JS heap ${fmt(collected.heapUsedBytes / MB)} MB)` +
      (refused ? `; ${refused} entries refused` : ''),
  };
  return { row, details: { entries: ENTRIES, cases: CASES, refused, idle, loaded, collected } };
}
