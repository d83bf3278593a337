import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/app/oversight/verifyAuditTrail.js';
import { activeCase, entry } from '../support/factories.js';
import { auditTrail, type Api, startTestServer, type TestServer } from '../support/testSystem.js';

describe('the audit trail', () => {
  let t: TestServer;
  let amy: Api;
  let caseId: string;
  const trail = () => auditTrail(t);

  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    caseId = await activeCase(amy);
  });
  afterAll(() => t.close());

  it('records every read and every change of case data, by whom', async () => {
    const onCase = async () => (await trail()).filter((e) => e.caseId === caseId).sort((a, b) => a.seq - b.seq);
    const before = (await onCase()).length;
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry());
    await amy.get(`/api/v1/cases/${caseId}/timeline`);
    await amy.get(`/api/v1/cases/${caseId}`);
    const added = (await onCase()).slice(before);
    expect(added.map((e) => [e.actorId, e.action, e.caseId])).toEqual([
      ['yjs-amy', 'timeline.entry.added', caseId],
      ['yjs-amy', 'timeline.read', caseId],
      ['yjs-amy', 'case.read', caseId],
    ]);
  });

  it('records refused attempts too', async () => {
    const dan = await t.signIn('yjs-dan');
    await dan.get(`/api/v1/cases/${caseId}/timeline`);
    const last = (await trail()).filter((e) => e.action === 'access.refused').at(-1)!;
    expect(last).toMatchObject({ actorId: 'yjs-dan', caseId, detail: { attempted: 'timeline.read', reason: 'not_found' } });
  });

  it('never holds the child’s name', async () => {
    expect(JSON.stringify(await trail())).not.toContain('Jordan');
  });

  it('verifies as intact after ordinary work', async () => {
    const reports = await verifyAuditTrail(t.system.deps.store);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.ok)).toBe(true);
  });
});
