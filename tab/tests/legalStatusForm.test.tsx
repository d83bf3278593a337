// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseInput } from '../../src/app/input.js';
import { legalStatusChangeSchema } from '../../src/domain/case.js';
import { DomainError } from '../../src/domain/errors.js';
import { LegalStatusForm } from '../src/case/LegalStatusForm.js';
import { fakeApi, renderSignedIn } from './render.js';

/** The legal-status route's own check, answering in the API's envelope as the server does. */
function legalStatusRoute(body: unknown): [number, unknown] {
  try {
    parseInput(legalStatusChangeSchema, body, 'The legal status');
    return [200, { id: 'case-1' }];
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

describe('changing a legal status from the case overview', () => {
  it('sends the new status and who holds parental responsibility with the version it changes', async () => {
    const api = fakeApi({ 'PUT /cases/case-1/legal-status': (body) => legalStatusRoute(body) });
    vi.stubGlobal('fetch', api.impl);
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderSignedIn(<LegalStatusForm caseId="case-1" legalStatus="living_with_parents" parentalResponsibility="Mother" etag={'"4"'} onChanged={onChanged} />);
    await user.click(screen.getByRole('button', { name: 'Change legal status' }));
    fireEvent.change(screen.getByLabelText(/^Legal status now/), { target: { value: 'care_order' } });
    fireEvent.change(screen.getByLabelText(/^Who holds parental responsibility now/), { target: { value: 'Bristol City Council, shared with mother' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled(), { timeout: 5000 });
    const sent = api.calls.find((c) => c.method === 'PUT')!;
    expect(sent.body).toEqual({ legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother' });
    expect(sent.headers.get('if-match')).toBe('"4"');
  });

  it('an empty-looking holder of parental responsibility is refused in the form’s words, beside the field, and nothing changes', async () => {
    const api = fakeApi({ 'PUT /cases/case-1/legal-status': (body) => legalStatusRoute(body) });
    vi.stubGlobal('fetch', api.impl);
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderSignedIn(<LegalStatusForm caseId="case-1" legalStatus="care_order" parentalResponsibility={null} etag={'"4"'} onChanged={onChanged} />);
    await user.click(screen.getByRole('button', { name: 'Change legal status' }));
    fireEvent.change(screen.getByLabelText(/^Who holds parental responsibility now/), { target: { value: '\u200b\u2060' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const notice = (await screen.findByText('Some answers need another look')).closest('[role="alert"]') as HTMLElement;
    expect(within(notice).getByText(/Who holds parental responsibility now:/)).toBeTruthy();
    expect(notice.textContent).not.toMatch(/parentalResponsibility/);
    expect(screen.getByLabelText(/^Who holds parental responsibility now/).getAttribute('aria-invalid')).toBe('true');
    expect(onChanged).not.toHaveBeenCalled();
  });
});
