import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ROLE_VALUES } from '../src/adapters/m365/entraIdentity.js';
import { DEMO_SERVICES } from '../src/demo/people.js';
import { APP_PERMISSIONS } from './support/m365.js';

const manifest = JSON.parse(readFileSync(new URL('../aad.manifest.json', import.meta.url), 'utf8'));
const TEAMS_DESKTOP_AND_MOBILE = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

/** The app registration the Agents Toolkit provisions must match what the code expects of tokens. */
describe('aad.manifest.json', () => {
  it('declares an app role for every role of the design and every service', () => {
    const values = manifest.appRoles.map((r: { value: string }) => r.value);
    for (const v of Object.keys(APP_ROLE_VALUES)) expect(values).toContain(v);
    for (const s of DEMO_SERVICES) expect(values).toContain(`Service.${s.id}`);
    expect(new Set(manifest.appRoles.map((r: { id: string }) => r.id)).size).toBe(manifest.appRoles.length);
  });

  it('pre-authorises the Teams clients for the access_as_user scope, so SSO needs no consent prompt', () => {
    const scopeId = manifest.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'access_as_user').id;
    const clients = manifest.api.preAuthorizedApplications.filter((a: { delegatedPermissionIds: string[] }) => a.delegatedPermissionIds.includes(scopeId));
    expect(clients.map((a: { appId: string }) => a.appId)).toEqual(expect.arrayContaining([TEAMS_DESKTOP_AND_MOBILE, TEAMS_WEB]));
    expect(manifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(manifest.api.requestedAccessTokenVersion).toBe(2);
  });

  it('asks for exactly the application permissions the adapters are tested with: least privilege, Sites.Selected', () => {
    const graph = manifest.requiredResourceAccess.find((r: { resourceAppId: string }) => r.resourceAppId === 'Microsoft Graph');
    const roles = graph.resourceAccess.filter((a: { type: string }) => a.type === 'Role').map((a: { id: string }) => a.id);
    expect([...roles].sort()).toEqual([...APP_PERMISSIONS].sort());
    expect(roles.some((r: string) => /^Sites\.(Read|ReadWrite|FullControl)\.All$/.test(r))).toBe(false);
  });
});
