import { Field, Select } from '@fluentui/react-components';
import { loadCaseload } from '../caseload/Caseload.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';

/** Picks one of my cases by its reference; used where Teams has not said which case this is. */
export function CaseChooser({ value, onChange, label = 'Which case?' }: { value: string; onChange: (id: string, reference: string) => void; label?: string }) {
  const cases = useLoad(() => loadCaseload('', ''), []);
  return (
    <>
      <ErrorNotice error={cases.error} />
      <Field label={label}>
        <Select value={value} onChange={(_, d) => onChange(d.value, cases.data?.find((c) => c.id === d.value)?.reference ?? '')}>
          <option value="">Choose a case…</option>
          {cases.data
            ?.filter((c) => c.status !== 'closed')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.reference}
              </option>
            ))}
        </Select>
      </Field>
    </>
  );
}
