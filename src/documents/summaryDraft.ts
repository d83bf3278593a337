import type { IdentifiedCase } from '../domain/case.js';
import type { Formulation, HypothesisDomain } from '../domain/formulation.js';
import type { ActionOwner, PlanAction } from '../domain/planAction.js';
import { type ServiceSettings, trmLabel } from '../domain/service.js';
import type { SummaryKind, SummarySections } from '../domain/summary.js';
import type { TeamMember } from '../domain/team.js';
import { inPlacementOrder, type TrmPlacement } from '../domain/trm.js';
import { AGENCY_LABELS, CASE_ROLE_LABELS } from '../contract/words.js';
import { formatDate, withoutChildName } from './wording.js';

/**
 * The first wording of a summary, made from the approved formulation and the plan so that nobody
 * types the case twice. It is only a start: the psychologist rewrites it for its reader and
 * approves it. Every text taken from the record says "the young person", never the child's name.
 */
export interface SummarySource {
  case: Pick<IdentifiedCase, 'childName' | 'childDateOfBirth' | 'referredAt'>;
  service: { name: string; settings: ServiceSettings };
  formulation: Formulation;
  actions: PlanAction[];
  team: TeamMember[];
  placements: TrmPlacement[];
}

const ownerWords = (o: ActionOwner) => (o.kind === 'person' ? `${o.name} (${AGENCY_LABELS[o.agency]})` : AGENCY_LABELS[o.agency]);
const lines = (items: string[]) => items.join('\n');
const open = (a: PlanAction) => a.status === 'planned' || a.status === 'under_way';

export function draftSummary(kind: SummaryKind, s: SummarySource): SummarySections {
  const plain = (t: string) => withoutChildName(t, s.case.childName, s.case.childDateOfBirth).trim();
  const f = s.formulation;
  const actions = s.actions.filter(open).sort((a, b) => a.sequence - b.sequence);
  const current = inPlacementOrder(s.placements).at(-1);
  const level = current ? `level ${current.level} (${trmLabel(s.service.settings, current.level)})` : null;
  const hypotheses = (domain: HypothesisDomain) => f.content.hypotheses.filter((h) => h.domain === domain).map((h) => `• ${plain(h.text)}`);

  if (kind === 'court') {
    const forChild = actions.filter((a) => a.owner.agency === 'young_person_or_family');
    const forAdults = actions.filter((a) => a.owner.agency !== 'young_person_or_family');
    const relational = actions.filter((a) => a.relationshipBased);
    return {
      inEcm: lines([
        `The young person was referred to Enhanced Case Management (ECM) with ${s.service.name} on ${formatDate(s.case.referredAt.slice(0, 10))}.`,
        f.approvedAt
          ? `The team’s shared understanding of their needs (version ${f.number}) was approved by a clinical psychologist on ${formatDate(f.approvedAt.slice(0, 10))}.`
          : '',
      ]).trim(),
      plan: lines(actions.map((a, i) => `${i + 1}. ${plain(a.text)}${a.dueBy ? ` (by ${formatDate(a.dueBy)})` : ''}`)),
      askedOfChild: forChild.length
        ? lines(forChild.map((a) => `• ${plain(a.text)}`))
        : 'To keep to the times and places agreed with their worker, and to say when something is not working for them.',
      askedOfAdults: lines(forAdults.map((a) => `• ${ownerWords(a.owner)}: ${plain(a.text)}`)),
      relationshipsFirst: lines([
        'Young people who have lived through harm and loss first need a safe base and an adult they can trust; only then can they make use of help to change what they do. The plan therefore starts with steady relationships and routine, and builds from there.',
        level ? `The team currently places the young person at ${level} of the Trauma Recovery Model.` : '',
        ...(relational.length ? ['Relationship-based work in the plan:', ...relational.map((a) => `• ${plain(a.text)}`)] : []),
      ])
        .replace(/\n{2,}/g, '\n')
        .trim(),
    };
  }

  const relational = f.content.recommendations.filter((r) => r.relationshipBased).map((r) => `• ${plain(r.text)}`);
  const trusted = s.team.filter((m) => m.caseRole !== 'manager' && m.caseRole !== 'psychologist');
  return {
    found: lines([
      plain(f.content.summary),
      ...(f.content.hypotheses.length ? ['', 'What the team understood:', ...f.content.hypotheses.map((h) => `• ${plain(h.text)}`)] : []),
    ]).trim(),
    whatWorks: lines([plain(f.content.strengths), ...(relational.length ? ['', ...relational] : [])]).trim(),
    triggers: lines([...hypotheses('triggers'), ...(f.content.fivePs.precipitating.trim() ? [plain(f.content.fivePs.precipitating)] : [])]),
    trustedAdults: lines(trusted.map((m) => `• ${m.name}: ${AGENCY_LABELS[m.agency]}, ${CASE_ROLE_LABELS[m.caseRole].toLowerCase()}`)),
    avoid: plain(f.content.fivePs.perpetuating),
  };
}
