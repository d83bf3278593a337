import { EXPORT_COLUMNS, exportRows } from '../../domain/evaluation.js';
import { toCsv } from '../../domain/outcomes.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { evaluationRecords } from './evaluationRecords.js';
import { pseudonymKey, pseudonymOf } from './pseudonym.js';

export interface EvaluationExport {
  fileName: string;
  csv: string;
  rows: number;
}

/**
 * The ECM team's pseudonymised outcome file, across every service it serves: a pseudonym per child,
 * an age band, months and codes; no name, date of birth, case reference or typed text. Audited in
 * each service's trail.
 */
export async function exportEvaluation(deps: AppDeps, person: Principal): Promise<EvaluationExport> {
  return inTransaction(deps, person, async (w) => {
    const today = todayIn(deps.clock);
    const key = await pseudonymKey(deps, w);
    const { records } = await evaluationRecords(w, person, 'evaluation.export');
    const rows = records.flatMap((r) => exportRows(r, pseudonymOf(key, r.case.id), today));
    return { fileName: `ecm-evaluation_${today}.csv`, csv: toCsv(EXPORT_COLUMNS, rows), rows: rows.length };
  });
}
