import { makeStyles } from '@fluentui/react-components';
import { get } from '../api/client.js';
import type { PlanActionList, TeamMember } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { ActionCard } from './ActionCard.js';

const useStyles = makeStyles({ list: { padding: 0, margin: 0 } });

/** The plan between meetings: each recommendation of the approved formulation as an owned action, in the TRM's order. */
export default function ActionsSection({ view }: CaseProps) {
  const s = useStyles();
  const { today } = useApp();
  const plan = useLoad(() => get<PlanActionList>(`/cases/${view.id}/actions`), [view.id]);
  const team = useLoad(
    () => (view.allowedActions.includes('team.read') ? get<{ items: TeamMember[] }>(`/cases/${view.id}/team`) : Promise.resolve({ items: [] })),
    [view.id],
  );
  // A colleague's change, or the owner's own elsewhere, shows as it happens.
  useCaseEvents(view.id, (e) => {
    if (e.type === 'action.changed') plan.reload();
    if (e.type === 'team.changed') team.reload();
  });
  const items = plan.data?.items ?? [];
  return (
    <section aria-labelledby="actions-h">
      <h2 id="actions-h">Plan and actions</h2>
      <p>Relationship-based help comes first, as the Trauma Recovery Model orders it. Each action has an owner who keeps the team posted.</p>
      <ErrorNotice error={plan.error ?? team.error} onReload={plan.reload} />
      {plan.data && items.length === 0 ? <p>No actions yet: they are made when the formulation is approved.</p> : null}
      {plan.loading && !plan.data ? <p role="status">Loading the plan…</p> : null}
      <ol className={s.list} aria-label="Actions in order">
        {items.map((a) => (
          <ActionCard
            key={`${a.id}:${a.version}`}
            caseId={view.id}
            action={a}
            heading={<strong>{a.sequence}.</strong>}
            team={plan.data?.mayAssign ? (team.data?.items ?? []) : null}
            today={today}
            onSaved={plan.reload}
          />
        ))}
      </ol>
    </section>
  );
}
