import { Link, makeStyles, Title2 } from '@fluentui/react-components';
import { get } from '../api/client.js';
import type { MyAction } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { hrefOf } from '../router.js';
import { ActionCard } from './ActionCard.js';

const useStyles = makeStyles({ list: { padding: 0, margin: 0 } });

/** Every action the person owns across all their cases, unfinished and soonest first. */
export function MyActions() {
  const s = useStyles();
  const { today } = useApp();
  const mine = useLoad(() => get<{ items: MyAction[] }>('/me/actions'), []);
  const items = mine.data?.items ?? [];
  const open = items.filter((a) => a.status === 'planned' || a.status === 'under_way').length;
  return (
    <section aria-labelledby="my-actions-h">
      <Title2 as="h1" id="my-actions-h">
        My actions
      </Title2>
      <ErrorNotice error={mine.error} onReload={mine.reload} />
      {mine.loading && !mine.data ? <p role="status">Loading your actions…</p> : null}
      {mine.data ? (
        <p role="status">
          {items.length === 0
            ? 'You own no actions yet. When a formulation’s plan names you, its actions appear here.'
            : `${open} still to do, of ${items.length}${items.some((a) => a.overdue) ? `; ${items.filter((a) => a.overdue).length} overdue` : ''}.`}
        </p>
      ) : null}
      <ul className={s.list} aria-label="My actions">
        {items.map((a) => (
          <ActionCard
            key={`${a.id}:${a.version}`}
            caseId={a.caseId}
            action={a}
            heading={<Link href={hrefOf({ view: 'case', caseId: a.caseId, section: 'actions' })}>{a.reference}</Link>}
            team={null}
            today={today}
            onSaved={mine.reload}
          />
        ))}
      </ul>
    </section>
  );
}
