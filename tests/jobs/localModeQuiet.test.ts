import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { activeCase } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

type Line = { level: string; message: string; recipient?: string };

/**
 * A fresh local-mode run: nobody has opened the bot in the Agents Playground yet, so no Teams
 * message can be delivered. That is said once at start, and once per person, not once per message.
 */
describe('local mode is quiet and tells the truth', () => {
  let t: TestServer;
  const lines: Line[] = [];
  beforeAll(async () => {
    t = await startTestServer({ env: { ECM_MODE: 'local' }, overrides: { logger: createLogger('info', (line) => lines.push(JSON.parse(line) as Line)) } });
  });
  afterAll(() => t.close());

  it('says once at start that Teams messages wait for the Playground', () => {
    expect(lines.filter((l) => /Agents Playground/.test(l.message))).toHaveLength(1);
  });

  it('several actions log no delivery warning per action, and each unreachable person once', async () => {
    const amy = await t.signIn('yjs-amy');
    const sam = await t.signIn('ecm-sam');
    for (let i = 0; i < 2; i++) {
      const caseId = await activeCase(amy);
      await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
      await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
      const meeting = {
        kind: 'formulation',
        startsAt: '2026-12-08T10:00:00Z',
        endsAt: '2026-12-08T12:00:00Z',
        attendeeIds: ['yjs-amy', 'police-jo', 'ecm-sam'],
      };
      expect((await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting)).status).toBe(201);
      await drainOutbox(t.system);
    }
    const afterStart = lines.filter((l) => !/Agents Playground|running|demo data|services set up/.test(l.message));
    expect(afterStart.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
    expect(afterStart.filter((l) => /outbox delivery failed/.test(l.message))).toEqual([]);
    const unreachable = afterStart.filter((l) => /cannot be reached/.test(l.message)).map((l) => l.recipient);
    expect(unreachable.length).toBeGreaterThan(0);
    expect(new Set(unreachable).size).toBe(unreachable.length);
  });
});
