import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { etagOf, get, post } from '../api/client.js';
import type { TimelineCategory, TimelineEntry, TimelineQuestion, TimelineQuestions } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { AGENCY_LABELS, label, LIFE_STAGE_LABELS } from '../labels.js';
import { EntryForm } from './EntryForm.js';

const useStyles = makeStyles({
  box: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, padding: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  item: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/**
 * The questions the meeting put to the signed-in person's agency ("Health: anything from the early
 * years?"), in the side panel: answered with an entry for that stage (the form opens with the stage
 * and agency filled in; saving it answers the question) or with "Nothing held". Shown only while
 * such a question is open; it follows the case's live events, so a question asked in the meeting
 * appears without a reload.
 */
export function QuestionsForMe({
  caseId,
  categories,
  mayAdd,
  onSaved,
}: {
  caseId: string;
  categories: TimelineCategory[];
  mayAdd: boolean;
  onSaved: (e: TimelineEntry) => void;
}) {
  const s = useStyles();
  const q = useLoad(() => get<TimelineQuestions>(`/cases/${caseId}/timeline/questions?status=open`), [caseId]);
  const [adding, setAdding] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<unknown>(null);
  useCaseEvents(caseId, (e) => {
    if (e.type === 'question.asked' || e.type === 'question.answered') q.reload();
  });
  const mine = (q.data?.items ?? []).filter((x) => x.mayAnswer && x.status === 'open');
  if (q.error) return <ErrorNotice error={q.error} onReload={q.reload} />;
  if (mine.length === 0) return said ? <p role="status">{said}</p> : null;

  const nothingHeld = async (x: TimelineQuestion) => {
    setError(null);
    try {
      await post(`/cases/${caseId}/timeline/questions/${x.id}/answer`, { outcome: 'nothing_held' }, etagOf(x.version));
      setSaid(`Answered “${x.wording}”: nothing held.`);
      q.reload();
    } catch (err) {
      setError(err);
      q.reload();
    }
  };
  const agency = label(AGENCY_LABELS, q.data!.agency);
  return (
    <section className={s.box} aria-labelledby="questions-for-me-h">
      <h2 id="questions-for-me-h" style={{ fontSize: '1rem', margin: 0 }}>
        Asked of {agency} ({mine.length})
      </h2>
      <p role="status">{said}</p>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <ul className={s.list} aria-label={`Questions for ${agency}`}>
        {mine.map((x) => (
          <li key={x.id} className={s.item} data-question-id={x.id}>
            <strong>{x.wording}</strong>
            <div>
              <small>
                {label(LIFE_STAGE_LABELS, x.lifeStage)} · asked by {x.askedByName}
              </small>
            </div>
            <div className={s.actions}>
              {mayAdd ? (
                <Button size="small" aria-expanded={adding === x.id} onClick={() => setAdding(adding === x.id ? null : x.id)}>
                  Add an entry for this stage
                </Button>
              ) : null}
              <Button size="small" onClick={() => void nothingHeld(x)}>
                Nothing held
              </Button>
            </div>
            {adding === x.id ? (
              <EntryForm
                compact
                caseId={caseId}
                categories={categories}
                myAgency={x.agency}
                prefill={{ precision: 'lifeStage', lifeStage: x.lifeStage, sourceAgency: x.agency }}
                onSaved={(e) => {
                  setAdding(null);
                  setSaid(`Added to ${label(LIFE_STAGE_LABELS, x.lifeStage)}: the question is answered.`);
                  onSaved(e);
                  q.reload();
                }}
                onCancel={() => setAdding(null)}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
