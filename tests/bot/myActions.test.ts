import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { cardOf, chatAs, textOf } from './chat.js';
import { actionOwnedBy, CHILD_NAME, caseWithMeeting } from './fixtures.js';

describe('the bot answers "my actions"', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('lists the actions a person owns by case reference, place in the plan, date and status — never a name, never the wording', async () => {
    const { caseId, reference } = await caseWithMeeting(t);
    await actionOwnedBy(t, caseId, 'yjs-amy', '2026-12-18');
    const replies = await chatAs(t, 'yjs-amy').say('my actions');
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    const json = textOf(cardOf(replies[1]));
    expect(json).toContain('Your actions');
    expect(json).toContain(reference);
    expect(json).toContain('action 1 of the plan, due 2026-12-18, planned');
    expect(json).toContain(`#/cases/${caseId}/actions`);
    expect(json).not.toContain(CHILD_NAME);
    expect(json).not.toContain('key worker');
  });

  it('marks an overdue action, and says so plainly when there is nothing to do', async () => {
    t.clock.set('2027-01-05T09:00:00Z');
    try {
      const json = textOf(cardOf((await chatAs(t, 'yjs-amy').say('actions'))[1]));
      expect(json).toContain('overdue since 2026-12-18');
      expect(json).toContain('Attention');
      const none = textOf(cardOf((await chatAs(t, 'yjs-lee').say('my actions'))[1]));
      expect(none).toContain('You have no actions to do.');
    } finally {
      t.clock.set('2026-11-27T10:00:00.000Z');
    }
  });
});
