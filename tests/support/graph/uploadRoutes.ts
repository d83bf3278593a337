import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { CHUNK_UNIT, type DriveState } from './driveRoutes.js';
import type { Fault, LoggedRequest } from './graphDouble.js';
import type { DoubleRequest } from './httpsDouble.js';

/**
 * Upload sessions as Graph runs them: fragments in order, each a multiple of 320 KiB but the last,
 * 202 with nextExpectedRanges, 416 for a range already received, 201 with the item at the end.
 * And the download URL that GET …/content redirects to.
 */
export function handleDownload(state: DriveState, res: ServerResponse, itemId: string, label: string): void {
  const { items } = state.sessionsApi;
  const version = items.get(itemId)?.versions.find((v) => v.label === label);
  if (!version) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(version.content.length) });
  res.end(version.content);
}

/** The upload URL: pre-authenticated, so a request carrying Authorization is refused. */
export function handleUpload(
  state: DriveState,
  req: DoubleRequest,
  res: ServerResponse,
  id: string,
  faultFor: (n: number) => Fault | null,
  count: () => number,
  log: LoggedRequest[],
): void {
  const { sessions, childNamed, checkIfMatch, writeFile, itemJson } = state.sessionsApi;
  const n = count();
  const entry: LoggedRequest = { n, method: req.method, path: '/upload', status: 0, authorization: Boolean(req.headers.authorization), inBatch: false };
  log.push(entry);
  const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
    entry.status = status;
    res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const error = (status: number, code: string, message: string, headers?: Record<string, string>) =>
    reply(status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } }, headers);
  const fault = faultFor(n);
  if (fault?.kind === 'timeout') {
    entry.status = 'timeout';
    return;
  }
  if (fault?.kind === 'status')
    return error(
      fault.status,
      'serviceNotAvailable',
      'Scripted fault.',
      fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
    );
  const session = sessions.get(id);
  if (!session) return error(404, 'itemNotFound', 'The upload session was not found or has expired.');
  if (req.headers.authorization) return error(401, 'unauthenticated', 'The upload URL is pre-authenticated; do not send Authorization.');
  const status = () => ({ expirationDateTime: session.expires, nextExpectedRanges: [`${session.next}-`] });
  if (req.method === 'GET') return reply(200, status());
  if (req.method === 'DELETE') {
    sessions.delete(id);
    return reply(204);
  }
  if (req.method !== 'PUT') return error(405, 'invalidRequest', 'Method not allowed.');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
  if (!range) return error(400, 'invalidRange', 'Content-Range is required: bytes start-end/total.');
  const [start, end, total] = range.slice(1).map(Number) as [number, number, number];
  if (start !== session.next) return error(416, 'invalidRange', `The uploaded fragment overlaps or skips data; expected ${session.next}-.`);
  if (end - start + 1 !== req.body.length) return error(400, 'invalidRange', 'Content-Range does not match the body length.');
  if (session.total !== null && session.total !== total) return error(400, 'invalidRange', 'The total size changed.');
  const last = end + 1 === total;
  if (!last && req.body.length % CHUNK_UNIT !== 0) return error(400, 'invalidRange', 'Fragments must be a multiple of 320 KiB.');
  if (req.body.length > 60 * 1024 * 1024) return error(413, 'requestEntityTooLarge', 'Fragments must be under 60 MiB.');
  session.total = total;
  session.received.push(req.body);
  session.next = end + 1;
  // A dropped connection after the bytes arrived: the client cannot know they did.
  if (fault?.kind === 'drop' || fault?.kind === 'dropAfter') {
    entry.status = 'dropped';
    if (last) finish();
    req.raw.socket.destroy();
    return;
  }
  if (!last) return reply(202, status());
  try {
    const { item, created } = finish();
    return reply(created ? 201 : 200, itemJson(item, null));
  } catch (e) {
    const f = e as { status: number; code: string; message: string };
    return error(f.status, f.code, f.message);
  }

  function finish() {
    sessions.delete(id);
    const existing = childNamed(session!.parentId, session!.name);
    checkIfMatch({ headers: {} }, existing, session!.ifMatch ?? undefined);
    return writeFile(session!.driveId, session!.parentId, session!.name, Buffer.concat(session!.received), session!.conflictBehavior, existing);
  }
}
