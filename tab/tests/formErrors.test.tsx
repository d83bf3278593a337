// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInput } from '../../src/app/input.js';
import { referralDateProblems, referralSchema } from '../../src/domain/case.js';
import { addDays } from '../../src/domain/dates.js';
import { DomainError } from '../../src/domain/errors.js';
import { ReferForm } from '../src/caseload/ReferForm.js';
import { formulationLabels } from '../src/formulation/FormulationEditor.js';
import { fakeApi, renderSignedIn } from './render.js';

// The day renderSignedIn's app and this route count from (the injected clock, not the machine's).
const TODAY = '2026-11-27';

/** The referral route's own check, answering in the API's envelope as the server does. */
function referralRoute(body: unknown): [number, unknown] {
  try {
    parseInput(referralSchema, body, 'The referral', (raw) => referralDateProblems(raw, TODAY));
    return [201, { id: 'case-1' }];
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return [400, { error: { code: e.code, message: e.message, details: e.details } }];
  }
}

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("a referral's problems, in the form's own words", () => {
  it('names each field by its label, beside the field, and never by the API name', async () => {
    const api = fakeApi({ 'POST /cases': (body) => referralRoute(body) });
    vi.stubGlobal('fetch', api.impl);
    const user = userEvent.setup();
    renderSignedIn(<ReferForm onReferred={() => {}} />, { serviceActions: { BRI: ['case.refer'] } });
    fireEvent.change(screen.getByLabelText(/^Young person's name/), { target: { value: '\u200b\u2060' } });
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: addDays(TODAY, 1) } });
    fireEvent.change(screen.getByLabelText(/^Order starts/), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText(/^Order ends/), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText(/^Why are you referring/), { target: { value: 'Violence towards peers.' } });
    await user.click(screen.getByRole('button', { name: 'Refer' }));

    const notice = (await screen.findByText('Some answers need another look')).closest('[role="alert"]') as HTMLElement;
    expect(within(notice).getByText(/Young person's name:/)).toBeTruthy();
    expect(within(notice).getByText(/Date of birth:/)).toBeTruthy();
    expect(within(notice).getByText(/Order ends:/)).toBeTruthy();
    expect(notice.textContent).not.toMatch(/childName|childDateOfBirth|orderEnd|›/);

    for (const [label, said] of [
      [/^Young person's name/, 'Must not be empty.'],
      [/^Date of birth/, 'Is in the future: give the date the young person was born.'],
      [/^Order ends/, 'Must be after the date the order starts.'],
    ] as const) {
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
      expect(described).toContain(said);
    }
    expect(screen.getByLabelText(/^Why are you referring/).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('keeps a 5,000-character paste whole, shows the limit, and the server refuses it in the form’s words', async () => {
    const api = fakeApi({ 'POST /cases': (body) => referralRoute(body) });
    vi.stubGlobal('fetch', api.impl);
    const user = userEvent.setup();
    renderSignedIn(<ReferForm onReferred={() => {}} />, { serviceActions: { BRI: ['case.refer'] } });
    const reason = screen.getByLabelText(/^Why are you referring/) as HTMLTextAreaElement;
    expect(screen.getByText('0 of 2,000 characters')).toBeTruthy();
    fireEvent.change(reason, { target: { value: 'x'.repeat(5000) } });
    expect(reason.value).toHaveLength(5000);
    expect(screen.getByText('Too long: 5,000 of 2,000 characters. Shorten it by 3,000; nothing is cut.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Young person's name/), { target: { value: 'Jordan Test' } });
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: '2011-05-14' } });
    fireEvent.change(screen.getByLabelText(/^Order starts/), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText(/^Order ends/), { target: { value: '2027-10-01' } });
    await user.click(screen.getByRole('button', { name: 'Refer' }));
    const notice = (await screen.findByText('Some answers need another look')).closest('[role="alert"]') as HTMLElement;
    expect(within(notice).getByText(/Why are you referring\?:/)).toBeTruthy();
    expect(notice.textContent).toMatch(/at most 2,000 characters; this has 5,000/);
    await waitFor(() => expect((api.calls[0]!.body as { referralReason: string }).referralReason).toHaveLength(5000));
    expect(reason.value).toHaveLength(5000);
  });
});

describe("a formulation's problems, by the editor's labels", () => {
  const content = {
    summary: '',
    hypotheses: [{ id: 'h1', domain: 'behaviours' as const, text: '', evidence: [] }],
    fivePs: { presenting: '', predisposing: '', precipitating: '', perpetuating: '', protective: '' },
    strengths: '',
    needs: '',
    // Shown by TRM level, relationship-based first: r-b (level 1) is recommendation 1, r-a (level 3) is 2.
    recommendations: [
      { id: 'r-a', text: 'A', trmLevel: 3, sequence: 1, relationshipBased: false },
      { id: 'r-b', text: 'B', trmLevel: 1, sequence: 2, relationshipBased: true },
    ],
    views: '',
    youthFriendly: { summary: '', hypotheses: '', strengths: '', needs: '', recommendations: '' },
  };
  const labelOf = formulationLabels(content);

  it.each([
    ['hypotheses.0.text', 'Hypothesis 1'],
    ['hypotheses.0.evidence', 'Timeline evidence for hypothesis 1'],
    ['recommendations.0.text', 'Recommendation 2'],
    ['recommendations.1.trmLevel', 'TRM level for recommendation 1'],
    ['fivePs.perpetuating', 'Perpetuating'],
    ['youthFriendly.needs', 'Youth-friendly: cognitive and developmental needs'],
    ['summary', 'Summary'],
  ])('%s is "%s"', (path, label) => {
    expect(labelOf(path)).toBe(label);
  });
});
