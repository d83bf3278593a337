import { addTimelineEntry } from '../../src/app/timeline/addTimelineEntry.js';
import { approveFormulation } from '../../src/app/formulation/approveFormulation.js';
import { draftFormulation } from '../../src/app/formulation/draftFormulation.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { entry } from '../support/factories.js';
import { startM365TestServer } from '../support/m365System.js';
import { drainOutbox } from '../support/outbox.js';
import { fmt, type ResultRow } from './support/report.js';

/**
 * Graph requests per published document, against the minimum the protocol allows.
 *
 * The real server in Microsoft 365 mode (tests/support/m365System.ts) over the Graph double, the
 * one the SharePoint adapter's own tests use. A case with ENTRIES timeline entries has its
 * formulation approved, and the outbox publishes its documents the way the running system does
 * (the documents.prepare job, then one document.publish job per file); then a second version is
 * approved and published again: the steady state, with the case folder already there and each file
 * written as a new version. Every HTTP request the double received is counted (a $batch is one
 * request, its parts are listed beside); token requests go to the identity double and are not
 * counted (they are amortised over the token's lifetime).
 *
 * The minimum the protocol allows, per document (Microsoft Graph, drive items):
 *  - content: one `PUT /drives/{drive}/items/{parent}:/{name}:/content` for a file up to 4 MiB;
 *    above that, one `POST …/createUploadSession` plus one `PUT` per chunk (chunks up to 60 MiB,
 *    multiples of 320 KiB — `UPLOAD_CHUNK_BYTES` below is the adapter's chunk size);
 *  - metadata: one `PATCH /drives/{drive}/items/{id}/listItem/fields` (custom columns cannot be
 *    set in the upload itself);
 *  - the case folder: one `POST /drives/{drive}/items/{parent}/children` the first time a case
 *    publishes (conflictBehavior `fail` and a 409 count as that one request), none afterwards.
 *    An upload by path makes the folder on the way, so the adapter spends none: the first
 *    publication can come in under this minimum.
 */
const ENTRIES = 300;
/** Issue 17's goal: at most a tenth above what the protocol needs. */
const GOAL_RATIO = 1.1;

export interface PublishedDocument {
  /** The case folder (its reference) and the file name. */
  folder: string;
  name: string;
  sizeBytes: number;
  folderExisted: boolean;
}

export interface GraphPublishRun {
  documents: PublishedDocument[];
  /** The HTTP requests Graph received ($batch counted once). */
  requests: { method: string; path: string }[];
  /** Everything Graph did: the requests, with each $batch's parts instead of the batch itself. */
  operations: number;
}

const SIMPLE_UPLOAD_LIMIT = 4 * 2 ** 20;
const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;

/** A first publication of a case (approval), then a second (the next version approved). */
async function publishThroughGraphDouble(): Promise<{ first: GraphPublishRun; again: GraphPublishRun }> {
  const t = await startM365TestServer();
  try {
    const deps = t.system.deps;
    // The start-up set-up checks (/readyz) have their own requests: not the publication's.
    await t.system.setup?.firstRun;
    const { id, reference } = await activeCaseVia(deps, 'BRI');
    const holder = await principal(deps, 'yjs-amy');
    const helen = await principal(deps, 'psy-helen');
    const entries: string[] = [];
    for (let i = 0; i < ENTRIES; i++) {
      const added = await addTimelineEntry(
        deps,
        holder,
        id,
        entry({ when: { precision: 'age', age: i % 16 }, description: `Entry ${i + 1}: moved school after a change at home.` }),
      );
      entries.push(added.id);
    }
    const driveId = t.m.libraries.BRI!.driveId;
    const filesNow = () => new Map(t.m.graph.drives.filesIn(driveId).map((f) => [f.path, f]));

    const publish = async (content: unknown): Promise<GraphPublishRun> => {
      const before = filesNow();
      const folderExisted = [...before.keys()].some((path) => path.startsWith(`${reference}/`));
      const drafted = await draftFormulation(deps, helen, id, content);
      await approveFormulation(deps, helen, id, drafted.version);
      const from = t.m.graph.log.length;
      await drainOutbox(t.system);
      const log = t.m.graph.log.slice(from);
      const after = filesNow();
      const documents = [...after.values()]
        // Published: a new version, or (the very same bytes as the last one) new metadata only.
        .filter((f) => JSON.stringify(f.fields) !== JSON.stringify(before.get(f.path)?.fields))
        .map((f) => ({ folder: reference, name: f.path.slice(reference.length + 1), sizeBytes: f.content.byteLength, folderExisted }));
      const requests = log.filter((r) => !r.inBatch).map((r) => ({ method: r.method, path: r.path }));
      const operations = log.filter((r) => r.inBatch || r.path !== '/$batch').length;
      return { documents, requests, operations };
    };
    const first = await publish({
      summary: 'A formulation made for the benchmark: moves of home and school through childhood.',
      hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trust in adults is fragile after many moves.', evidence: entries.slice(0, 20) }],
      strengths: 'Keeps going; a talented artist.',
      needs: 'Slower spoken instructions.',
      recommendations: [{ id: 'r1', text: 'The same worker each week.', trmLevel: 2, sequence: 1, relationshipBased: true }],
      youthFriendly: {
        summary: 'You have moved a lot.',
        hypotheses: '',
        strengths: 'You keep going.',
        needs: '',
        recommendations: 'The same worker every week.',
      },
    });
    t.clock.advance(60_000);
    // The next version starts from the approved one, as a review's revision does.
    const again = await publish(undefined);
    return { first, again };
  } finally {
    await t.close();
  }
}

export function protocolMinimum(documents: PublishedDocument[]): number {
  const content = (d: PublishedDocument) => (d.sizeBytes <= SIMPLE_UPLOAD_LIMIT ? 1 : 1 + Math.ceil(d.sizeBytes / UPLOAD_CHUNK_BYTES));
  const metadata = 1;
  const newFolders = new Set(documents.filter((d) => !d.folderExisted).map((d) => d.folder));
  return documents.reduce((n, d) => n + content(d) + metadata, 0) + newFolders.size;
}

function rowOf(measure: string, run: GraphPublishRun): ResultRow {
  const minimum = protocolMinimum(run.documents);
  const n = run.documents.length;
  const ratio = run.requests.length / minimum;
  return {
    measure,
    value: `${fmt(run.requests.length / n, 2)} requests/document (${run.requests.length} for ${n} documents; ${run.operations} operations counting $batch parts)`,
    reference: `protocol minimum ${fmt(minimum / n, 2)} requests/document (${minimum})`,
    ratio: fmt(ratio, 2),
    goal: `≤ ${GOAL_RATIO}×`,
    met: ratio <= GOAL_RATIO,
    note: ratio <= 1 ? 'at or below the minimum' : `${run.requests.length - minimum} requests above the minimum`,
  };
}

export async function measureGraphRequests(): Promise<{ rows: ResultRow[]; details: unknown }> {
  const { first, again } = await publishThroughGraphDouble();
  if (first.documents.length === 0 || again.documents.length === 0) throw new Error('the Graph double received no documents: the publication did not run');
  const what = 'Graph requests per published document (SharePoint, formulation approved';
  return {
    rows: [rowOf(`${what}: first publication of a case)`, first), rowOf(`${what} again: folder there, new versions)`, again)],
    details: { entries: ENTRIES, first, again },
  };
}
