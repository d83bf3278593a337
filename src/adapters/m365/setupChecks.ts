import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Config } from '../../config.js';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import type { SetupCheck } from '../../ports/setupCheck.js';
import { entraApp } from './entraApp.js';
import { type GraphSession, graphSession } from './graph.js';
import { LIBRARY_COLUMNS } from './sharePointLibrary.js';

/**
 * The Microsoft 365 set-up checked from the server's own settings, the way the server uses it.
 * `thorough` (npm run doctor) also writes and removes a probe file in each library and checks the
 * bot's registration; without it (/readyz, every few minutes) only reads and asks for tokens.
 * Each problem names the setting at fault and the README step that fixes it.
 */
export const README_STEP = {
  settings: 'README "Take it to your tenant", step 1 (env/.env.<name>)',
  registration: 'README "Take it to your tenant", step 2a or 2b.1 (the Entra app and its client secret, in env/.env.<name>.user)',
  bot: 'README "Take it to your tenant", step 2a or 2b.2 (the bot)',
  teamsApp: 'README "Take it to your tenant", step 2b.3 (the Teams app id)',
  consent: 'README "Take it to your tenant", step 2b, "Permissions" and 2b.5 (admin consent)',
  sites: 'README "Take it to your tenant", step 3 (the site, its library and columns, and the write grant)',
  tls: 'README "Take it to your tenant", step 6 (trust: NODE_EXTRA_CA_CERTS for a proxy that inspects TLS)',
} as const;

/** Application permissions the server's work needs, by what they are for (README, step 2b "Permissions"). */
const NEEDED = {
  sharepoint: { roles: ['Sites.Selected'], or: ['Sites.ReadWrite.All', 'Sites.FullControl.All'], essential: true, what: 'the case libraries' },
  calendar: { roles: ['Calendars.ReadWrite', 'OnlineMeetings.Read.All'], or: [], essential: false, what: 'meetings on the organiser’s calendar' },
  'meeting-chat': { roles: ['TeamsAppInstallation.ReadWriteForChat.All', 'TeamsTab.Create'], or: [], essential: false, what: 'the ECM tab in meeting chats' },
  directory: { roles: ['User.ReadBasic.All'], or: [], essential: false, what: 'finding people to invite' },
} as const;

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|DEPTH_ZERO/;

/** What a failed fetch was: TLS trust, a name or a connection. */
function whyUnreachable(error: unknown): { tls: boolean; text: string } {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? (error instanceof Error ? error.name : 'error');
  return { tls: TLS_CODES.test(String(code)), text: String(code) };
}

export interface SetupCheckOptions {
  fetch?: typeof fetch;
  thorough: boolean;
}

export async function checkMicrosoft365(config: Config, o: SetupCheckOptions): Promise<SetupCheck[]> {
  const doFetch = o.fetch ?? globalThis.fetch;
  const results: SetupCheck[] = [];
  const add = (c: SetupCheck) => results.push(c);

  // TLS trust and Entra ID's signing keys: without them nobody can sign in.
  const keysUrl = `${config.ENTRA_AUTHORITY_HOST}/common/discovery/v2.0/keys`;
  try {
    const res = await doFetch(keysUrl, { signal: AbortSignal.timeout(10_000) });
    add({ check: 'tls:authority', ok: true, detail: `${new URL(keysUrl).host} answers over trusted TLS`, essential: true });
    const body = (await res.json().catch(() => null)) as { keys?: { kid?: string }[] } | null;
    const n = body?.keys?.filter((k) => k.kid).length ?? 0;
    add(
      res.ok && n > 0
        ? { check: 'signing-keys', ok: true, detail: `Entra ID publishes ${n} signing key${n === 1 ? '' : 's'}`, essential: true }
        : {
            check: 'signing-keys',
            ok: false,
            detail: `Entra ID's signing keys could not be read (${res.status}): no sign-in can be checked`,
            setting: 'ENTRA_AUTHORITY_HOST',
            fix: README_STEP.settings,
            essential: true,
          },
    );
  } catch (error) {
    const why = whyUnreachable(error);
    add({
      check: 'tls:authority',
      ok: false,
      detail: why.tls
        ? `this machine does not trust ${new URL(keysUrl).host}'s certificate (${why.text}): nobody can sign in`
        : `${new URL(keysUrl).host} cannot be reached (${why.text}): nobody can sign in`,
      setting: 'ENTRA_AUTHORITY_HOST',
      fix: why.tls ? README_STEP.tls : README_STEP.settings,
      essential: true,
    });
  }

  try {
    await doFetch(`${config.GRAPH_BASE_URL}/v1.0/`, { signal: AbortSignal.timeout(10_000) });
    add({ check: 'tls:graph', ok: true, detail: `${new URL(config.GRAPH_BASE_URL).host} answers over trusted TLS`, essential: true });
  } catch (error) {
    const why = whyUnreachable(error);
    add({
      check: 'tls:graph',
      ok: false,
      detail: why.tls
        ? `this machine does not trust ${new URL(config.GRAPH_BASE_URL).host}'s certificate (${why.text})`
        : `${new URL(config.GRAPH_BASE_URL).host} cannot be reached (${why.text})`,
      setting: 'GRAPH_BASE_URL',
      fix: why.tls ? README_STEP.tls : README_STEP.settings,
      essential: true,
    });
  }

  // The app's own token, asked afresh (a cached one would hide a secret rotated since).
  const app = entraApp({
    tenantId: config.AZURE_TENANT_ID ?? '',
    clientId: config.AZURE_CLIENT_ID ?? '',
    clientSecret: config.AZURE_CLIENT_SECRET ?? '',
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    graphResource: config.GRAPH_BASE_URL,
    fetch: doFetch,
  });
  let roles: string[] | null = null;
  try {
    const token = await app.appOnlyToken();
    const claims = decodeJwt(token);
    roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
    add({ check: 'app-token', ok: true, detail: 'Entra ID gives the app its token (client credentials)', essential: true });
  } catch (error) {
    add({ ...tokenProblem(error, 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_ID', README_STEP.registration), check: 'app-token', essential: true });
  }

  if (roles) {
    for (const [name, need] of Object.entries(NEEDED)) {
      const has = (r: string) => roles!.includes(r);
      const missing = need.or.some(has) ? [] : need.roles.filter((r) => !has(r));
      add(
        missing.length
          ? {
              check: `permissions:${name}`,
              ok: false,
              detail: `the app lacks ${missing.join(', ')} (application, admin-consented) for ${need.what}`,
              fix: README_STEP.consent,
              essential: need.essential,
            }
          : { check: `permissions:${name}`, ok: true, detail: `granted for ${need.what}`, essential: need.essential },
      );
    }
    const graph = graphSession(
      { baseUrl: config.GRAPH_BASE_URL, fetch: doFetch, timeoutMs: Math.min(config.GRAPH_TIMEOUT_MS, 15_000), retries: 1, maxInlineWaitMs: 2000 },
      () => app.appOnlyToken(),
    );
    for (const [service, library] of Object.entries(config.ECM_SERVICE_LIBRARIES ?? {})) {
      add(await checkLibrary(graph, service, library, o.thorough));
    }
  }

  if (o.thorough) {
    add(await checkBot(config, doFetch));
    add(
      config.TEAMS_APP_ID
        ? { check: 'teams-app', ok: true, detail: 'TEAMS_APP_ID is set: cards open the tab, meetings get it', essential: false }
        : {
            check: 'teams-app',
            ok: false,
            detail: 'TEAMS_APP_ID is not set: cards link to the web address, and meeting chats get no ECM tab',
            setting: 'TEAMS_APP_ID',
            fix: README_STEP.teamsApp,
            essential: false,
          },
    );
  }
  return results;
}

/** An Entra refusal as a check result naming the setting at fault. */
function tokenProblem(error: unknown, secretSetting: string, idSetting: string, fix: string): Omit<SetupCheck, 'check' | 'essential'> {
  const code = error instanceof OutsideServiceError ? error.code : 'token_failed';
  if (code === 'invalid_client') {
    return { ok: false, detail: `Entra ID refuses the client secret (invalid_client): wrong, or expired`, setting: secretSetting, fix };
  }
  if (code === 'unauthorized_client') {
    return { ok: false, detail: `Entra ID knows no such app in this tenant (unauthorized_client)`, setting: idSetting, fix };
  }
  if (code === 'invalid_request' || code === 'endpoint_resolution_error') {
    return { ok: false, detail: `Entra ID does not know this tenant (${code})`, setting: 'AZURE_TENANT_ID', fix: README_STEP.settings };
  }
  return { ok: false, detail: `Entra ID gave no token (${code})`, setting: idSetting, fix };
}

async function checkLibrary(graph: GraphSession, service: string, library: { siteId: string; driveId: string }, thorough: boolean): Promise<SetupCheck> {
  const check = `library:${service}`;
  const problem = (detail: string, setting?: string): SetupCheck => ({
    check,
    ok: false,
    detail,
    ...(setting ? { setting } : {}),
    fix: README_STEP.sites,
    essential: false,
  });
  const refused = (error: unknown, what: string): SetupCheck | null => {
    if (!(error instanceof OutsideServiceError)) return problem(`${what}: no answer`);
    if (error.status === 403 || error.status === 401) return problem(`${what}: access denied — the app has no grant on ${service}'s site`);
    if (error.status === 404) return problem(`${what}: not found — check ${service}'s ids`, 'ECM_SERVICE_LIBRARIES');
    return problem(`${what}: ${error.status ?? 'no answer'} ${error.code}`);
  };
  try {
    await graph.get(`/sites/${library.siteId}?$select=id`);
  } catch (error) {
    return refused(error, 'the site')!;
  }
  try {
    await graph.get(`/drives/${library.driveId}/root?$select=id`);
  } catch (error) {
    return refused(error, 'the document library')!;
  }
  if (!thorough) return { check, ok: true, detail: 'site and library reachable', essential: false };

  // A probe file written, given the library's columns, and removed: the grant is write, the columns exist.
  const probe = `ecm-doctor-probe-${randomUUID()}.txt`;
  let id: string | null = null;
  try {
    const item = await graph.putBytes<{ id: string }>(
      `/drives/${library.driveId}/root:/${probe}:/content`,
      new TextEncoder().encode('ECM for Teams set-up check'),
    );
    id = item.id;
  } catch (error) {
    if (error instanceof OutsideServiceError && error.status === 403)
      return problem(`writing a file: access denied — the app's grant on ${service}'s site is read, not write`);
    return refused(error, 'writing a file')!;
  }
  try {
    // Every ECM column given a value: SharePoint refuses a field it does not know (400), naming it.
    const probeDate = '2000-01-01T00:00:00Z';
    await graph.patch(`/drives/${library.driveId}/items/${id}/listItem/fields`, {
      [LIBRARY_COLUMNS.caseReference]: 'probe',
      [LIBRARY_COLUMNS.documentType]: 'probe',
      [LIBRARY_COLUMNS.version]: 'probe',
      [LIBRARY_COLUMNS.reviewDate]: probeDate,
      [LIBRARY_COLUMNS.retainUntil]: probeDate,
      [LIBRARY_COLUMNS.uploadId]: 'probe',
    });
  } catch (error) {
    const text = error instanceof OutsideServiceError ? `${error.status} ${error.code}` : 'no answer';
    return problem(`the library refused the ECM columns (${text}): add ${Object.values(LIBRARY_COLUMNS).join(', ')}`);
  } finally {
    await graph.delete(`/drives/${library.driveId}/items/${id}`).catch(() => undefined);
  }
  return { check, ok: true, detail: 'site and library reachable; a probe file written, given the ECM columns and removed', essential: false };
}

/** The bot's own registration: its app gets a Bot Framework token with its secret. */
async function checkBot(config: Config, doFetch: typeof fetch): Promise<SetupCheck> {
  const check = 'bot';
  if (!config.BOT_ID) {
    return {
      check,
      ok: false,
      detail: 'BOT_ID is not set: the bot is off and Teams messages wait in the outbox',
      setting: 'BOT_ID',
      fix: README_STEP.bot,
      essential: false,
    };
  }
  if (config.BOT_TYPE === 'UserAssignedMSI') return { check, ok: true, detail: 'a managed identity: Azure holds its credentials', essential: false };
  const tenant = config.BOT_TYPE === 'MultiTenant' ? 'botframework.com' : (config.BOT_TENANT_ID ?? '');
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: config.BOT_ID,
    client_secret: config.SECRET_BOT_PASSWORD ?? '',
    scope: 'https://api.botframework.com/.default',
  });
  try {
    const res = await doFetch(`${config.ENTRA_AUTHORITY_HOST}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return { check, ok: true, detail: 'the bot’s app gets its Bot Framework token', essential: false };
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    const code = body.error ?? `http_${res.status}`;
    return {
      check,
      ok: false,
      detail: `Entra ID refuses the bot's credentials (${code})`,
      setting: code === 'invalid_client' ? 'SECRET_BOT_PASSWORD' : code === 'invalid_request' ? 'BOT_TENANT_ID' : 'BOT_ID',
      fix: README_STEP.bot,
      essential: false,
    };
  } catch (error) {
    return { check, ok: false, detail: `Entra ID cannot be reached for the bot (${whyUnreachable(error).text})`, fix: README_STEP.tls, essential: false };
  }
}
