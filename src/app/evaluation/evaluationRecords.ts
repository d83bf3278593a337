import type { AuditDetail } from '../../domain/audit.js';
import type { EvaluationRecord } from '../../domain/evaluation.js';
import type { ServiceAction } from '../../domain/policy.js';
import type { Service } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { assertRoleAllowed } from '../access.js';
import { casesOfService } from '../oversight/exportOutcomes.js';
import type { Work } from '../unitOfWork.js';

export interface EvaluationScope {
  services: Service[];
  /** In order of service, then referral. */
  records: EvaluationRecord[];
}

/**
 * Every case of every service the person serves, with what the evaluation reads of it. The ECM
 * team works across the services, so the evaluation does too; each service it covers is audited.
 */
export async function evaluationRecords(w: Work, person: Principal, action: ServiceAction, detail: AuditDetail = {}): Promise<EvaluationScope> {
  assertRoleAllowed(person, action);
  const services = (await w.tx.services.list()).filter((s) => person.serviceIds.includes(s.id)).sort((a, b) => a.id.localeCompare(b.id));
  const records: EvaluationRecord[] = [];
  for (const service of services) {
    const cases = (await casesOfService(w.tx, service.id)).sort((a, b) => a.referredAt.localeCompare(b.referredAt) || a.id.localeCompare(b.id));
    for (const c of cases) {
      const [agreements, meetings, placements] = await Promise.all([w.tx.agreements.listForCase(c.id), w.tx.meetings.list(c.id), w.tx.trm.list(c.id)]);
      records.push({ case: c, agreements, meetings, placements });
    }
    const rows = records.filter((r) => r.case.serviceId === service.id).length;
    await w.audit({
      action: action === 'evaluation.export' ? 'evaluation.exported' : 'evaluation.read',
      caseId: null,
      serviceId: service.id,
      detail: { cases: rows, ...detail },
    });
  }
  return { services, records };
}
