import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, formatReport } from '../../src/cli/doctorReport.js';
import type { SetupCheck } from '../../src/ports/setupCheck.js';
import { testTls } from '../support/graph/tls.js';
import { APP_PERMISSIONS, DELEGATED_SCOPES, m365Env, type M365Doubles, startM365Doubles } from '../support/m365.js';
import { SLOW_TEST_MS } from '../support/patience.js';

const failing = (checks: SetupCheck[]) => checks.filter((c) => !c.ok);

/** The doctor against the Entra ID and Graph doubles: a tenant set up right, then each usual mistake. */
describe('npm run doctor', () => {
  let m: M365Doubles;
  let settings: Record<string, string>;
  const botId = randomUUID();
  const botSecret = `bot-${randomUUID()}`;
  beforeAll(async () => {
    m = await startM365Doubles();
    m.entra.registerApp({ clientId: botId, secret: botSecret, applicationPermissions: [], delegatedScopes: [] });
    settings = {
      ...m365Env(m, randomUUID()),
      ECM_DEMO_DATA: 'false',
      BOT_ID: botId,
      SECRET_BOT_PASSWORD: botSecret,
      BOT_TENANT_ID: m.entra.tenantId,
    };
  });
  afterAll(() => m.close());

  it('passes a tenant set up as the README says, and leaves no probe file behind in any library', async () => {
    const checks = await diagnose(settings, { fetch: m.fetch });
    expect(failing(checks)).toEqual([]);
    expect(checks.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'settings',
        'tls:authority',
        'signing-keys',
        'tls:graph',
        'app-token',
        'permissions:sharepoint',
        'permissions:calendar',
        'library:BRI',
        'library:BNE',
        'bot',
      ]),
    );
    expect(checks.find((c) => c.check === 'library:NSO')?.detail).toMatch(/probe file written/);
    for (const lib of Object.values(m.libraries)) expect(m.graph.drives.filesIn(lib.driveId).filter((f) => f.path.includes('probe'))).toEqual([]);
  });

  it('names the client secret and the README step when Entra ID refuses it', async () => {
    const checks = await diagnose({ ...settings, AZURE_CLIENT_SECRET: 'not-the-secret' }, { fetch: m.fetch });
    const [token] = failing(checks);
    expect(token).toMatchObject({ check: 'app-token', setting: 'AZURE_CLIENT_SECRET', essential: true });
    expect(token!.detail).toMatch(/invalid_client/);
    expect(token!.fix).toMatch(/step 2a or 2b\.1/);
  });

  it('says which service’s site has no grant, or only a read grant, and points to step 3', async () => {
    const readOnly = m.graph.drives.addSite('sites/ecm-readonly', ['Case documents'], ['EcmCaseReference']);
    m.graph.drives.grant(readOnly.siteId, m.clientId, 'read');
    const libraries = { ...m.libraries, NSO: m.ungranted, SGL: { siteId: readOnly.siteId, driveId: readOnly.driveIds[0]! } };
    const checks = await diagnose({ ...settings, ECM_SERVICE_LIBRARIES: JSON.stringify(libraries) }, { fetch: m.fetch });
    expect(failing(checks).map((c) => [c.check, c.fix?.includes('step 3')])).toEqual([
      ['library:NSO', true],
      ['library:SGL', true],
    ]);
    expect(checks.find((c) => c.check === 'library:NSO')!.detail).toMatch(/no grant on NSO/);
    expect(checks.find((c) => c.check === 'library:SGL')!.detail).toMatch(/read, not write/);
  });

  it('finds a library missing the ECM columns', async () => {
    const bare = m.graph.drives.addSite('sites/ecm-bare', ['Case documents'], []);
    m.graph.drives.grant(bare.siteId, m.clientId, 'write');
    const libraries = { ...m.libraries, BNE: { siteId: bare.siteId, driveId: bare.driveIds[0]! } };
    const checks = await diagnose({ ...settings, ECM_SERVICE_LIBRARIES: JSON.stringify(libraries) }, { fetch: m.fetch });
    expect(failing(checks)).toEqual([expect.objectContaining({ check: 'library:BNE', detail: expect.stringMatching(/columns/) })]);
  });

  it('lists the application permissions admin consent has not granted', async () => {
    const clientId = randomUUID();
    const secret = `s-${randomUUID()}`;
    m.entra.registerApp({
      clientId,
      secret,
      applicationPermissions: APP_PERMISSIONS.filter((p) => p !== 'Calendars.ReadWrite'),
      delegatedScopes: DELEGATED_SCOPES,
    });
    for (const lib of Object.values(m.libraries)) m.graph.drives.grant(lib.siteId, clientId, 'write');
    const checks = await diagnose({ ...settings, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: secret }, { fetch: m.fetch });
    expect(failing(checks)).toEqual([
      expect.objectContaining({
        check: 'permissions:calendar',
        detail: expect.stringContaining('Calendars.ReadWrite'),
        fix: expect.stringMatching(/admin consent/),
      }),
    ]);
  });

  it('names the bot’s secret when the bot’s registration refuses it', async () => {
    const checks = await diagnose({ ...settings, SECRET_BOT_PASSWORD: 'wrong-bot-secret' }, { fetch: m.fetch });
    expect(failing(checks)).toEqual([expect.objectContaining({ check: 'bot', setting: 'SECRET_BOT_PASSWORD', fix: expect.stringMatching(/2b\.2/) })]);
  });

  it('lists every settings problem with its setting and step before touching the tenant', async () => {
    const { ECM_SERVICE_LIBRARIES: _gone, ...without } = settings;
    const checks = await diagnose({ ...without, AZURE_CLIENT_ID: 'not-a-guid' }, { fetch: m.fetch });
    expect(checks.map((c) => [c.check, c.setting, c.ok])).toEqual([
      ['settings', 'AZURE_CLIENT_ID', false],
      ['settings', 'ECM_SERVICE_LIBRARIES', false],
    ]);
    expect(checks.find((c) => c.setting === 'ECM_SERVICE_LIBRARIES')!.fix).toMatch(/step 3/);
  });

  it('works in local mode with no tenant at all', async () => {
    const checks = await diagnose({ ECM_MODE: 'local' });
    expect(failing(checks)).toEqual([]);
    expect(formatReport('local', checks)).toMatch(/local mode needs no tenant[\s\S]*Every check passes\./);
  });

  it(
    'as a command, reads the env file the server would, and says when this machine does not trust the authority’s certificate',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ecm-doctor-'));
      try {
        await writeFile(join(dir, 'ca.pem'), (await testTls()).cert);
        const run = (env: Record<string, string>) =>
          new Promise<{ code: number | null; out: string }>((ok) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/doctor.ts', '--env', 'doctor-test'], {
              env: { PATH: process.env.PATH ?? '', ...settings, ...env },
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            let out = '';
            child.stdout.on('data', (d) => (out += String(d)));
            child.stderr.on('data', (d) => (out += String(d)));
            child.on('exit', (code) => ok({ code, out }));
          });
        const untrusted = await run({});
        expect(untrusted.code).toBe(1);
        expect(untrusted.out).toMatch(/FAIL\s+tls:authority\s+this machine does not trust/);
        expect(untrusted.out).toMatch(/NODE_EXTRA_CA_CERTS/);

        const wrongSecret = await run({ NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), AZURE_CLIENT_SECRET: 'rotated-away' });
        expect(wrongSecret.code).toBe(1);
        expect(wrongSecret.out).toMatch(/ok\s+tls:authority/);
        expect(wrongSecret.out).toMatch(
          /FAIL\s+app-token[^\n]*invalid_client[^\n]*\n\s+setting: AZURE_CLIENT_SECRET\n\s+fix: README "Take it to your tenant", step 2a or 2b\.1/,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    SLOW_TEST_MS,
  );
});
