import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import { type DoubleRequest, startHttpsDouble } from './httpsDouble.js';
import { driveRoutes, type DriveState, newDriveState } from './driveRoutes.js';
import { handleDownload, handleUpload } from './uploadRoutes.js';
import { teamsRoutes, type TeamsState, newTeamsState } from './teamsRoutes.js';

/**
 * A local stand-in for Microsoft Graph that behaves like it where the adapters depend on it:
 * bearer tokens checked (issued by the Entra double), Sites.Selected grants enforced, Graph's error
 * envelope, eTags, upload sessions, $batch, throttling with Retry-After, and scripted faults
 * (a status on the Nth request, a request that never answers, a dropped connection).
 */
export interface Caller {
  appId: string;
  /** Application permissions of an app-only token. */
  roles: string[];
  /** Delegated scopes of a user's (On-Behalf-Of) token; empty for app-only. */
  scopes: string[];
  /** The signed-in user's object id for delegated tokens. */
  userId: string | null;
}

export interface GraphCall {
  method: string;
  /** The path after the version segment, e.g. /drives/b!x/root:/BRI-2026-0001:/children. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  caller: Caller;
  inBatch: boolean;
  json<T = any>(): T;
}

export interface GraphReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Route = { method: string; pattern: RegExp; handle: (call: GraphCall, params: string[]) => GraphReply | Promise<GraphReply> };

export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const fail = (status: number, code: string, message: string, headers?: Record<string, string>) => new GraphFailure(status, code, message, headers);

const errorBody = (code: string, message: string, requestId: string) => ({
  error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': requestId } },
});

/** What a scripted fault does to the request it hits. */
export type Fault =
  /** 400 answers invalidRequest: a request Graph will never accept as sent. */
  | { kind: 'status'; status: 400 | 429 | 503 | 500 | 504; retryAfterSeconds?: number }
  | { kind: 'timeout' }
  | { kind: 'drop' }
  /** The request is carried out, then the connection drops before the answer: the client cannot know. */
  | { kind: 'dropAfter' };

export interface FaultRule {
  /** Decides, per request (batch parts included), whether this rule hits it. */
  matches(n: number, call: { method: string; path: string; inBatch: boolean; upload: boolean }): boolean;
  fault: Fault;
  /** How many more times the rule may fire; unlimited when absent. */
  times?: number;
}

export interface LoggedRequest {
  n: number;
  method: string;
  path: string;
  status: number | 'timeout' | 'dropped';
  authorization: boolean;
  inBatch: boolean;
}

export async function startGraphDouble(options: { verifyToken: (token: string) => Promise<JWTPayload | null>; audience?: string }) {
  const audience = options.audience ?? 'https://graph.microsoft.com';
  const rules: FaultRule[] = [];
  const log: LoggedRequest[] = [];
  let counter = 0;
  let latencyMs = 0;
  let baseUrl = '';
  const drives: DriveState = newDriveState(() => baseUrl);
  const teams: TeamsState = newTeamsState(() => baseUrl);
  const routes: Route[] = [...driveRoutes(drives), ...teamsRoutes(teams)];

  const pickFault = (n: number, call: Parameters<FaultRule['matches']>[1]): Fault | null => {
    for (const rule of rules) {
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (!rule.matches(n, call)) continue;
      if (rule.times !== undefined) rule.times -= 1;
      return rule.fault;
    }
    return null;
  };

  async function authenticate(header: string | undefined): Promise<Caller> {
    const m = /^Bearer (.+)$/.exec(header ?? '');
    if (!m) throw fail(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const claims = await options.verifyToken(m[1]!);
    if (!claims) throw fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience or signature.');
    // Graph accepts its own resource URL; the double, like a national cloud, also its own address.
    if (claims.aud !== audience && claims.aud !== baseUrl) throw fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    const roles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
    const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
    return { appId: String(claims.appid ?? ''), roles, scopes, userId: scopes.length ? String(claims.oid) : null };
  }

  async function dispatch(call: GraphCall): Promise<GraphReply> {
    for (const route of routes) {
      if (route.method !== call.method) continue;
      const m = route.pattern.exec(call.path);
      if (m)
        return route.handle(
          call,
          m.slice(1).map((p) => (p === undefined ? (undefined as unknown as string) : decodeURIComponent(p))),
        );
    }
    throw fail(400, 'BadRequest', `Resource not found for the segment '${call.path.split('/')[1] ?? ''}'.`);
  }

  /** One request, from the socket or from a $batch: faults, then routing, then the error envelope. */
  async function answer(call: Omit<GraphCall, 'caller'> & { authorization: string | undefined }): Promise<GraphReply | 'timeout' | 'drop'> {
    const n = ++counter;
    // Graph's own round trip, for benchmarks that compare waiting with working (a batch part adds none).
    if (latencyMs > 0 && !call.inBatch) await new Promise((ok) => setTimeout(ok, latencyMs));
    const requestId = randomUUID();
    const fault = pickFault(n, { method: call.method, path: call.path, inBatch: call.inBatch, upload: false });
    const entry: LoggedRequest = { n, method: call.method, path: call.path, status: 0, authorization: Boolean(call.authorization), inBatch: call.inBatch };
    log.push(entry);
    if (fault?.kind === 'timeout' || fault?.kind === 'drop') {
      entry.status = fault.kind === 'timeout' ? 'timeout' : 'dropped';
      return fault.kind;
    }
    let reply: GraphReply;
    try {
      if (fault?.kind === 'dropAfter') {
        await dispatch({ ...call, caller: await authenticate(call.authorization) }).catch(() => undefined);
        entry.status = 'dropped';
        return 'drop';
      }
      if (fault) {
        const name = { 400: 'invalidRequest', 429: 'TooManyRequests', 503: 'serviceNotAvailable' }[fault.status as number] ?? 'generalException';
        throw fail(fault.status, name, 'Scripted fault.', fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
      }
      const caller = await authenticate(call.authorization);
      reply = await dispatch({ ...call, caller });
    } catch (error) {
      if (!(error instanceof GraphFailure)) throw error;
      reply = { status: error.status, headers: error.headers, body: errorBody(error.code, error.message, requestId) };
    }
    entry.status = reply.status;
    reply.headers = { 'request-id': requestId, ...reply.headers };
    return reply;
  }

  async function batch(call: GraphCall, authorization: string | undefined): Promise<GraphReply> {
    const body = call.json<{
      requests?: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }[];
    }>();
    const requests = body.requests ?? [];
    if (requests.length === 0) throw fail(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > 20) throw fail(400, 'BadRequest', 'Unable to deserialize content. Batch requests are limited to 20.');
    const byId = new Map(requests.map((r) => [r.id, r]));
    const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body: unknown }>();
    const run = async (id: string): Promise<number> => {
      const done = results.get(id);
      if (done) return done.status;
      const r = byId.get(id);
      if (!r) throw fail(400, 'BadRequest', `dependsOn names an unknown request ${id}.`);
      for (const dep of r.dependsOn ?? []) {
        if ((await run(dep)) >= 400) {
          results.set(id, { id, status: 424, headers: {}, body: errorBody('FailedDependency', 'A request this one depends on failed.', randomUUID()) });
          return 424;
        }
      }
      const url = new URL(r.url.replace(/^\/?/, '/'), 'https://graph.invalid');
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const payload = r.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(r.body));
      const reply = await answer({
        method: r.method.toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: payload,
        inBatch: true,
        authorization,
        json: () => r.body as never,
      });
      const settled =
        reply === 'timeout' || reply === 'drop'
          ? { id, status: 504, headers: {}, body: errorBody('gatewayTimeout', 'The request timed out.', randomUUID()) }
          : { id, status: reply.status, headers: reply.headers ?? {}, body: reply.body };
      results.set(id, settled);
      return settled.status;
    };
    for (const r of requests) await run(r.id);
    // Graph answers in whatever order the parts finished: never rely on the request order.
    const responses = [...results.values()].reverse();
    return { status: 200, body: { responses } };
  }

  const server = await startHttpsDouble(async (req: DoubleRequest, res: ServerResponse) => {
    const upload = /^\/upload\/([^/]+)$/.exec(req.url.pathname);
    if (upload)
      return handleUpload(
        drives,
        req,
        res,
        upload[1]!,
        (n: number) => pickFault(n, { method: req.method, path: req.url.pathname, inBatch: false, upload: true }),
        () => ++counter,
        log,
      );
    const download = /^\/download\/([^/]+)\/([^/]+)$/.exec(req.url.pathname);
    if (download) return handleDownload(drives, res, download[1]!, download[2]!);

    const m = /^\/(v1\.0|beta)(\/.*)$/.exec(req.url.pathname);
    const path = m?.[2] ?? req.url.pathname;
    const call = {
      method: req.method,
      path,
      query: req.url.searchParams,
      headers: req.headers,
      body: req.body,
      inBatch: false,
      json: <T>() => JSON.parse(req.body.toString() || 'null') as T,
    };
    let reply: GraphReply | 'timeout' | 'drop';
    if (req.method === 'POST' && path === '/$batch') {
      const n = ++counter;
      const entry: LoggedRequest = { n, method: 'POST', path, status: 200, authorization: Boolean(req.headers.authorization), inBatch: false };
      log.push(entry);
      const fault = pickFault(n, { method: 'POST', path, inBatch: false, upload: false });
      if (fault && fault.kind !== 'status') {
        entry.status = fault.kind === 'timeout' ? 'timeout' : 'dropped';
        if (fault.kind !== 'timeout') req.raw.socket.destroy();
        return;
      }
      try {
        if (fault) {
          throw fail(
            fault.status,
            fault.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable',
            'Scripted fault.',
            fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
          );
        }
        await authenticate(req.headers.authorization);
        reply = await batch({ ...call, caller: { appId: '', roles: [], scopes: [], userId: null } }, req.headers.authorization);
      } catch (error) {
        if (!(error instanceof GraphFailure)) throw error;
        reply = { status: error.status, headers: error.headers, body: errorBody(error.code, error.message, randomUUID()) };
      }
      entry.status = reply.status;
    } else {
      reply = await answer({ ...call, authorization: req.headers.authorization });
    }
    if (reply === 'timeout') return; // never answers; the client must give up on its own
    if (reply === 'drop') {
      req.raw.socket.destroy();
      return;
    }
    if (Buffer.isBuffer(reply.body)) {
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream', ...reply.headers });
      res.end(reply.body);
    } else {
      res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
      res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    }
  });
  baseUrl = server.url;

  return {
    url: server.url,
    /** What Graph was asked, in order (batch parts included, marked inBatch). */
    log,
    drives,
    teams,
    /** Adds a fault rule; rules are tried in the order added. */
    inject(rule: FaultRule) {
      rules.push(rule);
    },
    /** The Nth request from now on (1 = the next one) gets this fault. */
    failNth(nth: number, fault: Fault) {
      const target = counter + nth;
      rules.push({ matches: (n) => n === target, fault, times: 1 });
    },
    /** A seeded share of all requests, uploads and batch parts included, get 429 or 503 with one of these Retry-Afters. */
    throttleRandomly(ratio: number, seed = 42, retryAfterSeconds: number[] = [1]) {
      let state = seed;
      const random = () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state / 2 ** 31;
      };
      rules.push({
        matches: () => random() < ratio,
        get fault(): Fault {
          const wait = retryAfterSeconds[Math.floor(random() * retryAfterSeconds.length)]!;
          return { kind: 'status', status: random() < 0.5 ? 429 : 503, retryAfterSeconds: wait };
        },
      });
    },
    clearFaults() {
      rules.length = 0;
    },
    /** Every request answered after this long (0: at once), as Graph's round trip over the internet. */
    setLatency(ms: number) {
      latencyMs = ms;
    },
    close: server.close,
  };
}

export type GraphDouble = Awaited<ReturnType<typeof startGraphDouble>>;
