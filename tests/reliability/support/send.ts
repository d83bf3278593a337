import type { Api } from '../../support/httpApi.js';

/** What came back: the status, the envelope's error code if any, and the body as text. */
export interface Outcome {
  status: number;
  code: string | null;
  text: string;
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  /** A value to send as JSON, or raw text with its content type. */
  body?: { json: unknown } | { raw: string; contentType: string };
  headers?: Record<string, string>;
  /** Server-sent events: only the status and content type are read, then the stream is closed. */
  stream?: boolean;
}

export async function send(api: Api, r: Request): Promise<Outcome> {
  const abort = new AbortController();
  const body = r.body === undefined ? undefined : 'json' in r.body ? JSON.stringify(r.body.json) : r.body.raw;
  const contentType: Record<string, string> = r.body === undefined ? {} : { 'content-type': 'json' in r.body ? 'application/json' : r.body.contentType };
  const res = await api.raw(r.path, {
    method: r.method,
    signal: abort.signal,
    headers: { ...contentType, ...r.headers },
    ...(body === undefined ? {} : { body }),
  });
  if (r.stream && res.status === 200) {
    abort.abort();
    return { status: 200, code: null, text: res.headers.get('content-type') ?? '' };
  }
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    // a file or a page: no error code
  }
  return { status: res.status, code, text };
}
