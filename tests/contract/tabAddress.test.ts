import { beforeAll, describe, expect, it } from 'vitest';
import { tabLinks } from '../../bot/links.js';
import { prepareManifest } from '../../src/teamsApp/appPackage.js';
import { readManifestTemplate, whyTabCannotOpen } from '../support/manifestFacts.js';
import {
  caseIdOfTabUrl,
  caseTabUrl,
  frameOfTabUrl,
  parseTabRoute,
  personalTabUrl,
  routeText,
  settingsPageUrl,
  STATIC_TAB_ENTITY_ID,
  tabRoutes,
} from '../../src/contract/tabAddress.js';
import { REPO_ROOT, scratchRoot } from '../support/appPackageRoot.js';

const template = readManifestTemplate(REPO_ROOT) as Record<string, any>;
const CASE = '4f1c2d3e-0000-4000-8000-000000000042';
const APP = '8f3a1b2c-0000-4000-8000-000000000042';

/** One definition of every address into the tab, which the manifest, the bot, the calendar and the tab agree on. */
describe('addresses into the tab', () => {
  it('are the ones the manifest gives Teams: the personal tab, its entity id, and the settings page', () => {
    const [personal] = template.staticTabs as { entityId: string; contentUrl: string; websiteUrl: string }[];
    expect(personal!.entityId).toBe(STATIC_TAB_ENTITY_ID);
    expect(personal!.contentUrl).toBe(personalTabUrl('${{TAB_ENDPOINT}}'));
    expect(personal!.websiteUrl).toBe(personalTabUrl('${{TAB_ENDPOINT}}'));
    expect(template.configurableTabs[0].configurationUrl).toBe(settingsPageUrl('${{TAB_ENDPOINT}}'));
    // Standalone (a browser, the tests), the manifest's settings page still shows the settings view.
    expect(frameOfTabUrl(new URL(settingsPageUrl('https://ecm.example.org')).search)).toBe('settings');
    expect(frameOfTabUrl(new URL(personalTabUrl('https://ecm.example.org')).search)).toBeNull();
    expect(frameOfTabUrl('?frame=sidePanel&caseId=x')).toBe('sidePanel');
  });

  it('read back as the views they name', () => {
    const cases: [string, ReturnType<typeof parseTabRoute>][] = [
      [tabRoutes.caseload(), { view: 'caseload' }],
      ['refer', { view: 'refer' }],
      [tabRoutes.case(CASE), { view: 'case', caseId: CASE, section: 'overview' }],
      [tabRoutes.formulation(CASE), { view: 'case', caseId: CASE, section: 'formulation' }],
      [tabRoutes.section(CASE, 'trm'), { view: 'case', caseId: CASE, section: 'trm' }],
      [tabRoutes.scheduler(CASE, 'review'), { view: 'case', caseId: CASE, section: 'meetings', schedule: 'review' }],
      [tabRoutes.scheduler(CASE, 'formulation'), { view: 'case', caseId: CASE, section: 'meetings', schedule: 'formulation' }],
      [tabRoutes.meeting(CASE, 'm/1'), { view: 'case', caseId: CASE, section: 'meetings', meetingId: 'm/1' }],
    ];
    for (const [route, view] of cases) {
      expect(parseTabRoute(route)).toEqual(view);
      expect(parseTabRoute(`#/${route}`)).toEqual(view);
    }
    expect(tabRoutes.scheduler(CASE, 'review')).toBe(`cases/${CASE}/meetings/new?kind=review`);
    expect(routeText(parseTabRoute(tabRoutes.scheduler(CASE, 'formulation')))).toBe(tabRoutes.scheduler(CASE, 'formulation'));
    expect(routeText(parseTabRoute(tabRoutes.case(CASE)))).toBe(`cases/${CASE}/overview`);
    expect(routeText(parseTabRoute(tabRoutes.meeting(CASE, 'm/1')))).toBe(`cases/${CASE}/meetings/m%2F1`);
  });

  it('that are not understood open the caseload, or the case’s overview', () => {
    expect(parseTabRoute('nonsense/here')).toEqual({ view: 'caseload' });
    expect(parseTabRoute('cases')).toEqual({ view: 'caseload' });
    expect(parseTabRoute('#')).toEqual({ view: 'caseload' });
    expect(parseTabRoute(`cases/${CASE}/secrets`)).toEqual({ view: 'case', caseId: CASE, section: 'overview' });
    expect(parseTabRoute(`cases/${CASE}/meetings/new?kind=party`)).toMatchObject({ section: 'meetings', schedule: 'review' });
    expect(parseTabRoute(`cases/${CASE}/meetings`)).toEqual({ view: 'case', caseId: CASE, section: 'meetings' });
    expect(parseTabRoute('cases/%E0%A4%A/timeline')).toEqual({ view: 'case', caseId: '%E0%A4%A', section: 'timeline' });
  });

  it('from the bot: in Teams, the personal tab with the route as subEntityId; without a Teams app, the tab at #/route', () => {
    const inTeams = tabLinks({ teamsAppId: APP, publicBaseUrl: 'https://ecm.example.org/' });
    const outside = tabLinks({ teamsAppId: undefined, publicBaseUrl: 'https://ecm.example.org/' });
    const links = [
      [(l: typeof inTeams) => l.app(), tabRoutes.caseload()],
      [(l: typeof inTeams) => l.case(CASE), tabRoutes.case(CASE)],
      [(l: typeof inTeams) => l.formulation(CASE), tabRoutes.formulation(CASE)],
      [(l: typeof inTeams) => l.scheduler(CASE, 'review'), tabRoutes.scheduler(CASE, 'review')],
      [(l: typeof inTeams) => l.timeline(CASE), tabRoutes.section(CASE, 'timeline')],
      [(l: typeof inTeams) => l.meeting(CASE, 'm1'), tabRoutes.meeting(CASE, 'm1')],
    ] as const;
    for (const [link, route] of links) {
      const deep = new URL(link(inTeams));
      expect(`${deep.origin}${deep.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP}/${template.staticTabs[0].entityId}`);
      expect(JSON.parse(deep.searchParams.get('context')!)).toEqual({ subEntityId: route });
      expect(link(outside)).toBe(`https://ecm.example.org/tab/#/${route}`);
      expect(parseTabRoute(new URL(link(outside)).hash)).toEqual(parseTabRoute(route));
    }
  });

  describe('a tab configured for one case', () => {
    let filled: Record<string, unknown>;
    beforeAll(async () => {
      const scratch = scratchRoot();
      filled = (await prepareManifest('dev', { root: scratch.root, processEnv: {}, standInForMinted: true })).manifest;
      scratch.remove();
    });

    it('names its case in a content URL Teams can open, whether the settings page or the calendar saved it', () => {
      const url = caseTabUrl('https://ecm-dev.example.org', CASE);
      expect(url).toBe(`https://ecm-dev.example.org/tab/?caseId=${CASE}`);
      expect(whyTabCannotOpen(url, filled)).toEqual([]);
      expect(caseIdOfTabUrl(new URL(url).search)).toBe(CASE);
      expect(caseIdOfTabUrl(new URL(personalTabUrl('https://ecm-dev.example.org')).search)).toBeNull();
      // The settings page itself is not content.
      expect(whyTabCannotOpen(settingsPageUrl('https://ecm-dev.example.org'), filled)).toEqual(['that is the settings page, not content']);
    });
  });
});
