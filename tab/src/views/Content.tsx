import { ConsultationRequestForm } from '../consultation/ConsultationRequestForm.js';
import { Button, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { CaseCatalogue } from '../caseload/Caseload.js';
import { ReferForm } from '../caseload/ReferForm.js';
import { CasePage } from '../case/CasePage.js';
import { useApp } from '../context.js';
import { DashboardView } from '../dashboard/DashboardView.js';
import { dashboardHref, useDashboardRoute } from '../dashboard/route.js';
import { EvaluationView } from '../evaluation/EvaluationView.js';
import { evaluationHref, useEvaluationRoute } from '../evaluation/route.js';
import type { ThemeName } from '../host/teams.js';
import { MyActions } from '../plan/MyActions.js';
import { hrefOf, navigate, useRoute } from '../router.js';
import { THEME_LABELS } from '../theme.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media print': { display: 'none' },
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto', color: tokens.colorNeutralForeground1, textDecorationLine: 'none' },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '90rem', margin: '0 auto' },
  skip: { position: 'absolute', left: '-10000px', ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10 } },
});

/** The personal tab (and a configured channel tab): caseload, referral, and one case at a time. */
export default function Content({ theme, setTheme }: { theme: ThemeName; setTheme: (t: ThemeName) => void }) {
  const s = useStyles();
  const { me, host, signOut } = useApp();
  const route = useRoute(host.caseId);
  // The service dashboard (#/dashboard) is routed apart from router.ts; the dashboard sets its own title.
  const dashboard = useDashboardRoute();
  const onDashboard = dashboard !== null;
  const canSeeDashboard = Object.values(me.serviceActions).some((a) => a.includes('dashboard.read'));
  // The ECM team's evaluation (#/evaluation) is routed apart too, and sets its own title.
  const evaluation = useEvaluationRoute();
  const canSeeEvaluation = Object.values(me.serviceActions).some((a) => a.includes('evaluation.read'));
  const apart = onDashboard || evaluation;
  useEffect(() => {
    if (apart) return;
    document.title =
      route.view === 'case'
        ? 'Case — ECM for Teams'
        : route.view === 'refer'
          ? 'Refer a young person — ECM for Teams'
          : route.view === 'consult'
            ? 'Ask for a consultation — ECM for Teams'
            : route.view === 'myActions'
              ? 'My actions — ECM for Teams'
              : 'My cases — ECM for Teams';
  }, [route.view, apart]);
  return (
    <>
      <Link href="#main" className={s.skip} onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </Link>
      <header className={s.header}>
        <Link className={s.brand} href="#/">
          ECM for Teams
        </Link>
        <Link href={hrefOf({ view: 'myActions' })} aria-current={!apart && route.view === 'myActions' ? 'page' : undefined}>
          My actions
        </Link>
        {canSeeDashboard ? <Link href={dashboardHref()}>Service dashboard</Link> : null}
        {canSeeEvaluation ? (
          <Link href={evaluationHref} aria-current={evaluation ? 'page' : undefined}>
            Evaluation
          </Link>
        ) : null}
        <span>
          {me.name} · {me.roleLabel}
        </span>
        {!host.inTeams ? (
          <>
            <label htmlFor="theme-select">Theme</label>
            <Select id="theme-select" value={theme} onChange={(_, d) => setTheme(d.value as ThemeName)}>
              {Object.entries(THEME_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </Select>
            <Button onClick={signOut}>Sign out</Button>
          </>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className={s.main}>
        {dashboard ? <DashboardView serviceId={dashboard.serviceId} /> : null}
        {evaluation && !dashboard ? <EvaluationView /> : null}
        {!apart && route.view === 'caseload' ? <CaseCatalogue /> : null}
        {!apart && route.view === 'myActions' ? <MyActions /> : null}
        {!apart && route.view === 'refer' ? <ReferForm onReferred={(id) => navigate({ view: 'case', caseId: id, section: 'overview' })} /> : null}
        {!apart && route.view === 'consult' ? <ConsultationRequestForm onAsked={(id) => navigate({ view: 'case', caseId: id, section: 'overview' })} /> : null}
        {/* Keyed by the case: another case in the address is a new page, with nothing of the last one's state (issue 12 §1). */}
        {!apart && route.view === 'case' ? <CasePage key={route.caseId} caseId={route.caseId} section={route.section} /> : null}
      </main>
    </>
  );
}
