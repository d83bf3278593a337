// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView, Meeting } from '../src/api/types.js';
import { followServerClock } from '../src/clock.js';
import MeetingsSection from '../src/meetings/MeetingsSection.js';
import { fakeApi, renderSignedIn } from './render.js';

const NOW = '2026-11-27T10:00:00.000Z';
const view = {
  id: 'case-1',
  reference: 'BRI-2026-0001',
  serviceId: 'BRI',
  status: 'active',
  review: null,
  allowedActions: ['meeting.read', 'meeting.schedule', 'meeting.recordOutcome', 'team.read'],
  version: 3,
} as unknown as CaseView;

const meeting = (over: Partial<Meeting>): Meeting => ({
  id: 'm1',
  caseId: 'case-1',
  kind: 'consultation',
  startsAt: '2026-11-27T10:15:00.000Z',
  endsAt: '2026-11-27T11:00:00.000Z',
  location: null,
  organiserId: 'ecm-sam',
  attendees: [{ staffId: 'yjs-amy', name: 'Amy Clarke', response: 'accepted', respondedAt: NOW }],
  status: 'scheduled',
  joinUrl: null,
  externalId: null,
  chatId: null,
  startedAt: null,
  endedAt: null,
  outcome: null,
  version: 1,
  ...over,
});

function serve(items: Meeting[]) {
  const api = fakeApi({
    'GET /cases/case-1/meetings': () => [200, { items }],
    'GET /cases/case-1/team': () => [
      200,
      { items: [{ caseId: 'case-1', staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice', caseRole: 'case_holder' }] },
    ],
    'POST /cases/case-1/meetings': (body) => [201, { ...meeting({}), ...(body as object), id: 'm2' }],
  });
  vi.stubGlobal('fetch', api.impl);
  return api;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('meetings as they really happen, in the tab', () => {
  it('offers the outcome form once Teams says the meeting started, before its scheduled start', async () => {
    followServerClock(NOW);
    serve([meeting({ id: 'm1' }), meeting({ id: 'm3', startedAt: '2026-11-27T09:58:00.000Z' })]);
    renderSignedIn(<MeetingsSection view={view} etag={null} reload={() => {}} />, { staffId: 'ecm-sam', role: 'ecm_practitioner' });
    const [notYet, begun] = await screen.findAllByRole('button', { name: /^Show/ });
    fireEvent.click(notYet!);
    expect(screen.queryByRole('form', { name: 'Record the outcome' })).toBeNull();
    fireEvent.click(begun!);
    expect(await screen.findByRole('form', { name: 'Record the outcome' })).toBeTruthy();
  });

  it('records a meeting already held, with its real date and its outcome, in one go', async () => {
    followServerClock(NOW);
    const api = serve([]);
    renderSignedIn(<MeetingsSection view={view} etag={null} reload={() => {}} />, { staffId: 'ecm-sam', role: 'ecm_practitioner' });
    const form = await screen.findByRole('form', { name: 'Record a meeting already held' });
    const field = (name: RegExp) => within(form).getByLabelText(name);
    fireEvent.change(field(/^Kind/), { target: { value: 'consultation' } });
    fireEvent.change(field(/^Started/), { target: { value: '2026-11-26T10:00' } });
    fireEvent.change(field(/^Ended/), { target: { value: '2026-11-26T11:00' } });
    fireEvent.click(field(/^Amy Clarke/));
    fireEvent.change(field(/^What was discussed and agreed/), { target: { value: 'Agreed a weekly session.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the meeting and its outcome' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = api.calls.find((c) => c.method === 'POST')!.body as { startsAt: string };
    expect(sent).toMatchObject({
      status: 'held',
      kind: 'consultation',
      attendeeIds: ['yjs-amy'],
      outcome: { summary: 'Agreed a weekly session.', nextReviewDue: null },
    });
    expect(Date.parse(sent.startsAt)).toBeLessThan(Date.parse(NOW));
  });
});
