// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../src/api/types.js';
import { TermsAcceptance } from '../src/case/Terms.js';
import { ScheduleForm } from '../src/meetings/ScheduleForm.js';
import { fakeApi, renderSignedIn } from './render.js';

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const team = [{ staffId: 'ecm-sam', name: 'Sam Okafor' }] as Parameters<typeof ScheduleForm>[0]['team'];

/** An answer the test lets go when it chooses, as a slow server would. */
function held(): { promise: Promise<[number, unknown]>; release: (answer: [number, unknown]) => void } {
  let release: (answer: [number, unknown]) => void = () => {};
  const promise = new Promise<[number, unknown]>((resolve) => (release = resolve));
  return { promise, release };
}

/** The organiser fills in the times the form needs before it will send. */
function fillTimes() {
  fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: '2026-12-03T10:00' } });
  fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: '2026-12-03T11:00' } });
}

const keysOf = (calls: { method: string; headers: Headers }[]) => calls.filter((c) => c.method === 'POST').map((c) => c.headers.get('idempotency-key'));

describe('one press, one record in the tab', () => {
  it('a double-clicked Schedule sends one request, under the form’s key, and the button waits', async () => {
    const answer = held();
    const api = fakeApi({ 'POST /cases/case-1/meetings': () => answer.promise });
    vi.stubGlobal('fetch', api.impl);
    const scheduled = vi.fn();
    renderSignedIn(<ScheduleForm caseId="case-1" team={team} me="ecm-sam" onScheduled={scheduled} />);
    fillTimes();
    const button = screen.getByRole('button', { name: 'Schedule' });
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(keysOf(api.calls)).toHaveLength(1));
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(true));
    answer.release([201, { id: 'm1' }]);
    await waitFor(() => expect(scheduled).toHaveBeenCalledTimes(1));
    expect(keysOf(api.calls)).toHaveLength(1);
    expect(keysOf(api.calls)[0]).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('trying again after a failure sends the same key, so a send that did arrive is not made twice; the next change gets a new key', async () => {
    const answers: [number, unknown][] = [
      [503, { error: { code: 'unavailable', message: 'The database is not answering; try again in a moment.' } }],
      [201, { id: 'm1' }],
      [201, { id: 'm2' }],
    ];
    const api = fakeApi({ 'POST /cases/case-1/meetings': () => answers.shift()! });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<ScheduleForm caseId="case-1" team={team} me="ecm-sam" onScheduled={() => {}} />);
    fillTimes();
    const button = screen.getByRole('button', { name: 'Schedule' });
    fireEvent.click(button);
    expect(await screen.findByText(/not answering/)).toBeTruthy();
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(keysOf(api.calls)).toHaveLength(2));
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    // Scheduled: the form starts afresh for the next meeting.
    fillTimes();
    fireEvent.click(button);
    await waitFor(() => expect(keysOf(api.calls)).toHaveLength(3));
    const [first, retry, next] = keysOf(api.calls);
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
  });

  it('Accept the terms, pressed twice, is sent once', async () => {
    const answer = held();
    const api = fakeApi({ 'POST /cases/case-1/terms-acceptance': () => answer.promise });
    vi.stubGlobal('fetch', api.impl);
    const accepted = vi.fn();
    const view = {
      id: 'case-1',
      reference: 'BRI-2026-0001',
      membership: { caseRole: 'partner', termsAcceptedAt: null, invitationExpiresAt: '2026-12-27T10:00:00.000Z' },
      terms: { version: '2026-1', text: ['Use what you learn only for this young person’s support.'] },
    } as unknown as CaseView;
    renderSignedIn(<TermsAcceptance view={view} onAccepted={accepted} />);
    fireEvent.click(screen.getByLabelText('I have read these terms and I accept them'));
    const button = screen.getByRole('button', { name: 'Accept and open the case' });
    fireEvent.click(button);
    fireEvent.click(button);
    answer.release([201, {}]);
    await waitFor(() => expect(accepted).toHaveBeenCalledTimes(1));
    expect(keysOf(api.calls)).toHaveLength(1);
  });
});
