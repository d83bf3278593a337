import { describe, expect, it } from 'vitest';
import { accessFromClaims } from '../../../src/adapters/m365/entraIdentity.js';

const GROUP_MANAGERS = '7b0f3c52-1111-4a4a-9a9a-000000000001';
const GROUP_BRISTOL = '7b0f3c52-1111-4a4a-9a9a-000000000002';

describe('what an Entra token grants', () => {
  it('maps app roles to the role and services of the design', () => {
    expect(accessFromClaims({ roles: ['YJS.Manager', 'Service.BRI'] }, {})).toEqual({ role: 'manager', serviceIds: ['BRI'] });
  });

  it('lets configured groups stand in for app roles', () => {
    const map = { [GROUP_MANAGERS]: 'manager', [GROUP_BRISTOL]: 'service:BRI' };
    expect(accessFromClaims({ groups: [GROUP_MANAGERS, GROUP_BRISTOL, 'unmapped'] }, map)).toEqual({ role: 'manager', serviceIds: ['BRI'] });
  });

  it('picks the most clinical role when someone holds several', () => {
    expect(accessFromClaims({ roles: ['ECM.Administrator', 'ECM.Practitioner', 'Service.NSO'] }, {}).role).toBe('ecm_practitioner');
  });

  it('gives partners and administrators no service, whatever the token says', () => {
    expect(accessFromClaims({ roles: ['ECM.Partner', 'Service.BRI'] }, {})).toEqual({ role: 'partner', serviceIds: [] });
    expect(accessFromClaims({ roles: ['ECM.Administrator', 'Service.BRI'] }, {})).toEqual({ role: 'administrator', serviceIds: [] });
  });

  it('grants nothing for unknown roles', () => {
    expect(accessFromClaims({ roles: ['Reader', 'Service.bristol'] }, {})).toEqual({ role: null, serviceIds: [] });
  });
});
