import { InvalidCursorError, type Page } from '../../../ports/store.js';

/** Keyset cursors: the sort key of the last row, base64url-encoded so clients treat it as opaque. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    // fall through: a cursor that does not decode is a bad request, said by the caller
  }
  throw new InvalidCursorError();
}

/** Rows were fetched with limit + 1: the extra row says there is another page. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, keyOf: (r: R) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

export const json = <T>(text: string): T => JSON.parse(text) as T;
