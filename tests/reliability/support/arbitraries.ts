import fc from 'fast-check';

/**
 * What a careless or hostile client sends: any JSON, valid requests with one part broken, text that
 * is not JSON at all, and query strings with unknown or malformed parameters.
 */
const awkwardStrings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '<b>bold</b>',
    'Seen at <img src=x onerror=alert(1)>',
    '2026-02-30',
    '2026-13-01',
    '9999-12-31',
    '0000-00-00',
    '2026-11-27T25:00:00Z',
    'NaN',
    '-0',
    'null',
    '\u0000',
    '\u202e',
    "'; DROP TABLE cases; --",
    '../../etc/passwd',
    'BRI-2026-0001',
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
  ),
  fc.string({ unit: 'grapheme', minLength: 2001, maxLength: 2050 }),
);

const awkwardNumbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 0.5, 2.5, 6.5, 7, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
);

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  awkwardStrings,
  awkwardNumbers,
  fc.constant(null),
  fc.boolean(),
  fc.array(awkwardStrings, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), awkwardStrings, { maxKeys: 3 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}

/** A copy of `value` with the part at `path` replaced (or removed, when `to` is undefined). */
function changed(value: unknown, path: Path, to: unknown | undefined, add?: string): unknown {
  if (path.length === 0) {
    if (add !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) return { ...value, [add]: to };
    return to;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && to === undefined && add === undefined) copy.splice(head as number, 1);
    else copy[head as number] = changed(copy[head as number], rest, to, add);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && to === undefined && add === undefined) delete copy[head as string];
  else copy[head as string] = changed(copy[head as string], rest, to, add);
  return copy;
}

/** Bodies near a valid one: a part replaced by anything, a part removed, a field no one asked for. */
export function bodiesNear(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const inner = paths.filter((p) => p.length > 0);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...paths), anyValue).map(([p, v]) => changed(valid, p, v)),
    ...(inner.length ? [fc.constantFrom(...inner).map((p) => changed(valid, p, undefined))] : []),
    fc
      .tuple(
        fc.constantFrom(...paths),
        fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'version')),
        anyValue,
      )
      .map(([p, key, v]) => changed(valid, p, v, key)),
    anyValue,
  );
}

/** Text sent as a body: mostly not JSON, sometimes JSON in disguise, under several content types. */
export const rawBodies = fc.record({
  raw: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      '{',
      '{"a":1,}',
      '[1,2',
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      'null',
      '"x"',
      '1',
      '{}'.repeat(500),
    ),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ),
});

const QUERY_KEYS = [
  'service',
  'status',
  'limit',
  'after',
  'category',
  'agency',
  'confidence',
  'contributor',
  'includeRetracted',
  'stage',
  'version',
  'from',
  'to',
  'q',
  'document',
  'meetingId',
  '__proto__',
  'constructor',
];

const queryValues = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', 'true', 'false', '0', '-1', '201', '1000001', 'a,b,c', 'education,,police', 'BRI', 'XXX', 'closed,active', '2026-02-30', 'eyJ4IjoxfQ'),
  fc.string({ unit: 'grapheme', minLength: 490, maxLength: 520 }),
);

/** A query string of known and unknown keys, repeated keys, and now and then broken percent-encoding. */
export const queries = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ minLength: 1, maxLength: 10 })), queryValues), { maxLength: 5 }),
    fc.constantFrom('', '', '', '&%', '&x=%E0%A4%A', '&%00=1', '&limit=%ZZ', '&a[b]=1', '&after[]=x'),
  )
  .map(([pairs, tail]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + tail);

/** If-Match values: a well-formed old or future version, or something that is not an ETag. */
export const ifMatchValues = fc.oneof(
  fc.constantFrom('"0"', '"1"', '"999999999"', '"1234567890"', '*', 'W/"1"', '1', '""', '"1", "2"'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);
