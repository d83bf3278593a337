import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementGiven, entry, referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

/** The foundation's "done when", through the real server: refer, agree, add entries, list, stream. */
describe('a case from referral to a live timeline', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("tells the tab the server's time and date, so that forms offer only dates the server accepts", async () => {
    const me = await (await t.signIn('yjs-amy')).get('/api/v1/me');
    expect(me.body.now).toBe(t.clock.now().toISOString());
    expect(me.body.today).toBe(t.clock.now().toISOString().slice(0, 10));
  });

  it('refers a case, records agreement and lists entries in life order with their stages', async () => {
    const amy = await t.signIn('yjs-amy');
    const referred = await amy.post('/api/v1/cases', referral());
    expect(referred.status).toBe(201);
    expect(referred.body.reference).toMatch(/^BRI-2026-\d{4}$/);
    expect(referred.body.status).toBe('referred');
    const id = referred.body.id;

    const blocked = await amy.post(`/api/v1/cases/${id}/timeline`, entry());
    expect(blocked.status).toBe(422);

    await amy.post(`/api/v1/cases/${id}/agreements`, agreementGiven('young_person'));
    const both = await amy.post(`/api/v1/cases/${id}/agreements`, agreementGiven('parent_carer'));
    expect(both.body.status).toBe('active');

    const added = [
      await amy.post(
        `/api/v1/cases/${id}/timeline`,
        entry({ when: { precision: 'age', age: 12 }, category: 'police_justice', sourceAgency: 'police', description: 'First arrest.' }),
      ),
      await amy.post(
        `/api/v1/cases/${id}/timeline`,
        entry({
          when: { precision: 'lifeStage', lifeStage: 'pregnancy' },
          category: 'pregnancy_birth',
          sourceAgency: 'health',
          description: 'Mother had little antenatal care.',
        }),
      ),
      await amy.post(
        `/api/v1/cases/${id}/timeline`,
        entry({ when: { precision: 'day', date: '2017-09-03' }, category: 'strengths_achievements', description: 'Won a school art prize.' }),
      ),
    ];
    expect(added.map((r) => r.status)).toEqual([201, 201, 201]);

    const listed = await amy.get(`/api/v1/cases/${id}/timeline`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { lifeStage: string }) => e.lifeStage)).toEqual(['pregnancy', 'primary', 'secondary']);
  });

  it('sends an event on the case stream for each entry added', async () => {
    const amy = await t.signIn('yjs-amy');
    const id = await activeCase(amy);
    const res = await amy.raw(`/api/v1/cases/${id}/events`, { headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const received: string[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      while (received.length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (const block of buffer.split('\n\n').slice(0, -1)) {
          const type = /^event: (.+)$/m.exec(block)?.[1];
          if (type === 'timeline.added') received.push(JSON.parse(/^data: (.+)$/m.exec(block)![1]!).data.description);
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
      }
    })();
    await amy.post(`/api/v1/cases/${id}/timeline`, entry({ description: 'First entry.' }));
    await amy.post(`/api/v1/cases/${id}/timeline`, entry({ description: 'Second entry.' }));
    await reading;
    await reader.cancel();
    expect(received).toEqual(['First entry.', 'Second entry.']);
  });

  it('a Bristol practitioner asking for a North Somerset case gets 404', async () => {
    const dan = await t.signIn('yjs-dan');
    const nso = await dan.post('/api/v1/cases', referral({ serviceId: 'NSO' }));
    expect(nso.status).toBe(201);
    const amy = await t.signIn('yjs-amy');
    const asked = await amy.get(`/api/v1/cases/${nso.body.id}`);
    expect(asked.status).toBe(404);
    expect(asked.body.error.code).toBe('not_found');
    const timeline = await amy.get(`/api/v1/cases/${nso.body.id}/timeline`);
    expect(timeline.status).toBe(404);
  });
});
