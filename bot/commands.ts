import type { AppDeps } from '../src/app/deps.js';
import { listCaseload } from '../src/app/case/listCaseload.js';
import { listReviewsDue } from '../src/app/meetings/listReviewsDue.js';
import { listMyActions } from '../src/app/plan/listMyActions.js';
import { ACTION_STATUS_LABELS } from '../src/contract/words.js';
import { type Principal } from '../src/domain/staff.js';
import { caseListCard, type CaseListItem, type CommandHelp, helpCard } from './cards/cards.js';
import type { Card } from './cards/render.js';
import type { TabLinks } from './links.js';

/** What a person can type to the bot. Answers name cases by reference and dates only. */
export const COMMANDS: CommandHelp[] = [
  { name: 'my cases', description: 'the open cases you can see, with their review dates' },
  { name: 'my actions', description: 'the actions of the plan you own, with their dates' },
  { name: 'reviews due', description: 'reviews due in the next two weeks, and overdue ones' },
  { name: 'help', description: 'what I can do' },
];

const INTRO =
  'I send you meeting invitations, agreement prompts, review reminders, reminders of your actions when they fall due, and reminders to plan the move to adult services for Enhanced Case Management, and you can answer them here. Type one of these:';

export type CommandName = 'help' | 'my cases' | 'my actions' | 'reviews due';

/** The command a message asks for, ignoring @mentions, case and punctuation; null when it is none of them. */
export function commandOf(text: string): CommandName | null {
  const words = text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === 'help' || words === '' || words === 'hi' || words === 'hello') return 'help';
  if (words === 'my cases' || words === 'cases' || words === 'caseload' || words === 'my caseload') return 'my cases';
  if (words === 'my actions' || words === 'actions' || words === 'my plan') return 'my actions';
  if (words === 'reviews due' || words === 'reviews' || words === 'due reviews') return 'reviews due';
  return null;
}

export const helpFor = (links: TabLinks, greeting = 'ECM for Teams'): Card => helpCard(greeting, INTRO, COMMANDS, links);

/** Help where others read along (a group chat, a meeting chat, a channel): only what is safe to answer there. */
const SHARED_INTRO =
  'In this chat I answer **help**. I send meeting invitations, agreement prompts, review, action and transition reminders to each person in their own chat with me, naming cases by reference only; ask me there for your cases, your actions and the reviews due.';

export const sharedHelpFor = (links: TabLinks): Card =>
  helpCard(
    'ECM for Teams',
    SHARED_INTRO,
    COMMANDS.filter((c) => c.name === 'help'),
    links,
  );

/** The first page of a caseload is plenty for a chat answer; the tab has the rest. */
const CASELOAD_PAGE = 50;

export async function myCases(deps: AppDeps, person: Principal, links: TabLinks): Promise<Card> {
  const page = await listCaseload(deps, person, { status: 'referred,awaiting_agreement,active', limit: String(CASELOAD_PAGE) });
  const items: CaseListItem[] = page.items.map((c) => ({
    caseId: c.id,
    reference: c.reference,
    dates: [c.referredAt ? `referred ${c.referredAt.slice(0, 10)}` : null, c.review ? `review due ${c.review.nextReviewDue}` : null].filter(Boolean).join(', '),
    urgent: c.review?.state === 'overdue',
  }));
  return caseListCard('Your cases', 'You have no open cases.', items, links);
}

export async function reviewsDue(deps: AppDeps, person: Principal, links: TabLinks): Promise<Card> {
  const due = await listReviewsDue(deps, person);
  const items: CaseListItem[] = due.map((d) => ({
    caseId: d.caseId,
    reference: d.reference,
    dates: d.review.state === 'overdue' ? `overdue since ${d.review.overdueFrom} (due ${d.review.nextReviewDue})` : `due ${d.review.nextReviewDue}`,
    urgent: d.review.state === 'overdue',
  }));
  return caseListCard('Reviews due', 'No reviews are due in the next two weeks.', items, links);
}

/**
 * The unfinished actions a person owns, soonest first. An action's wording may name the child, so
 * the answer gives only the case reference, its place in the plan, its date and how it stands.
 */
export async function myActions(deps: AppDeps, person: Principal, links: TabLinks): Promise<Card> {
  const mine = (await listMyActions(deps, person)).filter((a) => a.status === 'planned' || a.status === 'under_way');
  const items: CaseListItem[] = mine.map((a) => ({
    caseId: a.caseId,
    reference: a.reference,
    dates: [
      `action ${a.sequence} of the plan`,
      a.dueBy ? `${a.overdue ? 'overdue since' : 'due'} ${a.dueBy}` : 'no date yet',
      ACTION_STATUS_LABELS[a.status].toLowerCase(),
    ].join(', '),
    urgent: a.overdue,
    url: links.actions(a.caseId),
  }));
  return caseListCard('Your actions', 'You have no actions to do.', items, links);
}
