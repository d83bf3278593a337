import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import { type GraphSession, inlineBackoffMs, parseRetryAfter } from './graph.js';

/** Graph's unit for upload-session fragments: every fragment but the last is a multiple of it. */
export const FRAGMENT_UNIT = 320 * 1024;

/** The session ended without our last fragment's answer (it may have completed): look at the file. */
export class UploadSessionGone extends Error {
  constructor() {
    super('the upload session is gone');
    this.name = 'UploadSessionGone';
  }
}

interface SessionStatus {
  nextExpectedRanges?: string[];
}

const nextOffset = (s: SessionStatus): number | null => {
  const first = s.nextExpectedRanges?.[0];
  return first === undefined ? null : Number(first.split('-')[0]);
};

/**
 * Sends a large file through an upload session: fragments in order, each a multiple of 320 KiB.
 * The upload URL is pre-authenticated, so fragments go without Authorization, straight through our
 * fetch. After any failure we ask the session where it stands (nextExpectedRanges) before sending
 * more, so a fragment that arrived but whose answer was lost is never sent twice.
 */
export async function uploadInSession(
  graph: GraphSession,
  sessionPath: string,
  content: Uint8Array,
  options: { fragmentSize: number; ifMatch?: string },
): Promise<Record<string, unknown>> {
  const s = graph.settings;
  const sleep = s.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  if (options.fragmentSize % FRAGMENT_UNIT !== 0) throw new Error('the fragment size must be a multiple of 320 KiB');
  const session = await graph.post<{ uploadUrl: string }>(
    sessionPath,
    { item: { '@microsoft.graph.conflictBehavior': 'replace' } },
    options.ifMatch ? { 'If-Match': options.ifMatch } : {},
  );
  const size = content.byteLength;
  const plain = (init: RequestInit) => s.fetch(session.uploadUrl, { ...init, signal: AbortSignal.timeout(s.timeoutMs) });

  async function where(): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await plain({ method: 'GET' });
        if (res.status === 404) throw new UploadSessionGone();
        if (res.ok) {
          const at = nextOffset((await res.json()) as SessionStatus);
          if (at === null) throw new UploadSessionGone();
          return at;
        }
        if (attempt >= s.retries)
          throw new OutsideServiceError(
            `upload session status failed: ${res.status}`,
            res.status,
            'upload_status',
            parseRetryAfter(res.headers.get('retry-after')),
          );
        await sleep(Math.min(s.maxInlineWaitMs, parseRetryAfter(res.headers.get('retry-after')) ?? inlineBackoffMs(attempt)));
      } catch (error) {
        if (error instanceof UploadSessionGone || error instanceof OutsideServiceError) throw error;
        if (attempt >= s.retries) throw new OutsideServiceError('upload session status failed: no answer', null, 'network');
        await sleep(inlineBackoffMs(attempt));
      }
    }
  }

  let offset = 0;
  let failures = 0;
  try {
    for (;;) {
      const end = Math.min(offset + options.fragmentSize, size);
      let res: Response | null = null;
      try {
        res = await plain({
          method: 'PUT',
          headers: { 'Content-Range': `bytes ${offset}-${end - 1}/${size}` },
          body: new Uint8Array(content.subarray(offset, end)),
        });
      } catch {
        res = null; // timed out or dropped: the session knows whether the bytes arrived
      }
      if (res && (res.status === 200 || res.status === 201)) return (await res.json()) as Record<string, unknown>;
      if (res?.status === 202) {
        offset = nextOffset((await res.json()) as SessionStatus) ?? end;
        failures = 0;
        continue;
      }
      if (res?.status === 404) throw new UploadSessionGone();
      if (res && ![408, 416, 429, 500, 502, 503, 504].includes(res.status)) {
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
        throw new OutsideServiceError(`upload fragment refused: ${res.status}`, res.status, body.error?.code ?? `http_${res.status}`, null, res.status !== 412);
      }
      failures += 1;
      const retryAfter = res ? parseRetryAfter(res.headers.get('retry-after')) : null;
      if (failures > s.retries) throw new OutsideServiceError('upload fragment kept failing', res?.status ?? null, 'upload_fragment', retryAfter);
      const wait = res?.status === 416 ? 0 : (retryAfter ?? inlineBackoffMs(failures - 1));
      if (wait > s.maxInlineWaitMs) throw new OutsideServiceError('upload fragment throttled', res?.status ?? null, 'TooManyRequests', wait);
      await sleep(wait);
      offset = await where();
    }
  } catch (error) {
    // Giving up: cancel the session rather than leave half a file waiting on the server.
    if (!(error instanceof UploadSessionGone)) void plain({ method: 'DELETE' }).catch(() => undefined);
    throw error;
  }
}
