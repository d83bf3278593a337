import { randomUUID } from 'node:crypto';
import { entraApp, type EntraApp } from '../../src/adapters/m365/entraApp.js';
import { type GraphSession, graphSession, type GraphSettings } from '../../src/adapters/m365/graph.js';
import { LIBRARY_COLUMNS, type ServiceLibrary } from '../../src/adapters/m365/sharePointLibrary.js';
import { type EntraDouble, GRAPH_AUDIENCE, startEntraDouble } from './graph/entraDouble.js';
import { type GraphDouble, startGraphDouble } from './graph/graphDouble.js';
import { testTls } from './graph/tls.js';

/** What the app registration is granted in the doubles' tenant: least privilege, as docs/m365.md sets it up. */
export const APP_PERMISSIONS = [
  'Sites.Selected',
  'Calendars.ReadWrite',
  'OnlineMeetings.Read.All',
  'TeamsAppInstallation.ReadWriteForChat.All',
  'TeamsTab.Create',
  'AppCatalog.Read.All',
  'User.ReadBasic.All',
];
export const DELEGATED_SCOPES = ['Calendars.ReadWrite', 'OnlineMeetings.ReadWrite', 'User.ReadBasic.All'];

export interface M365Doubles {
  entra: EntraDouble;
  graph: GraphDouble;
  clientId: string;
  clientSecret: string;
  libraries: Record<string, ServiceLibrary>;
  /** A library the app was never granted: Sites.Selected must refuse it. */
  ungranted: ServiceLibrary;
  app: EntraApp;
  fetch: typeof fetch;
  /** Recorded waits of the adapters' inline retries, instead of real sleeping. */
  waits: number[];
  settings(overrides?: Partial<GraphSettings>): GraphSettings;
  appGraph(overrides?: Partial<GraphSettings>): GraphSession;
  close(): Promise<void>;
}

/** A tenant in a box: Entra ID and Graph doubles, the app registered and granted each service's site. */
export async function startM365Doubles(options: { now?: () => Date } = {}): Promise<M365Doubles> {
  const tls = await testTls();
  const entra = await startEntraDouble(options.now ? { now: options.now } : {});
  const graph = await startGraphDouble({ verifyToken: entra.verifyAccessToken, audience: GRAPH_AUDIENCE });
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  entra.registerApp({ clientId, secret: clientSecret, applicationPermissions: APP_PERMISSIONS, delegatedScopes: DELEGATED_SCOPES });
  const columns = Object.values(LIBRARY_COLUMNS);
  const libraries: Record<string, ServiceLibrary> = {};
  for (const service of ['BRI', 'NSO', 'SGL', 'BNE']) {
    const { siteId, driveIds } = graph.drives.addSite(`sites/ecm-${service.toLowerCase()}`, ['Case documents'], columns);
    graph.drives.grant(siteId, clientId, 'write');
    libraries[service] = { siteId, driveId: driveIds[0]! };
  }
  const other = graph.drives.addSite('sites/hr', ['Personnel'], columns);
  const app = entraApp({ tenantId: entra.tenantId, clientId, clientSecret, authorityHost: entra.url, graphResource: GRAPH_AUDIENCE, fetch: tls.fetch });
  const waits: number[] = [];
  const settings = (overrides: Partial<GraphSettings> = {}): GraphSettings => ({
    baseUrl: graph.url,
    fetch: tls.fetch,
    timeoutMs: 2000,
    retries: 4,
    maxInlineWaitMs: 30_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return {
    entra,
    graph,
    clientId,
    clientSecret,
    libraries,
    ungranted: { siteId: other.siteId, driveId: other.driveIds[0]! },
    app,
    fetch: tls.fetch,
    waits,
    settings,
    appGraph: (overrides) => graphSession(settings(overrides), () => app.appOnlyToken()),
    async close() {
      await graph.close();
      await entra.close();
    },
  };
}

/** The env that points ECM for Teams at the doubles, as env/.env.dev would at a real tenant. */
export function m365Env(m: M365Doubles, teamsAppId: string): Record<string, string> {
  return {
    ECM_MODE: 'm365',
    // The doubles' tenant holds the demo people, so the server starts with their services and staff.
    ECM_DEMO_DATA: 'true',
    AZURE_TENANT_ID: m.entra.tenantId,
    AZURE_CLIENT_ID: m.clientId,
    AZURE_CLIENT_SECRET: m.clientSecret,
    ECM_ALLOWED_TENANTS: m.entra.tenantId,
    ECM_SERVICE_LIBRARIES: JSON.stringify(m.libraries),
    GRAPH_BASE_URL: m.graph.url,
    ENTRA_AUTHORITY_HOST: m.entra.url,
    ENTRA_JWKS_COOLDOWN_MS: '0',
    TEAMS_APP_ID: teamsAppId,
    PUBLIC_BASE_URL: 'https://ecm.contoso.example',
  };
}
