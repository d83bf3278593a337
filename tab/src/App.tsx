import { FluentProvider, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { get } from './api/client.js';
import type { DevAccount, Me } from './api/types.js';
import { ErrorNotice } from './common/ErrorNotice.js';
import { purgeOldDrafts, setDraftOwner } from './common/drafts.js';
import { followServerClock, todayIso } from './clock.js';
import { AppContext, type AppState } from './context.js';
import { notifyLoaded, onTeamsThemeChange, type Host, type ThemeName } from './host/teams.js';
import { prefetchFor } from './prefetch.js';
import { meFromPrefetch } from './prefetched.js';
import { connectApi, devToken, signOut } from './session.js';
import { THEMES, usePageTheme } from './theme.js';
import { devAccounts, OpenInTeams, SignIn } from './views/SignIn.js';

import { useModule } from './common/useModule.js';
import { FRAME_VIEWS } from './frames.js';

type Phase =
  | { kind: 'loading' }
  | { kind: 'signIn'; accounts: { notice: string; items: DevAccount[] } }
  | { kind: 'openInTeams' }
  | { kind: 'ready'; me: Me }
  | { kind: 'failed'; error: unknown };

/** Signs in (Teams SSO, or the dev picker when standalone in local mode), then routes by frame context. */
export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const restart = useCallback(() => setAttempt((a) => a + 1), []);

  useEffect(() => onTeamsThemeChange(host, setTheme), [host]);
  usePageTheme(theme);
  useEffect(() => {
    purgeOldDrafts();
    connectApi(host, () => setPhase({ kind: 'loading' }));
  }, [host]);

  useEffect(() => {
    let live = true;
    (async () => {
      if (!host.inTeams && !devToken()) {
        const accounts = await devAccounts();
        if (live) setPhase(accounts ? { kind: 'signIn', accounts } : { kind: 'openInTeams' });
        return;
      }
      prefetchFor(window.location.hash, host.caseId, host.frame);
      const me = await (meFromPrefetch() ?? get<Me>('/me'));
      performance.mark('ecm:signed-in');
      followServerClock(me.now);
      setDraftOwner(me.staffId);
      if (live) setPhase({ kind: 'ready', me });
    })()
      .catch(async (error: unknown) => {
        if (!live) return;
        if (!host.inTeams && !devToken()) {
          const accounts = await devAccounts().catch(() => null);
          setPhase(accounts ? { kind: 'signIn', accounts } : { kind: 'failed', error });
        } else setPhase({ kind: 'failed', error });
      })
      .finally(() => notifyLoaded(host));
    return () => {
      live = false;
    };
  }, [host, attempt]);

  const changeTheme = useCallback((t: ThemeName) => {
    localStorage.setItem('ecm-theme', t);
    setTheme(t);
  }, []);

  const state = useMemo<(AppState & { theme: ThemeName; setTheme: (t: ThemeName) => void }) | null>(
    () =>
      phase.kind === 'ready'
        ? {
            me: phase.me,
            host,
            palette: theme === 'default' ? 'light' : theme,
            today: todayIso(),
            serviceOf: (id) => phase.me.services.find((s) => s.id === id),
            signOut: () => {
              void signOut().then(restart);
            },
            theme,
            setTheme: changeTheme,
          }
        : null,
    [phase, host, theme, restart, changeTheme],
  );

  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {phase.kind === 'loading' ? <Spinner label="Loading ECM for Teams…" style={{ padding: '2rem' }} /> : null}
      {phase.kind === 'signIn' ? <SignIn accounts={phase.accounts} onSignedIn={restart} /> : null}
      {phase.kind === 'openInTeams' ? <OpenInTeams /> : null}
      {phase.kind === 'failed' ? (
        <main style={{ padding: '1rem' }}>
          <h1>ECM for Teams could not start</h1>
          <ErrorNotice error={phase.error} />
          <button type="button" onClick={restart}>
            Try again
          </button>
        </main>
      ) : null}
      {state ? (
        <AppContext.Provider value={state}>
          <FrameView frame={host.frame} theme={state.theme} setTheme={state.setTheme} />
        </AppContext.Provider>
      ) : null}
    </FluentProvider>
  );
}

/** The view Teams asked for by frame context (content, settings, side panel or stage). */
function FrameView({ frame, theme, setTheme }: { frame: Host['frame']; theme: ThemeName; setTheme: (t: ThemeName) => void }) {
  const mod = useModule(FRAME_VIEWS[frame]);
  if (!mod) return <Spinner label="Loading…" />;
  const View = mod.default as (p: { theme: ThemeName; setTheme: (t: ThemeName) => void }) => React.ReactNode;
  return <View theme={theme} setTheme={setTheme} />;
}
