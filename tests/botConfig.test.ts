import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const BOT_ID = '2c9d6f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const TENANT = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

/** What Microsoft 365 mode needs apart from the bot (see tests/configM365.test.ts). */
const M365 = {
  ECM_MODE: 'm365',
  AZURE_TENANT_ID: TENANT,
  AZURE_CLIENT_ID: '0b6e2f5c-3d4a-4b1c-9e8f-7a6b5c4d3e2f',
  AZURE_CLIENT_SECRET: 'a-long-enough-secret',
  ECM_ALLOWED_TENANTS: TENANT,
  ECM_SERVICE_LIBRARIES: JSON.stringify({ BRI: { siteId: 'contoso.sharepoint.com,a,b', driveId: 'b!bri' } }),
};

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('the bot settings', () => {
  it('takes the id the organisation catalogue gave the app, for deep links, and refuses one that is not an id', () => {
    expect(parseConfig({ TEAMS_APP_CATALOG_ID: BOT_ID }).TEAMS_APP_CATALOG_ID).toBe(BOT_ID);
    expect(problems({ TEAMS_APP_CATALOG_ID: 'ECM for Teams' })).toContainEqual(expect.stringMatching(/^TEAMS_APP_CATALOG_ID: .*organisation catalogue/));
  });

  it('in local mode the bot runs without an app id', () => {
    expect(parseConfig({}).botEnabled).toBe(true);
  });

  it('refuses to start in production without a bot app id', () => {
    expect(problems({ ...M365, NODE_ENV: 'production' })).toContainEqual(expect.stringMatching(/^BOT_ID: .*unauthenticated/));
  });

  it('in Microsoft 365 mode without an app id the bot stays off rather than open', () => {
    expect(parseConfig(M365).botEnabled).toBe(false);
  });

  it('an app id needs its secret and, for a single-tenant bot, its tenant', () => {
    expect(problems({ BOT_ID })).toEqual([expect.stringMatching(/^SECRET_BOT_PASSWORD/), expect.stringMatching(/^BOT_TENANT_ID/)]);
    const c = parseConfig({ ...M365, BOT_ID, SECRET_BOT_PASSWORD: 's3cret', BOT_TENANT_ID: TENANT });
    expect(c.botEnabled).toBe(true);
    expect(problems({ BOT_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT })).toEqual([]);
  });

  it('limits notifications to 10 a minute per person unless told otherwise', () => {
    expect(parseConfig({}).BOT_NOTIFICATIONS_PER_MINUTE).toBe(10);
    expect(problems({ BOT_NOTIFICATIONS_PER_MINUTE: '0' })).toHaveLength(1);
  });
});
