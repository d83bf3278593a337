import { expect, it } from 'vitest';
import type { StoreTx } from '../../../src/ports/store.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, agreement, AT, formulation, meeting, member, placement, withServices } from './records.js';

async function twoCases(tx: StoreTx): Promise<void> {
  await withServices(tx);
  await tx.cases.insert(aCase('c1'));
  await tx.cases.insert(aCase('c2'));
}

export function recordsContract({ store }: ContractContext): void {
  it('keeps every agreement decision of a case, in the order they were recorded, even within one instant', async () => {
    const declined = agreement('a2', 'c1', { seq: 1, party: 'parent_carer', decision: 'declined', competenceNote: null });
    const given = agreement('a1', 'c1', { seq: 2 });
    const later = agreement('a0', 'c1', { seq: 3, party: 'parent_carer', method: 'phone', competenceNote: null });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      for (const a of [given, later, declined, agreement('a3', 'c2')]) await tx.agreements.insert(a);
    });
    await store().transaction(async (tx) => expect(await tx.agreements.listForCase('c1')).toEqual([declined, given, later]));
  });

  it('refuses two agreement decisions with one place in a case’s order', async () => {
    await store().transaction((tx) => twoCases(tx));
    await store().transaction((tx) => tx.agreements.insert(agreement('a1', 'c1', { seq: 1 })));
    await expect(store().transaction((tx) => tx.agreements.insert(agreement('a2', 'c1', { seq: 1 })))).rejects.toThrow();
  });

  it('keeps the case team, one row a person, and records a partner accepting the terms', async () => {
    const holder = member('c1', 'yjs-amy', { invitedAt: '2026-11-20T10:00:00.000Z' });
    const partner = member('c1', 'police-jo', { caseRole: 'partner', agency: 'police' });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      await tx.team.upsert(partner);
      await tx.team.upsert(holder);
      await tx.team.upsert(member('c2', 'police-jo'));
    });
    const accepted = { ...partner, termsAcceptedAt: '2026-11-27T11:00:00.000Z', termsVersion: '2026-1' };
    await store().transaction((tx) => tx.team.upsert(accepted));
    await store().transaction(async (tx) => {
      expect(await tx.team.list('c1')).toEqual([holder, accepted]);
      expect(await tx.team.get('c1', 'police-jo')).toEqual(accepted);
      expect(await tx.team.get('c1', 'sw-mark')).toBeNull();
    });
  });

  it('keeps formulations by number, the newest as current, updated only over the version read, with their revisions', async () => {
    const first = formulation('f1', 'c1', { status: 'approved', approvedBy: 'psy-helen', approvedByName: 'Dr Helen Marsh', approvedAt: AT, version: 3 });
    const second = formulation('f2', 'c1', { number: 2 });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      expect(await tx.formulations.current('c1')).toBeNull();
      await tx.formulations.insert(second);
      await tx.formulations.insert(first);
      await tx.formulations.insert(formulation('f3', 'c2', { number: 5 }));
    });
    const saved = { ...second, content: { ...second.content, summary: 'A fuller summary.' }, version: 2 };
    await store().transaction(async (tx) => {
      expect(await tx.formulations.current('c1')).toEqual(second);
      expect(await tx.formulations.get('c1', 1)).toEqual(first);
      expect(await tx.formulations.get('c1', 5)).toBeNull();
      expect((await tx.formulations.list('c1')).map((f) => f.id)).toEqual(['f1', 'f2']);
      for (const version of [1, 2]) {
        await tx.formulations.addRevision({
          formulationId: 'f2',
          number: 2,
          version,
          status: 'draft',
          content: version === 1 ? second.content : saved.content,
          savedBy: 'psy-helen',
          savedByName: 'Dr Helen Marsh',
          savedAt: AT,
        });
      }
      expect(await tx.formulations.update(saved, 1)).toBe(true);
      expect(await tx.formulations.update({ ...saved, status: 'approved' }, 1)).toBe(false);
    });
    await store().transaction(async (tx) => {
      expect(await tx.formulations.current('c1')).toEqual(saved);
      expect((await tx.formulations.revisions('f2')).map((r) => [r.version, r.content.summary])).toEqual([
        [1, 'A first summary.'],
        [2, 'A fuller summary.'],
      ]);
    });
  });

  it('keeps the record as it stood at each approval, once per version, and gives it back unchanged', async () => {
    const kept = {
      caseId: 'c1',
      formulationNumber: 1,
      approvedAt: AT,
      case: {
        id: 'c1',
        reference: 'BRI-2026-0001',
        serviceId: 'BRI',
        pathway: 'statutory_ecm' as const,
        status: 'active' as const,
        childName: 'Jordan Test',
        childDateOfBirth: '2011-05-14',
        referredAt: AT,
        closedAt: null,
      },
      service: { id: 'BRI', name: 'Bristol', settings: {} as never },
      timeline: [],
      placements: [placement('p1', 'c1', { level: 2 })],
      team: [],
      meetings: [],
    };
    await store().transaction(async (tx) => {
      await twoCases(tx);
      await tx.formulations.keepRecordAtApproval(kept);
    });
    await store().transaction(async (tx) => {
      expect(await tx.formulations.recordAtApproval('c1', 1)).toEqual(kept);
      expect(await tx.formulations.recordAtApproval('c1', 2)).toBeNull();
      expect(await tx.formulations.recordAtApproval('c2', 1)).toBeNull();
    });
    await expect(store().transaction((tx) => tx.formulations.keepRecordAtApproval(kept))).rejects.toThrow();
  });

  it('keeps TRM placements in the order they took effect, half steps included', async () => {
    const first = placement('p1', 'c1', { level: 1, effectiveDate: '2026-06-01' });
    const half = placement('p2', 'c1', { level: 2.5, effectiveDate: '2026-09-01', meetingId: 'm1' });
    const setback = placement('p3', 'c1', { level: 2, effectiveDate: '2026-09-01', placedAt: '2026-11-28T10:00:00.000Z' });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      for (const p of [setback, half, first, placement('p4', 'c2')]) await tx.trm.insert(p);
    });
    await store().transaction(async (tx) => expect(await tx.trm.list('c1')).toEqual([first, half, setback]));
  });

  it('keeps meetings with their attendees; answers do not change the version, edits need it', async () => {
    const formulationMeeting = meeting('m1', 'c1');
    const review = meeting('m2', 'c1', { kind: 'review', startsAt: '2027-02-01T10:00:00.000Z', endsAt: '2027-02-01T11:00:00.000Z', location: 'Room 4' });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      await tx.meetings.insert(review);
      await tx.meetings.insert(formulationMeeting);
      await tx.meetings.insert(meeting('m3', 'c2'));
    });
    await store().transaction(async (tx) => {
      expect(await tx.meetings.list('c1')).toEqual([formulationMeeting, review]);
      expect(await tx.meetings.get('c2', 'm1')).toBeNull();
      expect(await tx.meetings.respond('m1', 'yjs-amy', 'tentative', '2026-11-27T12:00:00.000Z')).toBe(true);
      expect(await tx.meetings.respond('m1', 'sw-mark', 'accepted', '2026-11-27T12:00:00.000Z')).toBe(false);
    });
    const answered = await store().transaction((tx) => tx.meetings.get('c1', 'm1'));
    expect(answered?.version).toBe(1);
    expect(answered?.attendees.find((a) => a.staffId === 'yjs-amy')).toEqual({
      staffId: 'yjs-amy',
      name: 'Amy Clarke',
      response: 'tentative',
      respondedAt: '2026-11-27T12:00:00.000Z',
    });

    const held = {
      ...answered!,
      status: 'held' as const,
      // Attendees come back in name order.
      attendees: [
        answered!.attendees[0]!,
        { staffId: 'psy-helen', name: 'Dr Helen Marsh', response: 'accepted' as const, respondedAt: AT },
        answered!.attendees[1]!,
      ],
      outcome: {
        summary: 'Formulation agreed.',
        actionProgress: [],
        newActions: [],
        replan: '',
        nextReviewDue: '2027-02-20',
        recordedBy: 'ecm-sam',
        recordedAt: AT,
      },
      version: 2,
    };
    await store().transaction(async (tx) => {
      expect(await tx.meetings.update(held, 1)).toBe(true);
      expect(await tx.meetings.update({ ...held, status: 'cancelled', attendees: [] }, 1)).toBe(false);
    });
    await store().transaction(async (tx) => expect(await tx.meetings.get('c1', 'm1')).toEqual(held));
  });

  it('finds a meeting by its Teams meeting chat, and keeps when Teams said it started and ended', async () => {
    const inTeams = meeting('m1', 'c1', { chatId: '19:meeting_abc@thread.v2', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc', externalId: 'AAMk1' });
    await store().transaction(async (tx) => {
      await twoCases(tx);
      await tx.meetings.insert(inTeams);
      await tx.meetings.insert(meeting('m2', 'c2'));
    });
    const held = { ...inTeams, startedAt: '2026-12-01T10:01:00.000Z', endedAt: '2026-12-01T11:55:00.000Z', version: 2 };
    await store().transaction(async (tx) => {
      expect(await tx.meetings.findByChat('19:meeting_abc@thread.v2')).toEqual(inTeams);
      expect(await tx.meetings.findByChat('19:meeting_other@thread.v2')).toBeNull();
      expect(await tx.meetings.update(held, 1)).toBe(true);
    });
    await store().transaction(async (tx) => expect(await tx.meetings.findByChat('19:meeting_abc@thread.v2')).toEqual(held));
  });

  it('keeps sign-in sessions until they are deleted', async () => {
    const session = { tokenHash: 'hash-1', staffId: 'yjs-amy', createdAt: AT, expiresAt: '2026-11-27T20:00:00.000Z' };
    await store().transaction((tx) => tx.sessions.insert(session));
    await store().transaction(async (tx) => {
      expect(await tx.sessions.get('hash-1')).toEqual(session);
      await tx.sessions.delete('hash-1');
      expect(await tx.sessions.get('hash-1')).toBeNull();
    });
  });

  it('an ended session is gone and remembered as ended until it would have expired, and no longer', async () => {
    const session = { tokenHash: 'hash-2', staffId: 'yjs-amy', createdAt: AT, expiresAt: '2026-11-27T20:00:00.000Z' };
    await store().transaction((tx) => tx.sessions.insert(session));
    await store().transaction((tx) => tx.sessions.end({ sessionId: 'hash-2', staffId: 'yjs-amy', endedAt: AT, expiresAt: session.expiresAt }));
    await store().transaction(async (tx) => {
      expect(await tx.sessions.get('hash-2')).toBeNull();
      expect(await tx.sessions.hasEnded('hash-2')).toBe(true);
      expect(await tx.sessions.hasEnded('hash-3')).toBe(false);
      // Ended twice (two tabs signing out at once) is still one ending.
      await tx.sessions.end({ sessionId: 'hash-2', staffId: 'yjs-amy', endedAt: AT, expiresAt: session.expiresAt });
    });
    // A later ending, after the first would have expired, lets go of it: the table holds only live refusals.
    await store().transaction((tx) =>
      tx.sessions.end({ sessionId: 'hash-3', staffId: 'yjs-amy', endedAt: '2026-11-27T21:00:00.000Z', expiresAt: '2026-11-28T07:00:00.000Z' }),
    );
    await store().transaction(async (tx) => {
      expect(await tx.sessions.hasEnded('hash-2')).toBe(false);
      expect(await tx.sessions.hasEnded('hash-3')).toBe(true);
    });
  });
}
