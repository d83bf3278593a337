import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { CaseView } from '../../src/contract/views.js';
import { isIdentified } from '../../src/domain/case.js';
import { textOf } from './docx.js';
import { drainOutbox } from './outbox.js';
import { type Api, startTestServer, type TestServer } from './testSystem.js';

/**
 * Every document the fictional demo publishes and serves: the files its approvals and reviews put
 * in the local library (every version, with each file's metadata record), and every document the
 * API gives for each case (each formulation version's report, the youth-friendly version, the
 * timeline picture, each review's record, the summaries for the court and for adult services).
 */
export interface DemoFile {
  /** Where it came from: a library path, or the API path. */
  origin: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface DemoCase {
  view: CaseView;
  childName: string;
  dateOfBirth: string;
}

export interface DemoDocuments {
  server: TestServer;
  cases: DemoCase[];
  /** Published files (library) and served ones (API), in order. */
  files: DemoFile[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

async function bytesOf(api: Api, path: string): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const res = await api.raw(path, { method: 'GET' });
  if (res.status !== 200) return null;
  const disposition = res.headers.get('content-disposition') ?? '';
  return { fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? path, bytes: new Uint8Array(await res.arrayBuffer()) };
}

export async function demoDocuments(): Promise<DemoDocuments> {
  const server = await startTestServer({ overrides: { seedDemoCases: true } });
  // Making each case's documents and filing them: a few passes of the worker, as the server would.
  await drainOutbox(server.system, 20);
  const sam = await server.signIn('ecm-sam');
  const views: CaseView[] = (await sam.get('/api/v1/cases?limit=200')).body.items;
  const cases: DemoCase[] = [];
  const files: DemoFile[] = [];
  for (const view of views) {
    const c = await server.system.deps.store.transaction((tx) => tx.cases.get(view.id));
    // A consultation on de-identified details has no name to leave out, and no documents.
    if (!c || !isIdentified(c)) continue;
    cases.push({ view, childName: c.childName, dateOfBirth: c.childDateOfBirth });
    const base = `/api/v1/cases/${view.id}`;
    const formulations: { number: number }[] = (await sam.get(`${base}/formulation`)).body?.versions ?? [];
    const meetings: { id: string; status: string }[] = (await sam.get(`${base}/meetings`)).body?.items ?? [];
    const paths = [
      ...formulations.map((f) => `${base}/documents/formulation-report?version=${f.number}`),
      ...formulations.map((f) => `${base}/documents/youth-friendly-formulation?version=${f.number}`),
      `${base}/documents/timeline-picture`,
      ...meetings.filter((m) => m.status === 'held').map((m) => `${base}/meetings/${m.id}/review-record`),
      // Drafted from the approved formulation (or approved, where the story approved one).
      `${base}/summaries/court/document`,
      `${base}/summaries/adult-handover/document`,
    ];
    for (const path of paths) {
      const got = await bytesOf(sam, path);
      if (got) files.push({ origin: path, ...got });
    }
  }
  // The local library's folder (the test server's DATA_DIR is a temp dir).
  const root = server.system.config.ECM_LIBRARY_DIR ?? join(server.system.config.DATA_DIR, 'library');
  for (const path of walk(root)) files.push({ origin: relative(root, path), fileName: path.split('/').pop() as string, bytes: readFileSync(path) });
  return { server, cases, files };
}

/** Everything a reader or a search could find in a file: the text of each part of a Word file, or the file itself. */
export function readableParts(file: DemoFile): { part: string; text: string }[] {
  const isZip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (!isZip) return [{ part: file.origin, text: Buffer.from(file.bytes).toString('latin1') + '\n' + Buffer.from(file.bytes).toString('utf8') }];
  return Object.entries(unzipSync(file.bytes)).map(([name, bytes]) => {
    const raw = /\.(png|jpe?g|emf|bin)$/i.test(name) ? Buffer.from(bytes).toString('latin1') : strFromU8(bytes);
    // Runs of a paragraph are joined as Word shows them; entities read as characters.
    const text = textOf(raw);
    return { part: `${file.origin} › ${name}`, text: `${raw}\n${text}` };
  });
}
