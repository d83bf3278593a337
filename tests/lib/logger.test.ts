import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../src/lib/logger.js';
import { everyCaseEvent } from '../support/everyCaseEvent.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

describe('the log', () => {
  it('is one JSON object a line, at the level asked for and above', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.debug('not shown');
    log.info('outbox delivery failed', { job: 'j1', attempts: 2, permanent: false });
    log.error('a case watcher failed', { error: 'Error: boom' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'info', message: 'outbox delivery failed', job: 'j1', attempts: 2, permanent: false }),
      expect.objectContaining({ level: 'error', message: 'a case watcher failed', error: 'Error: boom' }),
    ]);
    expect(lines.every((l) => !l.includes('\n') && typeof JSON.parse(l).time === 'string')).toBe(true);
  });

  it('never carries a child’s name, a record’s text or a token, even when code hands them over', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (line) => lines.push(line));
    log.warn('careless', {
      childName: 'Jordan Test',
      childDateOfBirth: '2011-05-14',
      description: 'Moved primary school after the family was rehoused.',
      token: 'eyJhbGciOi.secret.token',
      authorization: 'Bearer eyJhbGciOi.secret.token',
      reference: 'BRI-2026-0042',
    });
    const [line] = lines.map((l) => JSON.parse(l));
    expect(line).toMatchObject({ childName: REDACTED, childDateOfBirth: REDACTED, description: REDACTED, token: REDACTED, authorization: REDACTED });
    expect(line.reference).toBe('BRI-2026-0042');
    expect(lines.join()).not.toMatch(/Jordan|2011-05-14|rehoused|eyJhbGciOi/);
  });
});

describe('what the running system logs while a case goes through every kind of change', () => {
  let t: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer({ overrides: { logger: createLogger('debug', (line) => lines.push(line)) } });
  });
  afterAll(() => t.close());

  it('names no child, quotes no record and holds no token', async () => {
    const amy = await t.signIn('yjs-amy');
    await everyCaseEvent(t, async () => {});
    // Bad input, a refusal and a 404 are logged too.
    await amy.post('/api/v1/cases', { childName: 'Jordan Test', childDateOfBirth: 'not a date' });
    await (await t.signIn('police-jo')).get('/api/v1/cases');
    await amy.get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    // The partner invited cannot be reached by the bot: the outbox says so in the log.
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(all).not.toContain('Jordan');
    expect(all).not.toContain('2011-05-14');
    expect(all).not.toMatch(/rehoused|art prize|trusted relationship|Trust in adults/);
    expect(all).not.toContain(amy.token);
  });
});
