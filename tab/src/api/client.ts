/**
 * The tab's only way out: /api/v1, with the bearer token of whoever is signed in. Every failure
 * becomes an ApiError carrying the API envelope's code and message, so views can explain it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** Someone else changed the record since it was loaded (412). */
  get isConflict(): boolean {
    return this.status === 412 || this.code === 'precondition_failed';
  }
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface Versioned<T> {
  body: T;
  /** The ETag to send back as If-Match on the next change. */
  etag: string | null;
}

type TokenSource = () => Promise<string | null>;

let tokenSource: TokenSource = async () => null;
let onSignedOut: () => void = () => {};

export function configureApi(source: TokenSource, signedOut: () => void): void {
  tokenSource = source;
  onSignedOut = signedOut;
}

export const API = '/api/v1';

export async function authHeaders(): Promise<Record<string, string>> {
  const token = await tokenSource();
  return token ? { authorization: `Bearer ${token}` } : {};
}

async function errorFrom(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = `The server answered ${res.status}.`;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
    details = body.error?.details;
  } catch {
    // not the envelope: keep the status message
  }
  return new ApiError(res.status, code, message, details);
}

/** `idempotencyKey`: the form's key (see useSubmitOnce); the server answers a repeat with the first answer. */
export async function request<T>(method: string, path: string, body?: unknown, ifMatch?: string | null, idempotencyKey?: string): Promise<Versioned<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...(await authHeaders()) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ifMatch) headers['if-match'] = ifMatch;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The connection dropped before the server answered. What you typed is kept; try again when you are back online.');
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401) onSignedOut();
    throw error;
  }
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : null) as T, etag: res.headers.get('etag') };
}

export const get = async <T>(path: string) => (await request<T>('GET', path)).body;
export const post = async <T>(path: string, body?: unknown, ifMatch?: string | null, idempotencyKey?: string) =>
  (await request<T>('POST', path, body, ifMatch, idempotencyKey)).body;
export const put = async <T>(path: string, body: unknown, ifMatch: string | null) => (await request<T>('PUT', path, body, ifMatch)).body;
export const patch = async <T>(path: string, body: unknown, ifMatch: string | null) => (await request<T>('PATCH', path, body, ifMatch)).body;

/** The ETag the API gives a resource with a `version`. */
export const etagOf = (version: number) => `"${version}"`;

/** Downloads a file the API serves (an .ics invitation) with the bearer token a plain link cannot send. */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await fetch(`${API}${path}`, { headers: await authHeaders() });
  if (!res.ok) throw await errorFrom(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
