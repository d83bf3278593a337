import type { Frame, Page } from 'playwright-core';

/**
 * A stand-in for the Teams client around the tab, in the browser: a page on the tab's own origin
 * that frames the tab and answers teams-js over postMessage as Teams does (initialize with a runtime
 * config, getContext, the SSO token, the settings page's save), and records every call the tab
 * makes. Only the host is played; the tab, teams-js and the server are the real ones.
 */
export interface TeamsContext {
  frameContext: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  /** The tab's entityId: the static tab's for a personal tab, the case id for a configured one. */
  entityId?: string;
  /** A deep link's subEntityId, which teams-js hands the tab as page.subPageId. */
  subEntityId?: string;
  theme?: 'default' | 'dark' | 'contrast';
  meetingId?: string;
  chatId?: string;
}

export interface HostCall {
  func: string;
  args: unknown[];
}

export interface TeamsHost {
  /** The tab's frame. */
  tab: Frame;
  calls(): Promise<HostCall[]>;
  /** The person presses Save on the configurable tab's settings page. */
  pressSave(): Promise<void>;
}

const HOST_PATH = '/__teams-host__';

/** What this host supports, in the runtime config format of teams-js (apiVersion 4). */
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    authentication: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
    teamsCore: {},
    meeting: {},
    stageView: {},
    sharing: {},
  },
};

function hostPage(tabUrl: string, context: TeamsContext, token: string): string {
  const legacyContext = {
    frameContext: context.frameContext,
    entityId: context.entityId ?? '',
    subEntityId: context.subEntityId,
    theme: context.theme ?? 'default',
    locale: 'en-gb',
    appSessionId: '5e0f1c2a-0000-4000-8000-00000000e5c1',
    hostClientType: 'web',
    hostName: 'Teams',
    tid: '6f1c0000-0000-4000-8000-000000000001',
    meetingId: context.meetingId,
    chatId: context.chatId,
  };
  // The host's script is plain browser code, kept in a string: it runs in the page, not in Node.
  return `<!doctype html><html><head><title>Teams (test host)</title></head>
<body style="margin:0"><iframe id="tab" style="width:100vw;height:100vh;border:0"></iframe>
<script>
  const CONTEXT = ${JSON.stringify(legacyContext)};
  const RUNTIME = ${JSON.stringify(JSON.stringify(RUNTIME))};
  const TOKEN = ${JSON.stringify(token)};
  const frame = document.getElementById('tab');
  window.__teams = { calls: [] };
  function reply(source, origin, request, args) {
    source.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, origin);
  }
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string' || event.source !== frame.contentWindow) return;
    window.__teams.calls.push({ func: m.func, args: m.args || [] });
    switch (m.func) {
      case 'initialize': return reply(event.source, event.origin, m, [CONTEXT.frameContext, 'web', RUNTIME, '2.58.0']);
      case 'getContext': return reply(event.source, event.origin, m, [CONTEXT]);
      case 'authentication.getAuthToken': return reply(event.source, event.origin, m, [true, TOKEN]);
      case 'settings.setSettings': return reply(event.source, event.origin, m, [true]);
    }
  });
  window.__teams.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, location.origin);
  frame.src = ${JSON.stringify(tabUrl)};
</script></body></html>`;
}

/**
 * Opens `tabUrl` in Teams as `context` says, signed in as the holder of `token`. The tab must be
 * on `origin` (the test server): teams-js trusts a host on its own origin.
 */
export async function openInTeams(page: Page, origin: string, tabUrl: string, context: TeamsContext, token: string): Promise<TeamsHost> {
  const html = hostPage(tabUrl, context, token);
  await page.route(`${origin}${HOST_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(`${origin}${HOST_PATH}`);
  const handle = await page.waitForSelector('#tab');
  const tab = await handle.contentFrame();
  if (!tab) throw new Error('the tab frame did not load');
  await page.unroute(`${origin}${HOST_PATH}`);
  return {
    tab,
    calls: () => page.evaluate('window.__teams.calls') as Promise<HostCall[]>,
    pressSave: async () => {
      await page.evaluate('window.__teams.pressSave()');
    },
  };
}
