import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';

/**
 * The app's own credentials with Entra ID, through MSAL: client credentials (app-only) for
 * SharePoint and the outbox's calendar work, On-Behalf-Of for calls that act for the signed-in
 * person. MSAL caches the tokens. The tokens stay on the server: nothing here returns them to the tab.
 */
export interface EntraAppOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com, or a national cloud's (login.microsoftonline.us…). */
  authorityHost: string;
  /** The Graph resource, e.g. https://graph.microsoft.com, whose scopes we ask for. */
  graphResource: string;
  fetch: typeof fetch;
}

export interface EntraApp {
  appOnlyToken(): Promise<string>;
  /** A Graph token for the person whose SSO token is `assertion`, limited to `scopes`. */
  onBehalfOf(assertion: string, scopes: string[]): Promise<string>;
}

/** MSAL's HTTP through our fetch: the same client (and, in tests, the same trusted certificate) as Graph. */
export function fetchNetworkClient(doFetch: typeof fetch): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const res = await doFetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body !== undefined ? { body: options.body } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    const text = await res.text();
    return { status: res.status, headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

export function entraApp(o: EntraAppOptions): EntraApp {
  const authorityHost = o.authorityHost.replace(/\/$/, '');
  const authority = `${authorityHost}/${o.tenantId}`;
  const host = new URL(authorityHost).host;
  // The endpoints are fixed by Entra ID: giving them to MSAL spares a discovery round trip at start.
  const authorityMetadata = JSON.stringify({
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  });
  const cloudDiscoveryMetadata = JSON.stringify({
    tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
  const msal = new ConfidentialClientApplication({
    auth: { clientId: o.clientId, clientSecret: o.clientSecret, authority, knownAuthorities: [host], authorityMetadata, cloudDiscoveryMetadata },
    system: { networkClient: fetchNetworkClient(o.fetch), loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => undefined } },
  });

  const failed = (error: unknown, what: string): OutsideServiceError => {
    const e = error as { errorCode?: string; subError?: string };
    const code = e.errorCode ?? 'token_failed';
    // invalid_grant / interaction_required: the person must consent or sign in again; retrying cannot help.
    const permanent = ['invalid_grant', 'interaction_required', 'consent_required', 'invalid_client', 'unauthorized_client'].includes(code);
    return new OutsideServiceError(`Entra ID refused ${what} (${code})`, null, code, null, permanent);
  };

  return {
    async appOnlyToken() {
      try {
        const r = await msal.acquireTokenByClientCredential({ scopes: [`${o.graphResource}/.default`] });
        if (!r?.accessToken) throw new Error('no token');
        return r.accessToken;
      } catch (error) {
        throw failed(error, 'the app-only token');
      }
    },
    async onBehalfOf(assertion, scopes) {
      try {
        const r = await msal.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: scopes.map((s) => `${o.graphResource}/${s}`) });
        if (!r?.accessToken) throw new Error('no token');
        return r.accessToken;
      } catch (error) {
        throw failed(error, 'the On-Behalf-Of token');
      }
    },
  };
}
