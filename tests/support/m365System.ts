import { randomUUID } from 'node:crypto';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { DEMO_STAFF } from '../../src/demo/people.js';
import { createLogger } from '../../src/lib/logger.js';
import { type M365Doubles, m365Env, startM365Doubles } from './m365.js';
import { startTestServer, type TestServer } from './testSystem.js';

/** App roles a demo person holds in the doubles' tenant, as an admin would assign them. */
export const DEMO_APP_ROLES: Record<string, string[]> = {
  'psy-helen': ['ECM.Psychologist', 'Service.BRI', 'Service.NSO', 'Service.SGL', 'Service.BNE'],
  'ecm-sam': ['ECM.Practitioner', 'Service.BRI', 'Service.NSO', 'Service.SGL', 'Service.BNE'],
  'yjs-amy': ['YJS.Practitioner', 'Service.BRI'],
  'mgr-bri': ['YJS.Manager', 'Service.BRI'],
  'mgr-nso': ['YJS.Manager', 'Service.NSO'],
};

export interface M365TestServer extends TestServer {
  m: M365Doubles;
  /** Every log line the server wrote, to check that no token leaks. */
  logs: string[];
  teamsAppId: string;
  /** A Teams SSO token for a demo person, with their app roles. */
  tokenFor(staffId: string, claims?: Record<string, unknown>): Promise<string>;
  apiAs(staffId: string): Promise<ReturnType<typeof bearerApi>>;
}

function bearerApi(url: string, token: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as any) : null };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    postWith: (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
  };
}

/**
 * The real server in Microsoft 365 mode with the Entra ID and Graph doubles standing in for a
 * tenant: SSO tokens signed by the Entra double, SharePoint, calendars and chats in the Graph double.
 */
export async function startM365TestServer(options: { doubles?: M365Doubles & { teamsAppId?: string }; dataDir?: string } = {}): Promise<M365TestServer> {
  let now: () => Date = () => new Date();
  const m = options.doubles ?? (await startM365Doubles({ now: () => now() }));
  const teamsAppId = options.doubles?.teamsAppId ?? randomUUID();
  if (!options.doubles) {
    for (const s of DEMO_STAFF) m.graph.teams.addUser({ id: s.aadObjectId!, displayName: s.name, mail: s.email });
    m.graph.teams.publishApp(teamsAppId, 'ECM for Teams');
  }
  const logs: string[] = [];
  const t = await startTestServer({
    env: { ...m365Env(m, teamsAppId), LOG_LEVEL: 'debug' },
    overrides: {
      fetch: m.fetch,
      graphSleep: async (ms) => void m.waits.push(ms),
      logger: createLogger('debug', (line) => logs.push(line)),
      // A database on disk outlives this server, for a test that restarts it.
      ...(options.dataDir ? { store: await openSqliteStore({ dataDir: options.dataDir }) } : {}),
    },
  });
  now = () => t.clock.now();
  const tokenFor = async (staffId: string, claims: Record<string, unknown> = {}) => {
    const s = DEMO_STAFF.find((x) => x.id === staffId)!;
    return m.entra.ssoToken(m.clientId, { oid: s.aadObjectId!, name: s.name, preferred_username: s.email, roles: DEMO_APP_ROLES[staffId] ?? [], ...claims });
  };
  return {
    ...t,
    m,
    logs,
    teamsAppId,
    tokenFor,
    apiAs: async (staffId) => bearerApi(t.url, await tokenFor(staffId)),
    async close() {
      await t.close();
      if (!options.doubles) await m.close();
    },
  };
}
