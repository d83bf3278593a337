// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttendanceRegister as Register, Meeting } from '../src/api/types.js';
import { followServerClock } from '../src/clock.js';
import { AttendanceRegister } from '../src/meetings/AttendanceRegister.js';
import { fakeApi, renderSignedIn } from './render.js';

const NOW = '2026-11-27T10:00:00.000Z';
const meeting = {
  id: 'm1',
  caseId: 'case-1',
  kind: 'review',
  startsAt: '2026-11-27T09:30:00.000Z',
  endsAt: '2026-11-27T11:00:00.000Z',
  status: 'scheduled',
  startedAt: null,
  attendees: [],
} as unknown as Meeting;
const register: Register = {
  meetingId: 'm1',
  marks: [{ meetingId: 'm1', staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice', mark: 'present', markedBy: 'ecm-sam', markedAt: NOW }],
  agencies: ['youth_justice'],
  people: [
    { staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice', invited: true },
    { staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police', invited: true },
    { staffId: 'sw-mark', name: 'Mark Ellison', agency: 'social_care', invited: false },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the attendance register in the side panel', () => {
  it('shows the meeting under way, each person’s mark and the agencies there, and saves only what changed', async () => {
    followServerClock(NOW);
    const api = fakeApi({
      'GET /cases/case-1/meetings': () => [200, { items: [meeting] }],
      'GET /cases/case-1/meetings/m1/attendance': () => [200, register],
      'PUT /cases/case-1/meetings/m1/attendance': () => [200, { ...register, agencies: ['youth_justice', 'police'] }],
    });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<AttendanceRegister caseId="case-1" mayTake />, { staffId: 'ecm-sam', role: 'ecm_practitioner' });
    const form = await screen.findByRole('form', { name: 'Attendance register' });
    const amy = (await within(form).findByLabelText('Amy Clarke (Youth justice)')) as HTMLSelectElement;
    expect(amy.value).toBe('present');
    expect(within(form).getByLabelText('Mark Ellison (Social care, not invited)')).toBeTruthy();
    expect(within(form).getByText('Agencies represented: Youth justice')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('PC Jo Harris (Police)'), { target: { value: 'apologies' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the register' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ marks: [{ staffId: 'police-jo', mark: 'apologies' }] });
    expect(await within(form).findByText('Agencies represented: Youth justice, Police')).toBeTruthy();
  });

  it('lets a partner read the register, not take it', async () => {
    followServerClock(NOW);
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /cases/case-1/meetings': () => [200, { items: [meeting] }], 'GET /cases/case-1/meetings/m1/attendance': () => [200, register] }).impl,
    );
    renderSignedIn(<AttendanceRegister caseId="case-1" mayTake={false} />);
    const amy = (await screen.findByLabelText('Amy Clarke (Youth justice)')) as HTMLSelectElement;
    expect(amy.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save the register' })).toBeNull();
  });
});
