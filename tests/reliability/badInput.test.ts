import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import type { Api } from '../support/httpApi.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import type { Subject } from './access/intent.js';
import { CASE_ROUTES, type CaseRoute, type CaseWorld, pathFor, SERVICE_ROUTES, type ServiceRoute } from './access/routes.js';
import { type Actors, caseWorldFor, currentEtag, signInActors } from './access/world.js';
import { bodiesNear, ifMatchValues, queries, rawBodies } from './support/arbitraries.js';
import { watchDatabase } from './support/databaseWatch.js';
import { type Outcome, type Request, send } from './support/send.js';

/**
 * Every endpoint's body and query, fuzzed (fast-check) by a person allowed to use it: the server
 * never answers 5xx, answers every refusal in the one error envelope, and a refused request changes
 * nothing — the database, read from a connection of its own, is the same after it as before (a
 * refused attempt may only add its own audit event).
 */
const BODY_RUNS = Number(process.env.FUZZ_BODY_RUNS ?? 60);
const QUERY_RUNS = Number(process.env.FUZZ_QUERY_RUNS ?? 20);

/** Routes that end something (a case, an agreement, a meeting, a draft): each is fuzzed on a case of its own. */
const ENDING = new Set(['close the case', 'withdraw an agreement', 'approve the formulation', "record a meeting's outcome", 'cancel a meeting']);

const person = (staffId: string, role: Subject['role'], team: Subject['team'] = 'none'): Subject & { agency: string } => ({
  label: staffId,
  staffId,
  role,
  services: ['BRI'],
  team,
  agency: role === 'partner' ? 'social_care' : 'health',
});

/** Who may use a route, so that the request gets past the door to the checks behind it. */
const CASE_ACTOR = (r: CaseRoute) =>
  r.act === 'terms.accept'
    ? person('sw-mark', 'partner', 'invited')
    : r.act === 'retention.delete'
      ? person('admin-chris', 'administrator')
      : person('psy-helen', 'psychologist');
const SERVICE_ACTOR: Record<ServiceRoute['act'], string> = {
  'me.read': 'psy-helen',
  'people.search': 'psy-helen',
  'caseload.read': 'psy-helen',
  'case.refer': 'psy-helen',
  'outcomes.export': 'mgr-bri',
  'evaluation.read': 'psy-helen',
  'evaluation.export': 'psy-helen',
  'retention.read': 'mgr-bri',
  'retention.configure': 'admin-chris',
  'agreementRules.read': 'mgr-bri',
  'agreementRules.configure': 'admin-chris',
  'retention.review': 'admin-chris',
  'retention.delete': 'admin-chris',
  'dashboard.read': 'mgr-bri',
  'library.read': 'mgr-bri',
  'deliveries.retry': 'mgr-bri',
};

describe('fuzzed bodies and queries on every endpoint', () => {
  let dataDir: string;
  let t: TestServer;
  let actors: Actors;
  let watch: ReturnType<typeof watchDatabase>;
  let shared: CaseWorld;
  const worlds = new Map<string, CaseWorld>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecm-fuzz-'));
    t = await startTestServer({
      env: { RATE_LIMIT_WRITES_PER_MINUTE: '10000000', MAX_BODY_BYTES: '20000' },
      overrides: { store: await openSqliteStore({ dataDir }) },
    });
    actors = await signInActors(t);
    const register = new Map();
    shared = await caseWorldFor(t, actors, person('psy-helen', 'psychologist'), actors.helen, register);
    for (const r of CASE_ROUTES.filter((x) => ENDING.has(x.name) || x.act === 'terms.accept')) {
      const actor = CASE_ACTOR(r);
      actors = await signInActors(t); // each case moves the clock on by two hours: sign-ins last ten
      worlds.set(r.name, await caseWorldFor(t, actors, actor, await t.signIn(actor.staffId), register));
    }
    actors = await signInActors(t);
    watch = watchDatabase(dataDir);
  });
  afterAll(async () => {
    watch?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The request was answered as it must be; a refusal left the database as it was. */
  function judge(o: Outcome, what: string) {
    const changes = watch.changes();
    expect(o.status, `${what} → ${o.status} ${o.text.slice(0, 300)}`).toBeLessThan(500);
    if (o.status < 400) return;
    // A request line longer than Node's HTTP parser takes is refused before the app sees it.
    if (o.status === 431) return void expect(changes, what).toBeNull();
    const envelope = JSON.parse(o.text) as { error: { code: unknown; message: unknown } };
    expect(typeof envelope.error.code, what).toBe('string');
    expect(typeof envelope.error.message, what).toBe('string');
    if (changes) {
      expect(changes.tables, `${what} was refused (${o.status}) but changed the database`).toEqual([]);
      expect(
        changes.audited.filter((a) => a !== 'access.refused'),
        `${what} was refused but audited as done`,
      ).toEqual([]);
    }
  }

  /** Sends the request and judges the answer against what the database did meanwhile. */
  async function attempt(api: Api, r: Request, what: string) {
    watch.changes(); // whatever came before this request (reading the current version) is not its doing
    judge(await send(api, r), what);
  }

  const fuzzRoute = async (api: Api, base: Omit<Request, 'body' | 'headers'>, valid: unknown, ifMatch: (() => Promise<string>) | null) => {
    const writes = base.method !== 'GET';
    // Mostly the current version, so that the body is what gets checked; now and then a bad If-Match.
    const tags = fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: ifMatchValues, weight: 1 });
    const headers = async (fuzzed: string | null): Promise<Record<string, string>> => (ifMatch ? { 'if-match': fuzzed ?? (await ifMatch()) } : {});
    if (writes) {
      await fc.assert(
        fc.asyncProperty(bodiesNear(valid ?? {}), tags, async (body, tag) => {
          await attempt(
            api,
            { ...base, body: { json: body }, headers: await headers(tag) },
            `${base.method} ${base.path} ${JSON.stringify(body)?.slice(0, 200)}`,
          );
        }),
        { numRuns: BODY_RUNS, endOnFailure: true },
      );
      await fc.assert(
        fc.asyncProperty(rawBodies, async (raw) => {
          await attempt(api, { ...base, body: raw, headers: await headers(null) }, `${base.method} ${base.path} raw ${JSON.stringify(raw).slice(0, 200)}`);
        }),
        { numRuns: Math.ceil(BODY_RUNS / 3), endOnFailure: true },
      );
    }
    await fc.assert(
      fc.asyncProperty(queries, async (query) => {
        const r: Request = {
          ...base,
          path: `${base.path}${base.path.includes('?') ? '&' : '?'}${query}`,
          ...(valid === undefined ? {} : { body: { json: valid } }),
          headers: await headers(null),
        };
        await attempt(api, r, `${base.method} ${r.path}`);
      }),
      { numRuns: QUERY_RUNS, endOnFailure: true },
    );
  };

  it.each(CASE_ROUTES.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const actor = CASE_ACTOR(route);
    const api = await t.signIn(actor.staffId);
    const world = worlds.get(route.name) ?? shared;
    // Edits name the entry someone else added: the psychologist fuzzing them may change any entry.
    // Action updates name one the psychologist may change whoever owns it.
    const actionId = world.actions.others;
    // Answers name the question put to another agency: the psychologist is refused it after the body is checked.
    const questionId = world.questions.others;
    const path = pathFor(route, world, { entryId: world.entries.others, actionId, questionId });
    const ifMatch = route.ifMatch
      ? () => currentEtag(actors.priya, world, route.ifMatch!, world.entries.others, world.meetings[route.meeting ?? 'upcoming'], actionId, questionId)
      : null;
    await fuzzRoute(api, { method: route.method, path, ...(route.stream ? { stream: true } : {}) }, route.body?.(world), ifMatch);
  });

  it.each(SERVICE_ROUTES.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const api = await t.signIn(SERVICE_ACTOR[route.act]);
    await fuzzRoute(api, { method: route.method, path: route.pattern.replace(':serviceId', route.serviceId ?? '') }, route.body?.(), null);
  });
});
