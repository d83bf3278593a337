import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compose } from '../src/composition.js';
import { ConfigError, parseConfig } from '../src/config.js';
import { openSqliteStore } from '../src/adapters/sqlite/openSqliteStore.js';
import { silentLogger } from '../src/lib/logger.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

const tenant = randomUUID();
const complete = {
  ECM_MODE: 'm365',
  AZURE_TENANT_ID: tenant,
  AZURE_CLIENT_ID: randomUUID(),
  AZURE_CLIENT_SECRET: 'a-long-enough-secret',
  ECM_ALLOWED_TENANTS: tenant,
  ECM_SERVICE_LIBRARIES: JSON.stringify({ BRI: { siteId: 'contoso.sharepoint.com,a,b', driveId: 'b!bri' } }),
};

describe('Microsoft 365 configuration', () => {
  it('local mode needs no tenant at all', () => {
    expect(parseConfig({}).ECM_MODE).toBe('local');
  });

  it('lists every missing setting at once when ECM_MODE=m365', () => {
    const problems = problemsOf({ ECM_MODE: 'm365' });
    for (const key of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'ECM_ALLOWED_TENANTS', 'ECM_SERVICE_LIBRARIES']) {
      expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
    }
  });

  it('lists malformed and missing settings side by side', () => {
    const problems = problemsOf({
      ECM_MODE: 'm365',
      AZURE_TENANT_ID: 'contoso',
      GRAPH_BASE_URL: 'http://graph.example',
      ECM_SERVICE_LIBRARIES: '{"bri":{"siteId":"contoso.sharepoint.com,a,b","driveId":"b!1"}}',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AZURE_TENANT_ID: .*GUID/),
        expect.stringMatching(/^GRAPH_BASE_URL: must be an https/),
        expect.stringMatching(/^ECM_SERVICE_LIBRARIES: bri: is not a three-letter/),
        expect.stringMatching(/^AZURE_CLIENT_ID: is required/),
      ]),
    );
  });

  it("refuses allowed tenants that leave out the app's own", () => {
    expect(problemsOf({ ...complete, ECM_ALLOWED_TENANTS: randomUUID() })).toEqual([
      "ECM_ALLOWED_TENANTS: must include the app's own tenant (AZURE_TENANT_ID)",
    ]);
  });

  it('loads no demo data into a tenant unless asked to', () => {
    expect(parseConfig(complete).ECM_DEMO_DATA).toBe(false);
    expect(parseConfig({ ...complete, ECM_DEMO_DATA: 'true' }).ECM_DEMO_DATA).toBe(true);
  });

  it('accepts a national cloud’s Graph and sign-in hosts', () => {
    const c = parseConfig({ ...complete, GRAPH_BASE_URL: 'https://graph.microsoft.us/', ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us' });
    expect([c.GRAPH_BASE_URL, c.ENTRA_AUTHORITY_HOST]).toEqual(['https://graph.microsoft.us', 'https://login.microsoftonline.us']);
  });

  it('will not start when a service has no SharePoint library, naming every such service', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const config = parseConfig({ ...complete, NODE_ENV: 'test', DATA_DIR: ':memory:', ECM_DEMO_DATA: 'true' });
    const error = await compose(config, { store, logger: silentLogger, startWorker: false }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect([...error.problems].sort()).toEqual(['BNE', 'NSO', 'SGL'].map((s) => `ECM_SERVICE_LIBRARIES: service ${s} has no SharePoint library`));
    await store.close();
  });
});

describe('the services a tenant serves (ECM_SERVICES)', () => {
  it('names each service by its code, and each needs a library', () => {
    expect(
      problemsOf({ ...complete, ECM_SERVICES: JSON.stringify({ BRI: 'Bristol Youth Justice Service', NSO: 'North Somerset Youth Justice Service' }) }),
    ).toEqual(['ECM_SERVICE_LIBRARIES: service NSO has no SharePoint library']);
    expect(problemsOf({ ...complete, ECM_SERVICES: JSON.stringify({ bristol: 'Bristol' }) })).toEqual([
      'ECM_SERVICES: bristol: is not a three-letter service code such as BRI',
    ]);
    expect(problemsOf({ ...complete, ECM_SERVICES: '{}' })).toEqual(['ECM_SERVICES: names no service']);
  });

  it('will not start with no service to work in, and starts with the services it names', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    const bare = parseConfig({ ...complete, NODE_ENV: 'test', DATA_DIR: ':memory:' });
    const error = await compose(bare, { store, logger: silentLogger, startWorker: false }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual([expect.stringMatching(/^ECM_SERVICES: no service is set up/)]);

    const named = parseConfig({ ...complete, NODE_ENV: 'test', DATA_DIR: ':memory:', ECM_SERVICES: JSON.stringify({ BRI: 'Bristol Youth Justice Service' }) });
    const system = await compose(named, { store, logger: silentLogger, startWorker: false });
    try {
      expect(await store.transaction((tx) => tx.services.list())).toEqual([expect.objectContaining({ id: 'BRI', name: 'Bristol Youth Justice Service' })]);
    } finally {
      await system.stop();
    }
  });
});

describe('the Agents Toolkit’s names for the app registration', () => {
  it('are read when the server’s own names are not set, and the server’s own names win', () => {
    const { AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, ...rest } = complete;
    const viaToolkit = parseConfig({
      ...rest,
      AAD_APP_TENANT_ID: AZURE_TENANT_ID,
      AAD_APP_CLIENT_ID: AZURE_CLIENT_ID,
      SECRET_AAD_APP_CLIENT_SECRET: AZURE_CLIENT_SECRET,
    });
    expect([viaToolkit.AZURE_TENANT_ID, viaToolkit.AZURE_CLIENT_ID, viaToolkit.AZURE_CLIENT_SECRET]).toEqual([
      AZURE_TENANT_ID,
      AZURE_CLIENT_ID,
      AZURE_CLIENT_SECRET,
    ]);
    const other = randomUUID();
    expect(parseConfig({ ...complete, AAD_APP_CLIENT_ID: other }).AZURE_CLIENT_ID).toBe(AZURE_CLIENT_ID);
  });
});
