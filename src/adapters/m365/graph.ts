import { AuthenticationHandler, Client, GraphError, type Middleware, ResponseType } from '@microsoft/microsoft-graph-client';
import type { Context } from '@microsoft/microsoft-graph-client';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';

/**
 * Microsoft Graph through its JS SDK, with what the SDK leaves to us: a timeout on every request,
 * our own fetch (so tests can trust the local double's certificate), Graph errors turned into
 * OutsideServiceError, and retries that honour Retry-After. A wait longer than `maxInlineWaitMs`
 * is not slept through: the error goes up with its Retry-After so the outbox reschedules the job.
 */
export interface GraphSettings {
  /** https://graph.microsoft.com, or a national cloud's Graph (graph.microsoft.us…). */
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Further tries after the first, for throttling, 5xx, timeouts and dropped connections. */
  retries: number;
  maxInlineWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BatchPart {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchReply {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphSession {
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  delete(path: string, headers?: Record<string, string>): Promise<void>;
  putBytes<T>(path: string, bytes: Uint8Array, headers?: Record<string, string>): Promise<T>;
  getBytes(path: string): Promise<Uint8Array>;
  /** JSON batching: at most 20 parts a request; parts throttled inside the batch are sent again. */
  batch(parts: BatchPart[]): Promise<Map<string, BatchReply>>;
  settings: GraphSettings;
}

export const BATCH_LIMIT = 20;
const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** The final middleware: our fetch, with a deadline. */
class FetchWithTimeout implements Middleware {
  constructor(
    private readonly doFetch: typeof fetch,
    private readonly timeoutMs: number,
  ) {}
  async execute(context: Context): Promise<void> {
    context.response = await this.doFetch(context.request as string, { ...(context.options as RequestInit), signal: AbortSignal.timeout(this.timeoutMs) });
  }
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);
const PERMANENT = new Set([400, 403, 404, 405, 409, 411, 413, 415, 422]);

export function toOutsideError(error: unknown, what: string): OutsideServiceError {
  if (error instanceof OutsideServiceError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : null;
    const retryAfterMs = parseRetryAfter(error.headers?.get?.('retry-after'));
    const code = status === null ? 'network' : (error.code ?? `http_${status}`);
    return new OutsideServiceError(
      `Graph ${what} failed: ${status ?? 'no answer'} ${code}`,
      status,
      code,
      retryAfterMs,
      status !== null && PERMANENT.has(status),
    );
  }
  return new OutsideServiceError(`Graph ${what} failed: no answer (${error instanceof Error ? error.name : 'error'})`, null, 'network', null, false);
}

// Entra ID's refusals (a rotated secret) carry no HTTP status but are not worth retrying inline.
export const isTransient = (e: OutsideServiceError) => !e.permanent && (e.status === null || TRANSIENT.has(e.status));

/** Exponential back-off for a failure that named no wait: 0.5 s, 1 s, 2 s… at most 8 s. */
export const inlineBackoffMs = (attempt: number) => Math.min(8000, 500 * 2 ** attempt);

export async function withRetries<T>(settings: GraphSettings, what: string, op: () => Promise<T>): Promise<T> {
  const sleep = settings.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (raw) {
      const error = toOutsideError(raw, what);
      if (!isTransient(error) || attempt >= settings.retries) throw error;
      const wait = error.retryAfterMs ?? inlineBackoffMs(attempt);
      if (wait > settings.maxInlineWaitMs) throw error;
      await sleep(wait);
    }
  }
}

export function graphSession(settings: GraphSettings, token: () => Promise<string>): GraphSession {
  const base = settings.baseUrl.replace(/\/$/, '');
  const auth = new AuthenticationHandler({ getAccessToken: token });
  auth.setNext(new FetchWithTimeout(settings.fetch, settings.timeoutMs));
  // The SDK adds the bearer token only for Graph's own hosts or these: the configured one.
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: `${base}/`, defaultVersion: 'v1.0', customHosts: new Set([new URL(base).hostname]) });
  const request = (path: string, headers: Record<string, string> = {}) => client.api(path).headers(headers);
  // The token first, on its own: an Entra refusal keeps its meaning instead of becoming a network error.
  const run = <T>(what: string, op: () => Promise<T>) =>
    withRetries(settings, what, async () => {
      await token();
      return op();
    });

  async function batchOnce(parts: BatchPart[]): Promise<BatchReply[]> {
    const reply = await run('batch', () =>
      client
        .api('/$batch')
        .post({ requests: parts.map((p) => ({ ...p, headers: { ...(p.body !== undefined ? { 'content-type': 'application/json' } : {}), ...p.headers } })) }),
    );
    return ((reply as { responses?: BatchReply[] }).responses ?? []).map((r) => ({ ...r, headers: lowerKeys(r.headers ?? {}) }));
  }

  return {
    settings,
    get: (path, headers) => run(`GET ${shape(path)}`, () => request(path, headers).get()),
    post: (path, body, headers) => run(`POST ${shape(path)}`, () => request(path, headers).post(body)),
    patch: (path, body, headers) => run(`PATCH ${shape(path)}`, () => request(path, headers).patch(body)),
    delete: (path, headers) => run(`DELETE ${shape(path)}`, () => request(path, headers).delete()),
    putBytes: (path, bytes, headers = {}) =>
      run(`PUT ${shape(path)}`, () =>
        request(path, { 'Content-Type': 'application/octet-stream', ...headers }).put(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      ),
    getBytes: async (path) => new Uint8Array(await run(`GET ${shape(path)}`, () => request(path).responseType(ResponseType.ARRAYBUFFER).get())),
    async batch(parts) {
      const out = new Map<string, BatchReply>();
      const sleep = settings.sleep ?? realSleep;
      // Parts that depend on each other travel in the same batch: split only between independent groups.
      for (const group of groupsOf(parts)) {
        let pending = group;
        for (let attempt = 0; pending.length; attempt++) {
          const replies = await batchOnce(pending);
          const throttled: BatchPart[] = [];
          let wait = 0;
          for (const r of replies) {
            const asked = pending.find((p) => p.id === r.id);
            if (asked && TRANSIENT.has(r.status) && attempt < settings.retries) {
              throttled.push(asked);
              wait = Math.max(wait, parseRetryAfter(r.headers['retry-after']) ?? inlineBackoffMs(attempt));
            } else out.set(r.id, r);
          }
          if (!throttled.length) break;
          if (wait > settings.maxInlineWaitMs) {
            throw new OutsideServiceError('Graph batch part throttled', 429, 'TooManyRequests', wait, false);
          }
          await sleep(wait);
          // A part whose dependency is sent again must go with it; 424s are answered anew too.
          const again = new Set(throttled.map((p) => p.id));
          for (const p of pending) if (out.get(p.id)?.status === 424) again.add(p.id);
          for (const id of again) out.delete(id);
          pending = pending
            .filter((p) => again.has(p.id))
            .map((p) => ({ ...p, ...(p.dependsOn ? { dependsOn: p.dependsOn.filter((d) => again.has(d)) } : {}) }));
        }
      }
      return out;
    },
  };
}

/**
 * Splits parts into batches of at most 20. A part never travels apart from what it depends on:
 * a batch closes early rather than cut a chain (callers keep each chain under 20).
 */
function groupsOf(parts: BatchPart[]): BatchPart[][] {
  const groups: BatchPart[][] = [];
  let current: BatchPart[] = [];
  for (const [i, p] of parts.entries()) {
    const chainLength = 1 + parts.slice(i + 1).filter((q) => q.dependsOn?.includes(p.id)).length;
    const continuesChain = (p.dependsOn ?? []).some((d) => current.some((c) => c.id === d));
    if (current.length && !continuesChain && current.length + chainLength > BATCH_LIMIT) {
      groups.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length) groups.push(current);
  return groups;
}

const lowerKeys = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** A path for error messages: ids and names replaced, so that no file or case name reaches a log. */
const shape = (path: string) =>
  path
    .replace(/\?.*$/, '')
    .replace(/:\/[^:]*:?/g, ':/…:')
    .replace(/\/(items|drives|sites|users|events|chats)\/[^/]+/g, '/$1/…');
