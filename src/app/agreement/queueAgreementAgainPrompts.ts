import { agreementNeeds } from '../../domain/agreementRules.js';
import { type Case, isIdentified } from '../../domain/case.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { scanCases } from '../scanCases.js';
import type { Work } from '../unitOfWork.js';
import { childOnTheDay } from './whoMustAgree.js';

/**
 * Prompts the case holder, through the bot's agreement card, when a young person who agreed before
 * their 16th or 18th birthday has since had it: their own agreement is asked for again. The card
 * names the case by reference only. The outbox's dedupe key is the case and the birthday, so the
 * prompt goes once per birthday however often, and on however many instances, the scan runs.
 * Returns how many prompts were queued.
 */
export async function queueAgreementAgainPrompts(deps: AppDeps): Promise<number> {
  const today = todayIn(deps.clock);
  return scanCases(deps, ['awaiting_agreement', 'active'], async (w, c) => ((await promptAbout(w, c, today)) ? 1 : 0));
}

async function promptAbout(w: Work, c: Case, today: string): Promise<boolean> {
  const service = await w.tx.services.get(c.serviceId);
  // A consultation on initials and age has no birthday to count, and no one asked to take part.
  if (!service || !isIdentified(c)) return false;
  const { askAgain } = agreementNeeds(await w.tx.agreements.listForCase(c.id), childOnTheDay(c, service.settings, today));
  if (!askAgain) return false;
  // A young person turns 16 and 18 once each: the case and the birthday's name make the prompt once.
  const fresh = await queueNotification(w, c.caseHolderId, { kind: 'agreement.prompt', caseId: c.id }, `agreement-again:${c.id}:${askAgain}`, c.serviceId);
  if (!fresh) return false;
  await w.audit({
    action: 'agreement.again.queued',
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, askAgain, recipient: c.caseHolderId },
  });
  return true;
}
