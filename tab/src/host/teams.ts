import { caseIdOfTabUrl, caseTabUrl, frameOfTabUrl } from '../../../src/contract/tabAddress.js';

/** teams-js is loaded only when the tab is framed, so a standalone page neither downloads nor runs it. */
const teams = () => import('@microsoft/teams-js');

export type FrameContext = 'content' | 'settings' | 'sidePanel' | 'meetingStage';
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  frame: FrameContext;
  theme: ThemeName;
  /** The case a configured tab, side panel or stage belongs to (its content URL carries it). */
  caseId: string | null;
}

const FRAMES: FrameContext[] = ['content', 'settings', 'sidePanel', 'meetingStage'];
const THEMES: ThemeName[] = ['default', 'dark', 'contrast'];

const pick = <T extends string>(allowed: T[], value: string | null | undefined, fallback: T): T =>
  value && (allowed as string[]).includes(value) ? (value as T) : fallback;

/** How long to wait for Teams before deciding the tab is not hosted. */
export const HOST_TIMEOUT_MS = 1500;

/**
 * Hosted in Teams or not. `app.initialize` rejects at once in a top-level window but waits up to a
 * minute when framed by another page, so it is raced against a short timeout.
 */
export async function detectHost(location: Location = window.location, timeoutMs = HOST_TIMEOUT_MS): Promise<Host> {
  const caseId = caseIdOfTabUrl(location.search);
  const standalone = () => standaloneHost(location);
  if (window.parent === window && !window.opener) return standalone();
  try {
    const { app } = await teams();
    await Promise.race([app.initialize(), new Promise((_, fail) => setTimeout(() => fail(new Error('not hosted')), timeoutMs))]);
    const context = await app.getContext();
    const frame = pick(FRAMES, context.page.frameContext, 'content');
    if (frame === 'content') openDeepLinkedRoute(context.page.subPageId, location);
    return {
      inTeams: true,
      frame,
      theme: pick(THEMES, context.app.theme, 'default'),
      caseId: caseId ?? (context.page.id && /^[0-9a-f-]{36}$/i.test(context.page.id) ? context.page.id : null),
    };
  } catch {
    return standalone();
  }
}

/** The page outside Teams (a browser tab, the dev sign-in): everything is in its address. */
function standaloneHost(location: Location): Host {
  return {
    inTeams: false,
    frame: pick(FRAMES, frameOfTabUrl(location.search), 'content'),
    theme: pick(THEMES, new URLSearchParams(location.search).get('theme') ?? localStorage.getItem('ecm-theme'), 'default'),
    caseId: caseIdOfTabUrl(location.search),
  };
}

/** The host at once, without waiting for anything, when the page is not framed (so not in Teams); otherwise null. */
export const knownStandaloneHost = (location: Location = window.location): Host | null =>
  window.parent === window && !window.opener ? standaloneHost(location) : null;

/**
 * A Teams deep link carries its route as subEntityId (bot/links.ts), which the personal tab reads
 * as `page.subPageId`. It becomes the hash before anything routes, so the router, the prefetch and
 * a reload all see one address. A hash already there (the person moved on, then Teams reloaded the
 * frame) wins.
 */
function openDeepLinkedRoute(subPageId: string | undefined, location: Location): void {
  if (!subPageId || location.hash.replace(/^#?\/*/, '') !== '') return;
  window.history.replaceState(window.history.state, '', `${location.pathname}${location.search}#/${subPageId.replace(/^#?\/*/, '')}`);
}

export function notifyLoaded(host: Host): void {
  if (host.inTeams) void teams().then(({ app }) => app.notifySuccess());
}

export function onTeamsThemeChange(host: Host, handler: (theme: ThemeName) => void): void {
  if (host.inTeams) void teams().then(({ app }) => app.registerOnThemeChangeHandler((t) => handler(pick(THEMES, t, 'default'))));
}

/** The Teams SSO token for the API; teams-js caches it until it nears expiry. */
export const teamsToken = async (): Promise<string> => (await teams()).authentication.getAuthToken();

/** The settings page of a configurable tab: remember which case the tab shows. */
export async function offerCaseForTab(caseId: string | null, reference: string | null): Promise<void> {
  const { pages } = await teams();
  pages.config.setValidityState(caseId !== null);
  if (!caseId || !reference) return;
  pages.config.registerOnSaveHandler((save) => {
    const contentUrl = caseTabUrl(window.location.origin, caseId);
    // The tab's name is the case reference: a child's name never appears in Teams' own chrome.
    pages.config
      .setConfig({ entityId: caseId, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: `ECM ${reference}` })
      .then(() => save.notifySuccess())
      .catch((e: unknown) => save.notifyFailure(String(e)));
  });
}
