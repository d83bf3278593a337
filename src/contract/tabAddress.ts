/**
 * Every address that opens the tab, in one place: the manifest's tabs, the configurable tab's saved
 * content URL, the tab the calendar adds to a meeting chat, and the bot's deep links. The tab reads
 * the same routes back with `parseTabRoute`. Imported by the server and by the tab's bundle, so it
 * imports nothing (no zod, no Node).
 */

/** Where the server serves the tab. */
export const TAB_PATH = '/tab/';

/** The personal (static) tab's entityId in appPackage/manifest.json: where deep links land. */
export const STATIC_TAB_ENTITY_ID = 'caseload';

/** `?view=` values the manifest uses; Teams' frame context wins when hosted. */
export const TAB_VIEWS = { caseload: 'caseload', settings: 'settings' } as const;

export type ScheduleKind = 'review' | 'formulation';

export const CASE_SECTIONS = ['overview', 'timeline', 'formulation', 'trm', 'actions', 'meetings', 'transition', 'summaries', 'export'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** A place in the tab, addressed by a route such as `cases/{id}/formulation`. */
export type TabRoute =
  | { view: 'caseload' }
  | { view: 'refer' }
  /** Asking the ECM team for a case consultation (out of court or pre-court). */
  | { view: 'consult' }
  /** The person's own actions across all their cases. */
  | { view: 'myActions' }
  /**
   * `schedule`: the meeting scheduler opened for a meeting of this kind (a review reminder's button).
   * `meetingId`: one meeting opened, to record its outcome (the button the bot posts when it ends).
   */
  | { view: 'case'; caseId: string; section: CaseSection; schedule?: ScheduleKind; meetingId?: string };

const SCHEDULE_KINDS: readonly string[] = ['review', 'formulation'];
const trimBase = (base: string) => base.replace(/\/+$/, '');

/** Routes as text: what a deep link carries as subEntityId and a browser link after `#/`. */
export const tabRoutes = {
  caseload: () => '',
  myActions: () => 'my-actions',
  case: (caseId: string) => `cases/${encodeURIComponent(caseId)}`,
  section: (caseId: string, section: CaseSection) => `cases/${encodeURIComponent(caseId)}/${section}`,
  formulation: (caseId: string) => `cases/${encodeURIComponent(caseId)}/formulation`,
  scheduler: (caseId: string, kind: ScheduleKind) => `cases/${encodeURIComponent(caseId)}/meetings/new?kind=${kind}`,
  meeting: (caseId: string, meetingId: string) => `cases/${encodeURIComponent(caseId)}/meetings/${encodeURIComponent(meetingId)}`,
};

/** The text form of a route, the inverse of `parseTabRoute`. */
export function routeText(route: TabRoute): string {
  if (route.view === 'caseload') return tabRoutes.caseload();
  if (route.view === 'refer') return 'refer';
  if (route.view === 'consult') return 'consult';
  if (route.view === 'myActions') return tabRoutes.myActions();
  if (route.schedule) return tabRoutes.scheduler(route.caseId, route.schedule);
  return route.meetingId && route.section === 'meetings' ? tabRoutes.meeting(route.caseId, route.meetingId) : tabRoutes.section(route.caseId, route.section);
}

/**
 * Reads a route (`cases/{id}/meetings/new?kind=review`, `cases/{id}/meetings/{meetingId}`, with or
 * without a leading `#/`). Anything
 * not understood opens the caseload; a case without a known section opens its overview.
 */
export function parseTabRoute(text: string): TabRoute {
  const [path = '', query = ''] = text.replace(/^#?\/*/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'refer') return { view: 'refer' };
  if (parts[0] === 'consult') return { view: 'consult' };
  if (parts[0] === 'my-actions') return { view: 'myActions' };
  if (parts[0] !== 'cases' || !parts[1]) return { view: 'caseload' };
  const caseId = safeDecode(parts[1]);
  const section = (CASE_SECTIONS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as CaseSection) : 'overview';
  const kind = new URLSearchParams(query).get('kind') ?? 'review';
  if (section === 'meetings' && parts[3] === 'new')
    return { view: 'case', caseId, section, schedule: SCHEDULE_KINDS.includes(kind) ? (kind as ScheduleKind) : 'review' };
  if (section === 'meetings' && parts[3]) return { view: 'case', caseId, section, meetingId: safeDecode(parts[3]) };
  return { view: 'case', caseId, section };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The personal tab's content URL (manifest `staticTabs`). */
export const personalTabUrl = (base: string) => `${trimBase(base)}${TAB_PATH}?view=${TAB_VIEWS.caseload}`;

/** The configurable tab's settings page (manifest `configurableTabs[0].configurationUrl`). */
export const settingsPageUrl = (base: string) => `${trimBase(base)}${TAB_PATH}?view=${TAB_VIEWS.settings}`;

/**
 * The content URL of a tab that shows one case: saved by the settings page, and given by the
 * calendar to the tab it adds to a meeting chat. Teams' frame context tells the tab whether it is
 * a chat tab, the side panel or the stage.
 */
export const caseTabUrl = (base: string, caseId: string) => `${trimBase(base)}${TAB_PATH}?caseId=${encodeURIComponent(caseId)}`;

/** A route opened in a browser, outside Teams. */
export const browserLink = (base: string, route: string) => `${trimBase(base)}${TAB_PATH}#/${route}`;

/** A route opened in Teams: the personal tab, given the route as subEntityId (the tab reads `page.subPageId`). */
export const teamsDeepLink = (teamsAppId: string, route: string) =>
  `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${STATIC_TAB_ENTITY_ID}?context=${encodeURIComponent(JSON.stringify({ subEntityId: route }))}`;

/** The case a tab's content URL names, if any (the query of a configured or meeting tab). */
export function caseIdOfTabUrl(search: string): string | null {
  return new URLSearchParams(search).get('caseId');
}

/** The frame a standalone page asks for: `?frame=` (side panel, stage), or the manifest's `?view=settings`. */
export function frameOfTabUrl(search: string): string | null {
  const query = new URLSearchParams(search);
  return query.get('frame') ?? (query.get('view') === TAB_VIEWS.settings ? 'settings' : null);
}
