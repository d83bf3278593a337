import { Button, Checkbox, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import type { PlanActionView, TeamMember } from '../api/types.js';
import { fieldProps } from '../common/fieldProblems.js';
import { ACTION_STATUS_LABELS, formatDate, label } from '../labels.js';
import { ownerText } from './ActionCard.js';
import { OwnerOptions, ownerFields } from './ownerChoice.js';

/**
 * A review works through the plan: for each open action, what happened since, what stood in the
 * way and whether to continue, change or stop it; then new actions with their owners. Part of the
 * meeting's outcome form, whose draft keeps what was typed.
 */
export interface ActionReviewDraft {
  status: string;
  happened: string;
  barriers: string;
  decision: string;
  stoppedBecause: string;
  owner: string;
  dueBy: string;
}
export interface NewActionDraft {
  text: string;
  trmLevel: string;
  relationshipBased: boolean;
  owner: string;
  dueBy: string;
}
export interface ReviewOfPlanDraft {
  progress: Record<string, ActionReviewDraft>;
  added: NewActionDraft[];
}

export const emptyReviewOfPlan = (): ReviewOfPlanDraft => ({ progress: {}, added: [] });

/** The actions a review goes through: those not yet done or stopped, in the plan's order. */
export const openActions = (actions: PlanActionView[]) => actions.filter((a) => a.status === 'planned' || a.status === 'under_way');

const startFrom = (a: PlanActionView): ActionReviewDraft => ({
  status: a.status,
  happened: '',
  barriers: '',
  decision: 'continue',
  stoppedBecause: '',
  owner: '',
  dueBy: '',
});

const STANDING: Record<string, string> = {
  planned: ACTION_STATUS_LABELS.planned!,
  under_way: ACTION_STATUS_LABELS.under_way!,
  done: ACTION_STATUS_LABELS.done!,
};
const DECISIONS: Record<string, string> = { continue: 'Continue', change: 'Change (owner or by when)', stop: 'Stop' };
const TRM_LEVELS = ['1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5', '5.5', '6'];

/** What the outcome sends for the plan: progress on each open action, in order, and the new actions. */
export function reviewOfPlanBody(draft: ReviewOfPlanDraft, actions: PlanActionView[]) {
  return {
    actionProgress: openActions(actions).map((a) => {
      const r = draft.progress[a.id] ?? startFrom(a);
      return {
        actionId: a.id,
        status: r.status,
        happened: r.happened,
        barriers: r.barriers,
        decision: r.decision,
        ...(r.decision === 'stop' ? { stoppedBecause: r.stoppedBecause } : {}),
        ...(r.decision === 'change' && r.owner ? ownerFields(r.owner) : {}),
        ...(r.decision === 'change' && r.dueBy ? { dueBy: r.dueBy } : {}),
      };
    }),
    newActions: draft.added.map((n) => ({
      text: n.text,
      trmLevel: Number(n.trmLevel),
      relationshipBased: n.relationshipBased,
      ...(n.owner ? ownerFields(n.owner) : {}),
      dueBy: n.dueBy || null,
    })),
  };
}

const ACTION_FIELDS: Record<string, string> = {
  actionId: 'action',
  status: 'where it stands',
  happened: 'what happened since',
  barriers: 'barriers',
  decision: 'decision',
  stoppedBecause: 'why it stops',
  ownerId: 'new owner',
  ownerAgency: 'new owner',
  dueBy: 'new “by when”',
};
const NEW_FIELDS: Record<string, string> = {
  text: 'what will be done',
  trmLevel: 'TRM level',
  relationshipBased: 'relationship-based',
  ownerId: 'owner',
  ownerAgency: 'owner',
  dueBy: '“by when”',
};

/** The form's words for the plan's paths ("Action 2: what happened since"), or undefined. */
export function reviewOfPlanLabel(path: string, actions: PlanActionView[]): string | undefined {
  const progress = /^actionProgress\.(\d+)\.(\w+)$/.exec(path);
  if (progress) {
    const a = openActions(actions)[Number(progress[1])];
    return `Action ${a?.sequence ?? Number(progress[1]) + 1}: ${ACTION_FIELDS[progress[2]!] ?? progress[2]}`;
  }
  const added = /^newActions\.(\d+)\.(\w+)$/.exec(path);
  if (added) return `New action ${Number(added[1]) + 1}: ${NEW_FIELDS[added[2]!] ?? added[2]}`;
  return path === 'newActions' ? 'New actions' : undefined;
}

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  facts: { margin: 0 },
});

// Dates carry no `min`: the browser would refuse an early date in its own words and send nothing;
// the API says why beside the field ("on or after the day the formulation was approved").
export function ReviewOfPlan({
  actions,
  team,
  value,
  onChange,
  error,
}: {
  actions: PlanActionView[];
  team: TeamMember[];
  value: ReviewOfPlanDraft;
  onChange: (v: ReviewOfPlanDraft) => void;
  error: unknown;
}) {
  const s = useStyles();
  const open = openActions(actions);
  const set = (a: PlanActionView, change: Partial<ActionReviewDraft>) =>
    onChange({ ...value, progress: { ...value.progress, [a.id]: { ...(value.progress[a.id] ?? startFrom(a)), ...change } } });
  const setAdded = (i: number, change: Partial<NewActionDraft>) =>
    onChange({ ...value, added: value.added.map((n, j) => (j === i ? { ...n, ...change } : n)) });

  return (
    <section aria-labelledby="review-plan-h" className={s.group}>
      <h4 id="review-plan-h">Review of the plan</h4>
      {open.length === 0 ? <p>No action is open: every action is done or stopped.</p> : null}
      {open.map((a, i) => {
        const r = value.progress[a.id] ?? startFrom(a);
        const path = `actionProgress.${i}`;
        return (
          <fieldset key={a.id} className={s.group}>
            <legend>
              Action {a.sequence}: {a.text}
            </legend>
            <p className={s.facts}>
              {ownerText(a)} · by {a.dueBy ? formatDate(a.dueBy) : 'no date yet'} · {label(ACTION_STATUS_LABELS, a.status)}
            </p>
            <Field label="Where it stands" {...fieldProps(error, `${path}.status`)}>
              <Select value={r.status} onChange={(_, d) => set(a, { status: d.value, ...(d.value === 'done' ? { decision: 'continue' } : {}) })}>
                {Object.entries(STANDING).map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="What happened since" {...fieldProps(error, `${path}.happened`, { text: r.happened, max: 2000 })}>
              <Textarea value={r.happened} onChange={(_, d) => set(a, { happened: d.value })} rows={2} />
            </Field>
            <Field label="Barriers" {...fieldProps(error, `${path}.barriers`, { text: r.barriers, max: 2000 })}>
              <Textarea value={r.barriers} onChange={(_, d) => set(a, { barriers: d.value })} rows={2} />
            </Field>
            <Field label="Decision" {...fieldProps(error, `${path}.decision`, r.status === 'done' ? { hint: 'A done action continues as done.' } : {})}>
              <Select value={r.decision} disabled={r.status === 'done'} onChange={(_, d) => set(a, { decision: d.value })}>
                {Object.entries(DECISIONS).map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
            {r.decision === 'stop' ? (
              <Field label="Why it stops" required {...fieldProps(error, `${path}.stoppedBecause`, { text: r.stoppedBecause, max: 2000 })}>
                <Input value={r.stoppedBecause} onChange={(_, d) => set(a, { stoppedBecause: d.value })} />
              </Field>
            ) : null}
            {r.decision === 'change' ? (
              <>
                <Field label="New owner" {...fieldProps(error, `${path}.ownerId`)}>
                  <Select value={r.owner} onChange={(_, d) => set(a, { owner: d.value })}>
                    <option value="">Keep {ownerText(a)}</option>
                    <OwnerOptions team={team} />
                  </Select>
                </Field>
                <Field label="New “by when”" {...fieldProps(error, `${path}.dueBy`)}>
                  <Input type="date" value={r.dueBy} onChange={(_, d) => set(a, { dueBy: d.value })} />
                </Field>
              </>
            ) : null}
          </fieldset>
        );
      })}
      {value.added.map((n, i) => {
        const path = `newActions.${i}`;
        return (
          <fieldset key={i} className={s.group}>
            <legend>New action {i + 1}</legend>
            <Field label="What will be done" required {...fieldProps(error, `${path}.text`, { text: n.text, max: 2000 })}>
              <Textarea value={n.text} onChange={(_, d) => setAdded(i, { text: d.value })} rows={2} />
            </Field>
            <div className={s.row}>
              <Field label="TRM level" {...fieldProps(error, `${path}.trmLevel`)}>
                <Select value={n.trmLevel} onChange={(_, d) => setAdded(i, { trmLevel: d.value })}>
                  {TRM_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox label="Relationship-based" checked={n.relationshipBased} onChange={(_, d) => setAdded(i, { relationshipBased: d.checked === true })} />
            </div>
            <Field label="Owner" {...fieldProps(error, `${path}.ownerId`, { hint: 'Left empty, the ECM team holds it until someone is named.' })}>
              <Select value={n.owner} onChange={(_, d) => setAdded(i, { owner: d.value })}>
                <option value="">The ECM team, until someone is named</option>
                <OwnerOptions team={team} />
              </Select>
            </Field>
            <Field label="By when" {...fieldProps(error, `${path}.dueBy`)}>
              <Input type="date" value={n.dueBy} onChange={(_, d) => setAdded(i, { dueBy: d.value })} />
            </Field>
            <div>
              <Button onClick={() => onChange({ ...value, added: value.added.filter((_, j) => j !== i) })}>Remove new action {i + 1}</Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button onClick={() => onChange({ ...value, added: [...value.added, { text: '', trmLevel: '2', relationshipBased: false, owner: '', dueBy: '' }] })}>
          Add an action
        </Button>
      </div>
    </section>
  );
}
