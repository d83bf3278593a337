import { describe, expect, it } from 'vitest';
import { loadEnvFiles } from '../../src/config.js';
import { prepareManifest } from '../../src/teamsApp/appPackage.js';
import { checkHosts, manifestUrls } from '../../src/teamsApp/hosts.js';
import { readManifestTemplate } from '../support/manifestFacts.js';
import { COMMITTED_ENVIRONMENTS, REPO_ROOT, scratchRoot } from '../support/appPackageRoot.js';

describe('the hosts Teams is told about', () => {
  it.each(COMMITTED_ENVIRONMENTS)('are exactly the host the server answers on, and every URL is on it (%s)', async (env) => {
    const scratch = scratchRoot();
    try {
      const { manifest } = await prepareManifest(env, { root: scratch.root, processEnv: {}, standInForMinted: true });
      // Where the server itself says it is: PUBLIC_BASE_URL, read by the same loader the server uses.
      const serverHost = new URL(loadEnvFiles(env, scratch.root, {}).PUBLIC_BASE_URL ?? 'http://localhost:3978').host;
      expect(manifest.validDomains).toEqual([serverHost]);
      const urls = manifestUrls(manifest);
      expect(urls.map(([path]) => path)).toEqual(
        expect.arrayContaining(['developer.privacyUrl', 'staticTabs[0].contentUrl', 'configurableTabs[0].configurationUrl']),
      );
      for (const [path, url] of urls) expect(new URL(url).host, path).toBe(serverHost);
      expect((manifest.webApplicationInfo as { resource: string }).resource).toMatch(new RegExp(`^api://${serverHost.replace(/[.]/g, '\\.')}/`));
    } finally {
      scratch.remove();
    }
  });

  it('come from one variable in the template: no wildcard, no tunnel, no fixed host', () => {
    expect(readManifestTemplate(REPO_ROOT).validDomains).toEqual(['${{TAB_DOMAIN}}']);
  });
});

describe('checkHosts', () => {
  const manifest = (validDomains: string[], contentUrl = 'https://ecm.example.gov.uk/tab/') => ({ validDomains, staticTabs: [{ contentUrl }] });
  const values = { TAB_ENDPOINT: 'https://ecm.example.gov.uk', TAB_DOMAIN: 'ecm.example.gov.uk', PUBLIC_BASE_URL: 'https://ecm.example.gov.uk' };

  it('accepts one https host that the server and Teams agree on', () => {
    expect(checkHosts(manifest(['ecm.example.gov.uk']), values)).toEqual([]);
  });

  it('refuses a wildcard, and a domain written as a URL', () => {
    expect(checkHosts(manifest(['*.example.gov.uk', 'https://ecm.example.gov.uk/']), values)).toEqual([
      'validDomains: "*.example.gov.uk" is a wildcard; name the one host the app uses',
      'validDomains: "https://ecm.example.gov.uk/" must be a host name, without scheme or path',
      'staticTabs[0].contentUrl: https://ecm.example.gov.uk/tab/ is not on a host in validDomains (*.example.gov.uk, https://ecm.example.gov.uk/)',
    ]);
  });

  it('refuses a server and a manifest that disagree about where the app is', () => {
    expect(checkHosts(manifest(['ecm.example.gov.uk']), { ...values, PUBLIC_BASE_URL: 'https://old.example.gov.uk' })).toEqual([
      'PUBLIC_BASE_URL (https://old.example.gov.uk) and TAB_ENDPOINT (https://ecm.example.gov.uk) must be the same origin: the server, the bot and Teams must agree where the app is',
    ]);
    expect(checkHosts(manifest(['ecm.example.gov.uk']), { ...values, BOT_ENDPOINT: 'https://bot.example.gov.uk' })).toEqual([
      'BOT_ENDPOINT (https://bot.example.gov.uk) and TAB_ENDPOINT (https://ecm.example.gov.uk) must be the same origin: the server, the bot and Teams must agree where the app is',
    ]);
    expect(checkHosts(manifest(['ecm.example.gov.uk']), { ...values, TAB_DOMAIN: 'other.example.gov.uk' })).toEqual([
      'TAB_DOMAIN "other.example.gov.uk" must be the host of TAB_ENDPOINT ("ecm.example.gov.uk")',
    ]);
  });

  it('refuses plain http away from this machine, and an endpoint with a path', () => {
    expect(
      checkHosts(manifest(['ecm.example.gov.uk'], 'http://ecm.example.gov.uk/tab/'), {
        ...values,
        TAB_ENDPOINT: 'http://ecm.example.gov.uk/',
        PUBLIC_BASE_URL: '',
      }),
    ).toEqual([
      'TAB_ENDPOINT must use https (Teams loads tabs only over https): http://ecm.example.gov.uk/',
      'TAB_ENDPOINT must be an origin only, e.g. https://ecm.example.gov.uk; got http://ecm.example.gov.uk/',
    ]);
    const local = { TAB_ENDPOINT: 'http://localhost:3978', TAB_DOMAIN: 'localhost:3978' };
    expect(checkHosts(manifest(['localhost:3978'], 'http://localhost:3978/tab/'), local)).toEqual([]);
  });
});
