import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationCard } from '../../bot/cards/build.js';
import { type CardContext, caseListCard, errorCard, meetingEndedCard, meetingStartedCard, reviewReminderCard } from '../../bot/cards/cards.js';
import type { TEMPLATES } from '../../bot/cards/render.js';
import { type Card } from '../../bot/cards/render.js';
import { helpFor, myCases, sharedHelpFor } from '../../bot/commands.js';
import { tabLinks } from '../../bot/links.js';
import { principalOf } from '../../src/domain/staff.js';
import { referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { cardBytes, cardProblems, MAX_CARD_BYTES } from './cardValidation.js';
import { CHILD_NAME, caseWithMeeting, staff } from './fixtures.js';

const links = tabLinks({ teamsAppId: '8f3a1b2c-0000-4000-8000-000000000042', publicBaseUrl: 'https://ecm.example.org' });

/**
 * Every card the bot sends, made from a real case by the real builders, as a Teams client would
 * receive it: valid Adaptive Card 1.5, small, and naming the case by reference only.
 */
describe('the cards', () => {
  let t: TestServer;
  const cards = new Map<string, Card>();
  const childNames: string[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    const deps = t.system.deps;
    const ctx = (userId: string): CardContext => ({ userIds: [userId], links, today: '2026-11-27', now: '2026-11-27T10:00:00.000Z' });
    const as = (id: string) => principalOf(staff(id));
    const { caseId, meetingId, reference } = await caseWithMeeting(t);
    const amy = await t.signIn('yjs-amy');
    const fresh = await amy.post('/api/v1/cases', referral({ childName: 'Casey Fictional-Longname' }));

    cards.set(
      'invitation, partner before the terms',
      await notificationCard(deps, as('police-jo'), { kind: 'meeting.invitation', caseId, meetingId }, ctx('29:jo')),
    );
    cards.set(
      'team invitation, partner before the terms',
      await notificationCard(deps, as('police-jo'), { kind: 'team.invited', caseId, staffId: 'police-jo' }, ctx('29:jo')),
    );
    const jo = await t.signIn('police-jo');
    await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' });
    cards.set(
      'invitation, partner after the terms',
      await notificationCard(deps, as('police-jo'), { kind: 'meeting.invitation', caseId, meetingId }, ctx('29:jo')),
    );
    // The terms changed after Jo accepted them: she is asked again, with no invitation to lapse.
    await deps.store.transaction(async (tx) => tx.team.upsert({ ...(await tx.team.get(caseId, 'police-jo'))!, termsVersion: '2020-1' }));
    cards.set(
      'invitation, partner whose terms changed',
      await notificationCard(deps, as('police-jo'), { kind: 'meeting.invitation', caseId, meetingId }, ctx('29:jo')),
    );
    cards.set(
      'team invitation, partner whose terms changed',
      await notificationCard(deps, as('police-jo'), { kind: 'team.invited', caseId, staffId: 'police-jo' }, ctx('29:jo')),
    );
    cards.set('invitation, case holder', await notificationCard(deps, as('yjs-amy'), { kind: 'meeting.invitation', caseId, meetingId }, ctx('29:amy')));
    cards.set(
      'agreement prompt, nothing recorded',
      await notificationCard(deps, as('yjs-amy'), { kind: 'agreement.prompt', caseId: fresh.body.id }, ctx('29:amy')),
    );
    cards.set('agreement prompt, both agreed', await notificationCard(deps, as('yjs-amy'), { kind: 'agreement.prompt', caseId }, ctx('29:amy')));
    cards.set(
      'review reminder, due soon',
      await notificationCard(deps, as('ecm-sam'), { kind: 'review.reminder', caseId, dueDate: '2026-12-10', overdue: false }, ctx('29:sam')),
    );
    cards.set('review reminder, overdue', reviewReminderCard({ caseId, reference: 'BRI-2026-0001', dueDate: '2026-11-01', overdue: true }, links));
    cards.set(
      'action due',
      await notificationCard(deps, as('yjs-amy'), { kind: 'action.due', caseId, actionId: 'a1', sequence: 3, dueBy: '2026-12-18' }, ctx('29:amy')),
    );
    cards.set(
      'a question for the agency',
      await notificationCard(
        deps,
        as('yjs-amy'),
        { kind: 'question.asked', caseId, questionId: 'q1', lifeStage: 'early_years', agency: 'youth_justice' },
        ctx('29:amy'),
      ),
    );
    cards.set('transition plan due', await notificationCard(deps, as('yjs-amy'), { kind: 'transition.due', caseId }, ctx('29:amy')));
    cards.set(
      'formulation approved',
      await notificationCard(deps, as('yjs-amy'), { kind: 'formulation.approved', caseId, formulationNumber: 2 }, ctx('29:amy')),
    );
    const inChat = { caseId, reference, meetingId, kind: 'formulation' as const, outcomeRecorded: false };
    cards.set('meeting started, in its chat', meetingStartedCard(inChat, links));
    cards.set('meeting ended, in its chat', meetingEndedCard(inChat, links));
    cards.set('consultation ended, in its chat', meetingEndedCard({ ...inChat, kind: 'consultation' }, links));
    cards.set('my cases', await myCases(deps, as('yjs-amy'), links));
    cards.set('my cases, none', await myCases(deps, as('yjs-lee'), links));
    cards.set(
      'a long case list',
      caseListCard(
        'Your cases',
        'none',
        Array.from({ length: 60 }, (_, i) => ({
          caseId,
          reference: `BRI-2026-${String(i).padStart(4, '0')}`,
          dates: 'referred 2026-11-01, review due 2027-01-24',
        })),
        links,
      ),
    );
    cards.set('help', helpFor(links));
    cards.set('welcome', helpFor(links, 'Welcome to ECM for Teams, Amy Clarke'));
    cards.set('help in a shared chat', sharedHelpFor(links));
    cards.set(
      'error with a way back',
      errorCard('This invitation has expired; ask the ECM team to invite you again.', { verb: 'invitation.show', data: { caseId, meetingId } }),
    );
    childNames.push(CHILD_NAME, 'Casey Fictional-Longname', 'Casey', 'Fictional-Longname');
  });
  afterAll(() => t?.close());

  it('covers every template', () => {
    const used = new Set([...cards.values()].map((c) => JSON.stringify(c)));
    expect(used.size).toBe(cards.size);
    // Each template is exercised by at least one realistic card above.
    const marks: Record<(typeof TEMPLATES)[number], string> = {
      invitation: 'invitation.show',
      agreementPrompt: 'agreement.show',
      teamInvited: 'team.show',
      reviewReminder: 'Schedule the review',
      actionDue: 'Open the plan',
      transitionDue: 'Write the transition plan',
      questionAsked: 'Answer on the timeline',
      formulationApproved: 'Read the formulation',
      meetingStarted: 'Open the timeline',
      meetingEnded: 'Record the outcome',
      caseList: 'Your cases',
      help: 'Open ECM for Teams',
      error: 'That did not work',
    };
    for (const [template, mark] of Object.entries(marks))
      expect(
        [...used].some((json) => json.includes(mark)),
        template,
      ).toBe(true);
  });

  it('parses and validates as Adaptive Card 1.5 with no errors', () => {
    for (const [name, card] of cards) expect(cardProblems(card), name).toEqual([]);
  });

  it('stays under 28 KB', () => {
    for (const [name, card] of cards) expect(cardBytes(card), name).toBeLessThan(MAX_CARD_BYTES);
  });

  it('never names a child, nor shows a date of birth', () => {
    for (const [name, card] of cards) {
      const json = JSON.stringify(card);
      for (const child of childNames) expect(json, name).not.toContain(child);
      expect(json, name).not.toContain(referral().childDateOfBirth);
    }
  });

  it('names the case by its reference and carries no unexpanded template text', () => {
    for (const [name, card] of cards) {
      const json = JSON.stringify(card);
      if (!['help', 'welcome', 'help in a shared chat', 'my cases, none', 'error with a way back'].includes(name)) expect(json, name).toMatch(/BRI-2026-\d{4}/);
      expect(json, name).not.toMatch(/\$\{/);
    }
  });

  it('ask a partner whose terms changed to accept the new ones, with no invitation date to lapse', () => {
    for (const name of ['invitation, partner whose terms changed', 'team invitation, partner whose terms changed']) {
      const text = JSON.stringify(cards.get(name));
      expect(text, name).toContain('The terms have changed since you accepted them');
      expect(text, name).not.toContain('open until');
    }
    expect(JSON.stringify(cards.get('invitation, partner before the terms'))).toContain('open until');
  });

  it('the validator refuses what a 1.5 client cannot show', () => {
    const carousel = { type: 'Carousel', pages: [{ type: 'CarouselPage', items: [{ type: 'TextBlock', text: 'x' }] }] };
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [carousel] })).toEqual([expect.stringContaining('Unknown element type "Carousel"')]);
    expect(
      cardProblems({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          { type: 'Input.Text', id: 'a' },
          { type: 'Input.Text', id: 'a' },
        ],
      }),
    ).toEqual([expect.stringContaining('Duplicate Id')]);
  });
});
