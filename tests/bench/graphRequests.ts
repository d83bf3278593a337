import { fmt, type ResultRow } from './support/report.js';

/**
 * SLOT — Graph requests per published document, against the protocol minimum.
 *
 * Not measured yet: it needs the SharePoint document library adapter and the Graph test double
 * (issue 5), which are on another branch. Once they land, fill in `publishThroughGraphDouble`
 * below; everything after it (the minimum, the ratio, the table row) is ready.
 *
 * What `publishThroughGraphDouble` must do:
 *  1. Start the Graph test double (the one the adapter's own tests use) with request logging on,
 *     and the SharePoint DocumentLibrary adapter pointed at it, with a service's library set up.
 *  2. Publish one case's documents the way the system does: an approved formulation (and then a
 *     recorded review) through the outbox job that calls prepareCasePublication and puts each file
 *     through the DocumentLibrary port — a case with a few hundred timeline entries, so the report
 *     and picture have realistic sizes. Publish twice, so the second run shows the steady state
 *     (folder already there, files written as new versions).
 *  3. Return every document written (file name and size in bytes, and whether its case folder
 *     already existed) and every request the double received (method and path), token requests to
 *     the identity endpoint excluded (they are amortised across the token's lifetime).
 *
 * The minimum the protocol allows, per document (Microsoft Graph, drive items):
 *  - content: one `PUT /drives/{drive}/items/{parent}:/{name}:/content` for a file up to 4 MiB;
 *    above that, one `POST …/createUploadSession` plus one `PUT` per chunk (chunks up to 60 MiB,
 *    multiples of 320 KiB — `UPLOAD_CHUNK_BYTES` below is the adapter's chunk size);
 *  - metadata: one `PATCH /drives/{drive}/items/{id}/listItem/fields` (custom columns cannot be
 *    set in the upload itself);
 *  - the case folder: one `POST /drives/{drive}/items/{parent}/children` the first time a case
 *    publishes (conflictBehavior `fail` and a 409 count as that one request), none afterwards.
 */
export interface PublishedDocument {
  /** The case folder (its reference) and the file name. */
  folder: string;
  name: string;
  sizeBytes: number;
  folderExisted: boolean;
}

export interface GraphPublishRun {
  documents: PublishedDocument[];
  requests: { method: string; path: string }[];
}

const SIMPLE_UPLOAD_LIMIT = 4 * 2 ** 20;
const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;

/** To be filled in when the Graph test double lands (see above). */
const publishThroughGraphDouble: (() => Promise<GraphPublishRun>) | null = null;

export function protocolMinimum(documents: PublishedDocument[]): number {
  const content = (d: PublishedDocument) => (d.sizeBytes <= SIMPLE_UPLOAD_LIMIT ? 1 : 1 + Math.ceil(d.sizeBytes / UPLOAD_CHUNK_BYTES));
  const metadata = 1;
  const newFolders = new Set(documents.filter((d) => !d.folderExisted).map((d) => d.folder));
  return documents.reduce((n, d) => n + content(d) + metadata, 0) + newFolders.size;
}

export async function measureGraphRequests(): Promise<{ row: ResultRow; details: unknown }> {
  const measure = 'Graph requests per published document (SharePoint), against the protocol minimum';
  if (!publishThroughGraphDouble) {
    return {
      row: {
        measure,
        value: 'not measured',
        reference: 'protocol minimum',
        ratio: '—',
        goal: 'ratio reported',
        met: null,
        note: 'slot: waits for the Graph test double and SharePoint adapter (issue 5); see tests/bench/graphRequests.ts',
      },
      details: null,
    };
  }
  const run = await publishThroughGraphDouble();
  const minimum = protocolMinimum(run.documents);
  const perDocument = run.requests.length / run.documents.length;
  const ratio = run.requests.length / minimum;
  return {
    row: {
      measure,
      value: `${fmt(perDocument, 2)} requests/document (${run.requests.length} for ${run.documents.length} documents)`,
      reference: `protocol minimum ${fmt(minimum / run.documents.length, 2)} requests/document (${minimum})`,
      ratio: fmt(ratio, 2),
      goal: 'ratio reported',
      met: null,
      note: ratio <= 1 ? 'at the minimum' : `${run.requests.length - minimum} requests above the minimum`,
    },
    details: run,
  };
}
