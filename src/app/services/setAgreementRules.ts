import { type AgreementRule, agreementRuleFor, agreementRuleOverridesSchema, AGE_BANDS } from '../../domain/agreementRules.js';
import { LEGAL_STATUSES } from '../../domain/legalStatus.js';
import { type ServiceSettings, serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

export interface AgreementRulesView {
  /** Every row as the service applies it: its own where it has one, else the default. */
  rules: AgreementRule[];
  /** The rows the service has changed. */
  ownRows: AgreementRule[];
}

const viewOf = (settings: ServiceSettings): AgreementRulesView => {
  const own = settings.agreementRules ?? [];
  return { rules: AGE_BANDS.flatMap((band) => LEGAL_STATUSES.map((status) => agreementRuleFor(band, status, own))), ownRows: own };
};

/** Who must agree, by age and legal status, as this service applies it; anyone who works in it may read it. */
export async function showAgreementRules(deps: AppDeps, person: Principal, serviceId: string): Promise<AgreementRulesView> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'service.read', id);
    return viewOf((await serviceOf(w.tx, id)).settings);
  });
}

/**
 * An administrator replaces the service's own rows (an empty list: the defaults throughout). Cases
 * keep their status until the next decision is recorded; the dashboard shows who is now awaited.
 */
export async function setAgreementRules(deps: AppDeps, person: Principal, serviceId: string, input: unknown): Promise<AgreementRulesView> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const ownRows = parseInput(agreementRuleOverridesSchema, input, 'The agreement rules') as AgreementRule[];
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'service.configure', id);
    const service = await serviceOf(w.tx, id);
    const settings = { ...service.settings, agreementRules: ownRows };
    await w.tx.services.updateSettings(id, settings);
    await w.audit({
      action: 'service.agreement_rules.changed',
      caseId: null,
      serviceId: id,
      detail: { rows: ownRows.map((r) => `${r.ageBand}/${r.legalStatus}`) },
    });
    return viewOf(settings);
  });
}
