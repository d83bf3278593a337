import { makeStyles, tokens } from '@fluentui/react-components';
import { get } from '../api/client.js';
import type { TeamMember, TransitionPlan, TransitionPlanView } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { ADULT_SERVICE_LABELS, AGENCY_LABELS, formatDate, formatDateTime, label } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { TransitionPlanForm } from './TransitionPlanForm.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  by: { color: tokens.colorNeutralForeground2 },
});

/**
 * Moving on to adult services: which adult services join the team and by when, and who keeps each
 * relationship that matters to the young person going. Shown from 17, or once a plan exists.
 */
export default function TransitionSection({ view }: CaseProps) {
  const s = useStyles();
  const loaded = useLoad(() => get<TransitionPlanView>(`/cases/${view.id}/transition-plan`), [view.id]);
  const team = useLoad(
    () => (view.allowedActions.includes('team.read') ? get<{ items: TeamMember[] }>(`/cases/${view.id}/team`) : Promise.resolve({ items: [] })),
    [view.id],
  );
  useCaseEvents(view.id, (e) => {
    if (e.type === 'transition.changed') loaded.reload();
    if (e.type === 'team.changed') team.reload();
  });
  const t = loaded.data;
  return (
    <section aria-labelledby="transition-h">
      <h2 id="transition-h">Moving on to adult services</h2>
      <ErrorNotice error={loaded.error ?? team.error} onReload={loaded.reload} />
      {!t ? <p role="status">Loading the transition plan…</p> : null}
      {t?.turnsEighteenOn ? (
        <p>
          Turns 18 on <strong>{formatDate(t.turnsEighteenOn)}</strong>: within six months.
        </p>
      ) : null}
      {t && !t.plan ? <p>No transition plan yet. {t.mayWrite ? 'Write it with the team below.' : 'The ECM team or the case holder writes it.'}</p> : null}
      {t?.plan ? <PlanShown plan={t.plan} listClass={s.list} byClass={s.by} /> : null}
      {t?.mayWrite ? (
        // A new version remounts the form: it starts from the plan as saved, or from the person's own draft.
        <TransitionPlanForm
          key={t.version}
          caseId={view.id}
          current={t}
          team={team.data?.items ?? []}
          onSaved={(next) => loaded.set(next)}
          onReload={loaded.reload}
        />
      ) : null}
    </section>
  );
}

function PlanShown({ plan, listClass, byClass }: { plan: TransitionPlan; listClass: string; byClass: string }) {
  return (
    <>
      <h3>Adult services joining</h3>
      <ul className={listClass} aria-label="Adult services joining">
        {plan.joining.map((j, i) => (
          <li key={i}>
            <strong>{label(ADULT_SERVICE_LABELS, j.service)}</strong>
            {j.detail ? ` (${j.detail})` : ''} — joins by {formatDate(j.joinBy)}
          </li>
        ))}
      </ul>
      <h3>Relationships kept going</h3>
      {plan.relationships.length ? (
        <ul className={listClass} aria-label="Relationships kept going">
          {plan.relationships.map((r, i) => (
            <li key={i}>
              {r.relationship} — kept by{' '}
              <strong>
                {r.keptBy.kind === 'person' ? `${r.keptBy.name} (${label(AGENCY_LABELS, r.keptBy.agency)})` : label(AGENCY_LABELS, r.keptBy.agency)}
              </strong>{' '}
              until {formatDate(r.until)}
            </li>
          ))}
        </ul>
      ) : (
        <p>None named yet.</p>
      )}
      <p className={byClass}>
        Written by {plan.writtenByName}, {formatDateTime(plan.writtenAt)}.
      </p>
    </>
  );
}
