import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { directoryStaffId, ROLES, type Agency, type Role, type Staff } from '../../domain/staff.js';
import type { Logger } from '../../lib/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { AuthenticatedUser, Identity } from '../../ports/identity.js';
import type { Store } from '../../ports/store.js';
import { hashToken } from '../../lib/sessionToken.js';

/**
 * Microsoft 365 mode's sign-in: the Teams SSO token the tab sends, checked against Entra ID's
 * published keys (RS256 only), its issuer (v1 or v2, for an allowed tenant), audience and times.
 * The person's role and services come from the app roles Entra ID puts in the token (or configured
 * groups); the staff record is found by Entra object id, or made on first sign-in.
 * The token is never logged: refusals log jose's reason code and nothing of the token.
 */
export const APP_ROLE_VALUES: Record<string, Role> = {
  'ECM.Practitioner': 'ecm_practitioner',
  'ECM.Psychologist': 'psychologist',
  'YJS.Practitioner': 'yjs_practitioner',
  'YJS.Manager': 'manager',
  'ECM.Partner': 'partner',
  'ECM.Administrator': 'administrator',
};

/** When a person holds several roles, the one that lets them do the most clinical work wins. */
const PRECEDENCE: Role[] = ['psychologist', 'ecm_practitioner', 'manager', 'yjs_practitioner', 'partner', 'administrator'];

const AGENCY_OF_ROLE: Record<Role, Agency> = {
  ecm_practitioner: 'ecm_team',
  psychologist: 'health',
  yjs_practitioner: 'youth_justice',
  manager: 'youth_justice',
  partner: 'other',
  administrator: 'youth_justice',
};

export interface EntraIdentityOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Entra ID's signing keys: jose's remote JWKS, cached and refetched when a token names an unknown key. */
  keys: JWTVerifyGetKey;
  /** The app's client id and Application ID URI: what the SSO token's `aud` must be. */
  audiences: string[];
  allowedTenants: string[];
  /** https://login.microsoftonline.com: v2 tokens' issuer is {host}/{tenant}/v2.0. */
  authorityHost: string;
  /** https://sts.windows.net: v1 tokens' issuer is {host}/{tenant}/. */
  v1IssuerHost: string;
  /** Entra group object id → a role ("manager") or a service ("service:BRI"), for tenants that use groups. */
  groupMap: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The role and services a token grants, from app roles and mapped groups. */
export function accessFromClaims(claims: JWTPayload, groupMap: Record<string, string>): { role: Role | null; serviceIds: string[] } {
  const granted = [
    ...strings(claims.roles),
    ...strings(claims.groups)
      .map((g) => groupMap[g])
      .filter((x): x is string => Boolean(x)),
  ];
  const roles = new Set<Role>();
  const services = new Set<string>();
  for (const value of granted) {
    const role = APP_ROLE_VALUES[value] ?? (ROLES.includes(value as Role) ? (value as Role) : undefined);
    if (role) roles.add(role);
    const service = /^(?:Service\.|service:)([A-Z]{3})$/.exec(value)?.[1];
    if (service) services.add(service);
  }
  const role = PRECEDENCE.find((r) => roles.has(r)) ?? null;
  // Partners reach cases only by invitation, and administrators see no case: neither holds a service.
  const serviceIds = role === 'partner' || role === 'administrator' ? [] : [...services].sort();
  return { role, serviceIds };
}

export function entraIdentity(o: EntraIdentityOptions): Identity {
  const authority = o.authorityHost.replace(/\/$/, '');
  const v1 = o.v1IssuerHost.replace(/\/$/, '');
  const refuse = (reason: string, fields: Record<string, string> = {}): null => {
    o.logger.info('sign-in refused', { reason, ...fields });
    return null;
  };

  return {
    async authenticate(token): Promise<AuthenticatedUser | null> {
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, o.keys, {
          algorithms: ['RS256'],
          audience: o.audiences,
          currentDate: o.clock.now(),
          clockTolerance: 60,
          requiredClaims: ['exp', 'iat', 'tid', 'oid', 'iss'],
        }));
      } catch (error) {
        const claim = error instanceof errors.JWTClaimValidationFailed ? error.claim : undefined;
        return refuse(error instanceof errors.JOSEError ? error.code : 'invalid_token', claim ? { claim } : {});
      }
      const tid = String(claims.tid);
      if (!o.allowedTenants.includes(tid)) return refuse('tenant_not_allowed', { tenant: UUID.test(tid) ? tid : 'malformed' });
      if (claims.iss !== `${authority}/${tid}/v2.0` && claims.iss !== `${v1}/${tid}/`) return refuse('issuer_not_trusted');
      const oid = String(claims.oid);
      if (!UUID.test(oid)) return refuse('no_object_id');
      const { role, serviceIds } = accessFromClaims(claims, o.groupMap);
      if (!role) return refuse('no_app_role', { oid });

      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : 'Unnamed user';
      const email = String(claims.preferred_username ?? claims.upn ?? claims.email ?? `${oid}@unknown.invalid`).slice(0, 200);
      const at = o.clock.now().toISOString();
      const session = { id: hashToken(token), expiresAt: new Date(Number(claims.exp) * 1000).toISOString() };
      const staff = await o.store.transaction(async (tx) => {
        // Signed out on the server: Entra ID still vouches for the token, but this app no longer does.
        if (await tx.sessions.hasEnded(session.id)) return null;
        const known = await tx.staff.getByAadObjectId(oid);
        const next: Staff = known
          ? { ...known, name, email, role, serviceIds }
          : { id: directoryStaffId(oid), name, email, role, serviceIds, agency: AGENCY_OF_ROLE[role], aadObjectId: oid };
        const changed = !known || known.role !== role || known.serviceIds.join() !== serviceIds.join() || known.name !== name || known.email !== email;
        if (changed) {
          await tx.staff.upsert(next);
          // Entra ID is the source of roles: record when a sign-in creates or changes someone's access.
          await tx.audit.append(
            {
              actorId: next.id,
              action: known ? 'staff.access.updated' : 'staff.created.by_sign_in',
              caseId: null,
              serviceId: null,
              detail: { role, serviceIds },
            },
            at,
          );
        }
        return next;
      });
      if (!staff) return refuse('session_ended', { oid });
      return { staff, assertion: token, session };
    },
  };
}
