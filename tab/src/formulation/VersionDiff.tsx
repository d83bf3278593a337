import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { get } from '../api/client.js';
import type { FormulationContent, FormulationRecord, FormulationRevision } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { formatDateTime } from '../labels.js';
import { diffFormulations } from './diff.js';

const useStyles = makeStyles({
  pickers: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  del: { textDecorationLine: 'line-through', backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorNeutralForeground1 },
  ins: { textDecorationLine: 'underline', backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorNeutralForeground1 },
  text: { whiteSpace: 'pre-wrap' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

interface Snapshot {
  key: string;
  label: string;
  content: FormulationContent;
}

/** Every saved state of every version; pick two and see what changed in words, section by section. */
export function VersionDiff({ caseId, record, describeEvidence }: { caseId: string; record: FormulationRecord; describeEvidence: (ids: string[]) => string }) {
  const s = useStyles();
  const snapshots = useLoad(async () => {
    const all: Snapshot[] = [];
    for (const v of record.versions) {
      const { items } = await get<{ items: FormulationRevision[] }>(`/cases/${caseId}/formulation/versions/${v.number}/revisions`);
      for (const r of items)
        all.push({
          key: `${r.number}.${r.version}`,
          label: `Version ${r.number}, save ${r.version} (${r.status}) — ${r.savedByName}, ${formatDateTime(r.savedAt)}`,
          content: r.content,
        });
    }
    return all;
  }, [caseId, record.current.version, record.versions.length]);
  const list = snapshots.data ?? [];
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('');
  const fromKey = from || list[Math.max(0, list.length - 2)]?.key || '';
  const toKey = to || list[list.length - 1]?.key || '';
  const diff = useMemo(() => {
    const a = list.find((x) => x.key === fromKey);
    const b = list.find((x) => x.key === toKey);
    return a && b ? diffFormulations(a.content, b.content, describeEvidence) : [];
  }, [list, fromKey, toKey, describeEvidence]);

  return (
    <section aria-labelledby="diff-h">
      <h3 id="diff-h">Compare versions</h3>
      <ErrorNotice error={snapshots.error} />
      <div className={s.pickers}>
        {[
          ['Earlier', fromKey, setFrom],
          ['Later', toKey, setTo],
        ].map(([label, value, setter]) => (
          <Field key={label as string} label={label as string}>
            <Select value={value as string} onChange={(_, d) => (setter as (v: string) => void)(d.value)}>
              {list.map((x) => (
                <option key={x.key} value={x.key}>
                  {x.label}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {diff.filter((d) => d.changed).length === 0 ? <p>No differences between these two.</p> : null}
      {diff
        .filter((d) => d.changed)
        .map((d) => (
          <div key={d.title}>
            <h4>{d.title}</h4>
            <p className={s.text}>
              {d.pieces.map((p, i) =>
                p.kind === 'same' ? (
                  <span key={i}>{p.text}</span>
                ) : p.kind === 'removed' ? (
                  <del key={i} className={s.del}>
                    <span className={s.hidden}>[removed: </span>
                    {p.text}
                    <span className={s.hidden}>]</span>
                  </del>
                ) : (
                  <ins key={i} className={s.ins}>
                    <span className={s.hidden}>[added: </span>
                    {p.text}
                    <span className={s.hidden}>]</span>
                  </ins>
                ),
              )}
            </p>
          </div>
        ))}
    </section>
  );
}
