import { expect, it } from 'vitest';
import type { ContractContext } from '../store.contract.js';
import { aCase, member, service, staff, withServices } from './records.js';

export function caseContract({ store }: ContractContext): void {
  it('keeps services and their settings, listed by name', async () => {
    await store().transaction(async (tx) => {
      await tx.services.upsert(service('NSO', 'North Somerset'));
      await tx.services.upsert(service('BRI', 'Bristol'));
      await tx.services.upsert({ ...service('BRI', 'Bristol City') });
      const settings = { ...service('BRI').settings, retention: { statutoryYears: 9, consultationYears: 3 } };
      await tx.services.updateSettings('BRI', settings);

      expect((await tx.services.list()).map((s) => s.name)).toEqual(['Bristol City', 'North Somerset']);
      expect(await tx.services.get('BRI')).toEqual({ id: 'BRI', name: 'Bristol City', settings });
      expect(await tx.services.get('XYZ')).toBeNull();
    });
  });

  it('keeps staff, found by id or by their Entra object id, and updates them in place', async () => {
    await store().transaction(async (tx) => {
      await tx.staff.upsert(staff('yjs-amy', { name: 'Amy Clarke', aadObjectId: 'oid-1' }));
      await tx.staff.upsert(staff('ecm-sam', { name: 'Sam Okafor', role: 'ecm_practitioner', serviceIds: ['BRI', 'NSO'], agency: 'ecm_team' }));
      await tx.staff.upsert(staff('yjs-amy', { name: 'Amy Clarke', aadObjectId: 'oid-1', serviceIds: ['BRI', 'SGL'] }));

      expect(await tx.staff.get('ecm-sam')).toEqual(
        staff('ecm-sam', { name: 'Sam Okafor', role: 'ecm_practitioner', serviceIds: ['BRI', 'NSO'], agency: 'ecm_team' }),
      );
      expect((await tx.staff.getByAadObjectId('oid-1'))?.serviceIds).toEqual(['BRI', 'SGL']);
      expect(await tx.staff.getByAadObjectId('oid-unknown')).toBeNull();
      expect((await tx.staff.list()).map((s) => s.id)).toEqual(['yjs-amy', 'ecm-sam']);
    });
  });

  it('reads a case back exactly as written, by id and by reference', async () => {
    const closed = aCase('c1', { status: 'closed', closureReason: 'completed', closureNote: 'Order ended well.', closedAt: '2026-11-28T09:00:00.000Z' });
    const consultation = aCase('c2', { pathway: 'consultation', orderStart: null, orderEnd: null, lawfulBasis: 'legal_obligation' });
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(closed);
      await tx.cases.insert(consultation);
    });
    await store().transaction(async (tx) => {
      expect(await tx.cases.get('c1')).toEqual(closed);
      expect(await tx.cases.getByReference(consultation.reference)).toEqual(consultation);
      expect(await tx.cases.get('nope')).toBeNull();
      expect(await tx.cases.getByReference('BRI-2026-9999')).toBeNull();
    });
  });

  it("keeps a case's legal status and who holds parental responsibility", async () => {
    const looked = aCase('c1', { legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother' });
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(looked);
    });
    await store().transaction(async (tx) => expect(await tx.cases.get('c1')).toEqual(looked));
  });

  it("finds a service's open cases of a child by date of birth: the candidates for a duplicate referral", async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1', { reference: 'BRI-2026-0001', childDateOfBirth: '2012-02-03' }));
      await tx.cases.insert(aCase('c2', { reference: 'BRI-2026-0002', childDateOfBirth: '2012-02-03', status: 'closed' }));
      await tx.cases.insert(aCase('c3', { reference: 'NSO-2026-0001', serviceId: 'NSO', childDateOfBirth: '2012-02-03' }));
      await tx.cases.insert(aCase('c4', { reference: 'BRI-2026-0003', childDateOfBirth: '2012-02-04' }));
      await tx.cases.insert(aCase('c5', { reference: 'BRI-2026-0004', childDateOfBirth: '2012-02-03', pathway: 'consultation', status: 'referred' }));
    });
    await store().transaction(async (tx) => expect((await tx.cases.listOpenByDateOfBirth('BRI', '2012-02-03')).map((c) => c.id).sort()).toEqual(['c1', 'c5']));
  });

  it('refuses a second case with the same reference, and a case of a service it does not know', async () => {
    await store().transaction(withServices);
    await store().transaction((tx) => tx.cases.insert(aCase('c1', { reference: 'BRI-2026-0001' })));
    await expect(store().transaction((tx) => tx.cases.insert(aCase('c2', { reference: 'BRI-2026-0001' })))).rejects.toThrow();
    await expect(store().transaction((tx) => tx.cases.insert(aCase('c3', { serviceId: 'XYZ', reference: 'XYZ-2026-0001' })))).rejects.toThrow();
    await store().transaction(async (tx) => expect([await tx.cases.get('c2'), await tx.cases.get('c3')]).toEqual([null, null]));
  });

  it('updates a case only over the version it was read at', async () => {
    const c = aCase('c1');
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(c);
    });
    await store().transaction(async (tx) => {
      expect(await tx.cases.update({ ...c, status: 'closed', version: 2 }, 1)).toBe(true);
      expect(await tx.cases.update({ ...c, referralReason: 'Stale edit.', version: 2 }, 1)).toBe(false);
    });
    await store().transaction(async (tx) => expect(await tx.cases.get('c1')).toEqual({ ...c, status: 'closed', version: 2 }));
  });

  it('numbers references per service and year, never the same number twice', async () => {
    await store().transaction(async (tx) => {
      const next = (serviceId: string, year: number) => tx.cases.nextReferenceNumber(serviceId, year);
      expect([await next('BRI', 2026), await next('BRI', 2026), await next('BRI', 2026)]).toEqual([1, 2, 3]);
      expect([await next('NSO', 2026), await next('BRI', 2027), await next('BRI', 2026)]).toEqual([1, 1, 4]);
    });
  });

  it('lists cases newest referral first, a page at a time, filtered by service, status and team member', async () => {
    const referred = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1', { referredAt: referred(1) }));
      await tx.cases.insert(aCase('c2', { referredAt: referred(2), serviceId: 'NSO', reference: 'NSO-2026-c2' }));
      await tx.cases.insert(aCase('c3', { referredAt: referred(3), status: 'referred' }));
      // Two referred at the same instant: the id settles the order, so no page repeats or skips one.
      await tx.cases.insert(aCase('c4a', { referredAt: referred(4) }));
      await tx.cases.insert(aCase('c4b', { referredAt: referred(4), status: 'closed' }));
      await tx.team.upsert(member('c1', 'police-jo', { caseRole: 'partner' }));
      await tx.team.upsert(member('c4a', 'police-jo', { caseRole: 'partner' }));
    });

    await store().transaction(async (tx) => {
      const pages: string[][] = [];
      let after: string | undefined;
      do {
        const page = await tx.cases.list({}, { limit: 2, after });
        pages.push(page.items.map((c) => c.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(pages).toEqual([['c4b', 'c4a'], ['c3', 'c2'], ['c1']]);

      const ids = async (query: Parameters<typeof tx.cases.list>[0]) => (await tx.cases.list(query, { limit: 50 })).items.map((c) => c.id);
      expect(await ids({ serviceIds: ['NSO'] })).toEqual(['c2']);
      expect(await ids({ serviceIds: [] })).toEqual([]);
      expect(await ids({ serviceIds: ['BRI'], status: ['active'] })).toEqual(['c4a', 'c1']);
      expect(await ids({ memberStaffId: 'police-jo' })).toEqual(['c4a', 'c1']);
      expect(await ids({ memberStaffId: 'police-jo', status: ['closed'] })).toEqual([]);

      const filtered = await tx.cases.list({ serviceIds: ['BRI'] }, { limit: 3 });
      expect(filtered.items.map((c) => c.id)).toEqual(['c4b', 'c4a', 'c3']);
      const rest = await tx.cases.list({ serviceIds: ['BRI'] }, { limit: 3, after: filtered.nextCursor ?? undefined });
      expect(rest).toEqual({ items: [expect.objectContaining({ id: 'c1' })], nextCursor: null });
    });
  });

  it('refuses a page cursor it did not make', async () => {
    await expect(store().transaction((tx) => tx.cases.list({}, { limit: 5, after: 'not-a-cursor' }))).rejects.toThrow();
  });
}
