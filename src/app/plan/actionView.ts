import type { PlanActionView } from '../../contract/views.js';
import { type Case, isOpenForWork } from '../../domain/case.js';
import { isOverdue, ownsAction, type PlanAction } from '../../domain/planAction.js';
import type { Principal } from '../../domain/staff.js';
import type { TeamMember } from '../../domain/team.js';
import { canOnEntry } from '../access.js';

/** An action as one reader sees it: whether it is overdue, and whether they may change it. */
export const actionView = (a: PlanAction, person: Principal, c: Case, membership: TeamMember | null, today: string): PlanActionView => ({
  ...a,
  overdue: isOverdue(a, today),
  mayUpdate: isOpenForWork(c) && canOnEntry(person, 'action.update', c, membership, ownsAction(a, person.staffId)),
});
