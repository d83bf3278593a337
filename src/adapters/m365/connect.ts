import { createRemoteJWKSet, customFetch } from 'jose';
import type { Config } from '../../config.js';
import type { Logger } from '../../lib/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { Directory } from '../../ports/directory.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import type { Identity } from '../../ports/identity.js';
import type { MeetingCalendar } from '../../ports/meetingCalendar.js';
import type { Store } from '../../ports/store.js';
import { entraApp } from './entraApp.js';
import { entraIdentity } from './entraIdentity.js';
import { graphSession, type GraphSettings } from './graph.js';
import { graphCalendar } from './graphCalendar.js';
import { graphDirectory } from './graphDirectory.js';
import { sharePointLibrary } from './sharePointLibrary.js';

export interface Microsoft365 {
  identity: Identity;
  library: DocumentLibrary;
  calendar: MeetingCalendar;
  directory: Directory;
}

export interface Microsoft365Options {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Tests pass a fetch that trusts the local doubles' certificate; production uses the platform's. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Builds the Microsoft 365 adapters from a configuration that parseConfig has already checked. */
export function connectMicrosoft365(config: Config, o: Microsoft365Options): Microsoft365 {
  const need = <T>(value: T | undefined, key: string): T => {
    if (value === undefined) throw new Error(`${key} is missing`); // parseConfig refuses this first
    return value;
  };
  const doFetch = o.fetch ?? globalThis.fetch;
  const tenantId = need(config.AZURE_TENANT_ID, 'AZURE_TENANT_ID');
  const clientId = need(config.AZURE_CLIENT_ID, 'AZURE_CLIENT_ID');
  const app = entraApp({
    tenantId,
    clientId,
    clientSecret: need(config.AZURE_CLIENT_SECRET, 'AZURE_CLIENT_SECRET'),
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    graphResource: config.GRAPH_BASE_URL,
    fetch: doFetch,
  });
  const settings: GraphSettings = {
    baseUrl: config.GRAPH_BASE_URL,
    fetch: doFetch,
    timeoutMs: config.GRAPH_TIMEOUT_MS,
    retries: 4,
    maxInlineWaitMs: config.GRAPH_MAX_INLINE_WAIT_MS,
    ...(o.sleep ? { sleep: o.sleep } : {}),
  };
  const appGraph = graphSession(settings, () => app.appOnlyToken());
  // Entra ID's keys, cached; a token naming a key we do not know makes jose fetch them again (at most every 30 s).
  const keys = createRemoteJWKSet(new URL(`${config.ENTRA_AUTHORITY_HOST}/common/discovery/v2.0/keys`), {
    [customFetch]: doFetch,
    cooldownDuration: config.ENTRA_JWKS_COOLDOWN_MS,
    cacheMaxAge: 12 * 3_600_000,
  });
  const publicHost = new URL(config.PUBLIC_BASE_URL).host;
  return {
    identity: entraIdentity({
      store: o.store,
      clock: o.clock,
      logger: o.logger,
      keys,
      audiences: [clientId, `api://${clientId}`, `api://${publicHost}/${clientId}`, ...(config.ECM_API_AUDIENCE ? [config.ECM_API_AUDIENCE] : [])],
      allowedTenants: need(config.ECM_ALLOWED_TENANTS, 'ECM_ALLOWED_TENANTS'),
      authorityHost: config.ENTRA_AUTHORITY_HOST,
      v1IssuerHost: config.ENTRA_V1_ISSUER_HOST,
      groupMap: config.ECM_ROLE_GROUPS ?? {},
    }),
    library: sharePointLibrary({ graph: appGraph, libraries: need(config.ECM_SERVICE_LIBRARIES, 'ECM_SERVICE_LIBRARIES') }),
    calendar: graphCalendar({ app, settings, appGraph, teamsAppId: config.TEAMS_APP_ID ?? null, publicBaseUrl: config.PUBLIC_BASE_URL }),
    directory: graphDirectory(appGraph),
  };
}
