import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerServices } from '../../../src/app/services/registerServices.js';
import { setRetentionPolicy } from '../../../src/app/retention/setRetentionPolicy.js';
import { defaultSettings } from '../../../src/domain/service.js';
import { principal } from '../../support/caseSetup.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

/** A tenant's services come from its settings (ECM_SERVICES), not from the demo data. */
describe('setting up the services a deployment serves', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const service = (id: string) => t.system.deps.store.transaction((tx) => tx.services.get(id));
  const auditOf = async (serviceId: string) =>
    (await t.system.deps.store.transaction((tx) => tx.audit.read(serviceId, 0, 1000))).filter((e) => e.action.startsWith('service.'));

  it('a new service starts with the default settings, and its setting up is audited', async () => {
    expect(await registerServices(t.system.deps, { WSX: 'West Sussex Youth Justice Service' })).toEqual({ added: ['WSX'], renamed: [] });
    expect(await service('WSX')).toEqual({ id: 'WSX', name: 'West Sussex Youth Justice Service', settings: defaultSettings() });
    expect((await auditOf('WSX')).map((e) => [e.action, e.actorId])).toEqual([['service.registered', 'system']]);
  });

  it('a service already there takes its new name and keeps its own settings; a start with nothing new changes nothing', async () => {
    const admin = await principal(t.system.deps, 'admin-chris');
    await setRetentionPolicy(t.system.deps, admin, 'BRI', { statutoryYears: 12, consultationYears: 4 });
    expect(await registerServices(t.system.deps, { BRI: 'Bristol Youth Justice Service (city)' })).toEqual({ added: [], renamed: ['BRI'] });
    expect(await service('BRI')).toMatchObject({
      name: 'Bristol Youth Justice Service (city)',
      settings: { retention: { statutoryYears: 12, consultationYears: 4 } },
    });

    const before = (await auditOf('BRI')).length;
    expect(await registerServices(t.system.deps, { BRI: 'Bristol Youth Justice Service (city)' })).toEqual({ added: [], renamed: [] });
    expect(await auditOf('BRI')).toHaveLength(before);
  });
});
