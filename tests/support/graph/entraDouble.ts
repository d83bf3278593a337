import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, jwtVerify, type JWTPayload, SignJWT, createLocalJWKSet, type CryptoKey } from 'jose';
import { sendJson, startHttpsDouble } from './httpsDouble.js';

/**
 * A stand-in for Entra ID: the token endpoint (client credentials and On-Behalf-Of, as
 * @azure/msal-node calls it), the signing keys (JWKS, as jose reads them), and a way for tests to
 * mint the Teams SSO token a signed-in user's tab would send. Tokens are real RS256 JWTs.
 */
export interface RegisteredApp {
  clientId: string;
  secret: string;
  /** Application permissions granted by admin consent, as they appear in an app-only token's `roles`. */
  applicationPermissions: string[];
  /** Delegated permissions consented for the app, as they appear in `scp`. */
  delegatedScopes: string[];
}

export interface SsoClaims {
  oid: string;
  tid?: string;
  name?: string;
  preferred_username?: string;
  roles?: string[];
  groups?: string[];
  aud?: string;
  iss?: string;
  ver?: '1.0' | '2.0';
  /** Seconds since the epoch; defaults to an hour after `now`. */
  exp?: number;
  nbf?: number;
  iat?: number;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

const newKey = async (): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
};

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export async function startEntraDouble(options: { tenantId?: string; now?: () => Date } = {}) {
  const tenantId = options.tenantId ?? randomUUID();
  const now = options.now ?? (() => new Date());
  const published: SigningKey[] = [await newKey()];
  const apps = new Map<string, RegisteredApp>();
  const log: { path: string; grantType: string | null; status: number }[] = [];
  let jwksFetches = 0;

  const epoch = () => Math.floor(now().getTime() / 1000);
  const sign = (payload: JWTPayload, key: SigningKey) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  const current = () => published[published.length - 1]!;
  const verifyOwn = async (token: string) =>
    (await jwtVerify(token, createLocalJWKSet({ keys: published.map((k) => k.jwk) }), { algorithms: ['RS256'], currentDate: now() })).payload;

  const oauthError = (code: string, aadsts: string, description: string) => ({
    error: code,
    error_description: `${aadsts}: ${description}`,
    error_codes: [Number(aadsts.slice(6))],
    timestamp: now().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });

  const double = await startHttpsDouble(async (req, res) => {
    const path = req.url.pathname;
    const send = (status: number, body: unknown) => {
      log.push({ path, grantType: new URLSearchParams(req.body.toString()).get('grant_type'), status });
      sendJson(res, status, body);
    };
    if (req.method === 'GET' && /\/discovery\/(v2\.0\/)?keys$/.test(path)) {
      jwksFetches += 1;
      return send(200, { keys: published.map((k) => k.jwk) });
    }
    const tokenPath = new RegExp(`^/${tenantId}/oauth2/v2\\.0/token$`);
    if (req.method !== 'POST' || !tokenPath.test(path)) return send(404, oauthError('invalid_request', 'AADSTS90002', 'Tenant or endpoint not found.'));

    const form = new URLSearchParams(req.body.toString());
    const app = apps.get(form.get('client_id') ?? '');
    if (!app) return send(400, oauthError('unauthorized_client', 'AADSTS700016', 'Application not found in the directory.'));
    if (form.get('client_secret') !== app.secret) return send(401, oauthError('invalid_client', 'AADSTS7000215', 'Invalid client secret provided.'));
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const base = { iss: `https://sts.windows.net/${tenantId}/`, tid: tenantId, appid: app.clientId, iat: epoch(), nbf: epoch(), exp: epoch() + 3600 };

    if (form.get('grant_type') === 'client_credentials') {
      if (!scopes.every((s) => s.endsWith('/.default')))
        return send(400, oauthError('invalid_scope', 'AADSTS1002012', 'Client credentials need a /.default scope.'));
      const aud = scopes[0]!.replace(/\/\.default$/, '');
      const token = await sign({ ...base, aud, roles: app.applicationPermissions, oid: randomUUID(), idtyp: 'app' }, current());
      return send(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }

    if (form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' && form.get('requested_token_use') === 'on_behalf_of') {
      let user: JWTPayload;
      try {
        user = await verifyOwn(form.get('assertion') ?? '');
      } catch {
        return send(400, oauthError('invalid_grant', 'AADSTS50013', 'Assertion failed signature validation or has expired.'));
      }
      const audiences = [app.clientId, `api://${app.clientId}`];
      if (!audiences.some((a) => user.aud === a || String(user.aud).endsWith(`/${app.clientId}`))) {
        return send(400, oauthError('invalid_grant', 'AADSTS50013', 'Assertion audience does not match the client app.'));
      }
      // A scope is resource/permission; the resource is Graph's (or a national cloud's) URL.
      const resource = scopes.find((s) => /^https:\/\/.+\/[^/]+$/.test(s) && !s.endsWith('/.default'))?.replace(/\/[^/]+$/, '') ?? GRAPH_AUDIENCE;
      const wanted = scopes.filter((s) => s.startsWith(`${resource}/`)).map((s) => s.slice(resource.length + 1));
      const missing = wanted.filter((s) => !app.delegatedScopes.includes(s));
      if (missing.length) return send(400, oauthError('invalid_grant', 'AADSTS65001', `The user or administrator has not consented to ${missing.join(', ')}.`));
      const token = await sign({ ...base, aud: resource, scp: wanted.join(' '), oid: user.oid, upn: user.preferred_username, name: user.name }, current());
      return send(200, {
        token_type: 'Bearer',
        scope: wanted.map((s) => `${resource}/${s}`).join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: token,
      });
    }
    return send(400, oauthError('unsupported_grant_type', 'AADSTS70003', 'The grant type is not supported.'));
  });

  return {
    url: double.url,
    tenantId,
    /** What the token endpoint was asked and answered, in order. */
    log,
    get jwksFetches() {
      return jwksFetches;
    },
    registerApp(app: RegisteredApp) {
      apps.set(app.clientId, app);
    },
    /**
     * An administrator adds a new client secret and deletes the old one: a token request with the old
     * secret gets 401 invalid_client (AADSTS7000215), as Entra ID answers it. Tokens already issued
     * stay valid until they expire. Returns the new secret.
     */
    rotateSecret(clientId: string): string {
      const app = apps.get(clientId)!;
      app.secret = `secret-${randomUUID()}`;
      return app.secret;
    },
    /** A token as the Teams client's getAuthToken() would hand the tab for this app. */
    async ssoToken(clientId: string, claims: SsoClaims, signWith: 'published' | 'unpublished' = 'published'): Promise<string> {
      const ver = claims.ver ?? '2.0';
      const payload: JWTPayload = {
        aud: clientId,
        iss: ver === '2.0' ? `${double.url}/${claims.tid ?? tenantId}/v2.0` : `https://sts.windows.net/${claims.tid ?? tenantId}/`,
        tid: tenantId,
        ver,
        iat: epoch() - 60,
        nbf: epoch() - 60,
        exp: epoch() + 3600,
        name: 'Test Person',
        preferred_username: 'test.person@contoso.example',
        scp: 'access_as_user',
        azp: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        ...claims,
      };
      return sign(payload, signWith === 'published' ? current() : await newKey());
    },
    /** Starts signing with a new key, published beside the old one (as Entra ID rolls its keys). */
    async rollKeys(): Promise<void> {
      published.push(await newKey());
    },
    /** Checks an access token this double issued; the Graph double's bearer check. */
    async verifyAccessToken(token: string): Promise<JWTPayload | null> {
      try {
        return await verifyOwn(token);
      } catch {
        return null;
      }
    },
    close: double.close,
  };
}

export type EntraDouble = Awaited<ReturnType<typeof startEntraDouble>>;
