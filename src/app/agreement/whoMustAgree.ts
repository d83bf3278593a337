import type { AgreementNeedsView } from '../../contract/views.js';
import type { Agreement } from '../../domain/agreement.js';
import { agreementNeeds, type ChildOnTheDay, whyMayNotDecide } from '../../domain/agreementRules.js';
import { PARTIES } from '../../domain/agreement.js';
import { birthOf, type Case } from '../../domain/case.js';
import type { IsoDate } from '../../domain/dates.js';
import type { ServiceSettings } from '../../domain/service.js';

/** The child as the agreement rules see them today: age, legal status and the service's own rows. */
export const childOnTheDay = (c: Case, settings: ServiceSettings, today: IsoDate): ChildOnTheDay => ({
  dateOfBirth: birthOf(c),
  legalStatus: c.legalStatus,
  today,
  overrides: settings.agreementRules ?? [],
});

/** Who must agree for this child today, who may also, and who is still to. */
export function whoMustAgree(c: Case, history: readonly Agreement[], settings: ServiceSettings, today: IsoDate): AgreementNeedsView {
  const child = childOnTheDay(c, settings, today);
  const n = agreementNeeds(history, child);
  return {
    ageBand: n.ageBand,
    legalStatus: c.legalStatus,
    needs: n.rule.needs,
    mayAlsoAgree: n.rule.mayAlsoAgree,
    family: n.rule.family,
    missing: n.missing,
    askAgain: n.askAgain,
    mayDecideNow: PARTIES.filter((p) => whyMayNotDecide(p, history, child) === null),
  };
}
