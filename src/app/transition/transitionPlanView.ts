import type { TransitionPlanView } from '../../contract/views.js';
import type { Case } from '../../domain/case.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Principal } from '../../domain/staff.js';
import type { TeamMember } from '../../domain/team.js';
import { type TransitionPlan, transitionDue } from '../../domain/transitionPlan.js';
import { turnsEighteenSoon } from '../../domain/turningEighteen.js';
import { can } from '../access.js';

/** The plan as the reader sees it, with whether it is due and whether they may write it. */
export function transitionPlanView(c: Case, plan: TransitionPlan | null, person: Principal, membership: TeamMember | null, today: IsoDate): TransitionPlanView {
  const open = c.status !== 'closed';
  // A consultation held on initials and age has no date of birth: nothing is due yet.
  const birth = open ? c.childDateOfBirth : null;
  return {
    caseId: c.id,
    reference: c.reference,
    due: birth !== null && transitionDue(birth, today),
    turnsEighteenOn: birth !== null ? turnsEighteenSoon(birth, today) : null,
    plan,
    mayWrite: open && can(person, 'transition.write', c, membership),
    version: plan?.version ?? 0,
  };
}
