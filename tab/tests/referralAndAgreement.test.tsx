// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agreements } from '../src/case/Agreements.js';
import { ReferForm } from '../src/caseload/ReferForm.js';
import { fakeApi, renderSignedIn } from './render.js';

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const amy = { staffId: 'yjs-amy', name: 'Amy Clarke', role: 'yjs_practitioner' as const, serviceActions: { BRI: ['case.refer' as never] } };

/** A 14-year-old under a care order, with their own agreement recorded. */
const careOrder = {
  state: { young_person: 'given', parent_carer: 'not_yet_known', local_authority: 'not_yet_known' },
  needs: {
    ageBand: 'under_16',
    legalStatus: 'care_order',
    needs: ['young_person', 'local_authority'],
    mayAlsoAgree: ['parent_carer'],
    family: 'always',
    missing: ['local_authority'],
    askAgain: null,
    mayDecideNow: ['young_person', 'parent_carer', 'local_authority'],
  },
  history: [],
};

describe('the referral form', () => {
  it("sends the young person's legal status and who holds parental responsibility", async () => {
    const api = fakeApi({ 'POST /cases': (body) => [201, { id: 'case-9', ...(body as object) }] });
    vi.stubGlobal('fetch', api.impl);
    const referred = vi.fn();
    const user = userEvent.setup();
    renderSignedIn(<ReferForm onReferred={referred} />, amy);
    await user.type(screen.getByLabelText(/Young person's name/), 'Test Child');
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: '2012-06-01' } });
    fireEvent.change(screen.getByLabelText(/^Legal status/), { target: { value: 'care_order' } });
    await user.type(screen.getByLabelText(/Who holds parental responsibility/), 'The local authority, shared with mother');
    fireEvent.change(screen.getByLabelText(/^Order starts/), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText(/^Order ends/), { target: { value: '2027-10-01' } });
    await user.type(screen.getByLabelText(/Why are you referring/), 'Fictional test referral.');
    await user.click(screen.getByRole('button', { name: 'Refer' }));
    await waitFor(() => expect(referred).toHaveBeenCalledWith('case-9'));
    expect(api.calls[0]!.body).toMatchObject({ legalStatus: 'care_order', parentalResponsibility: 'The local authority, shared with mother' });
  });
});

describe('the agreement form', () => {
  it('says who must agree for this age and legal status, and records the local authority’s agreement', async () => {
    const api = fakeApi({
      'GET /cases/case-1/agreements': () => [200, careOrder],
      'POST /cases/case-1/agreements': () => [201, {}],
    });
    vi.stubGlobal('fetch', api.impl);
    const user = userEvent.setup();
    renderSignedIn(<Agreements caseId="case-1" canRecord onChanged={() => {}} />, amy);
    expect(await screen.findByText(/the case needs the agreement of young person and local authority/i)).toBeTruthy();
    const who = screen.getByLabelText('Who') as HTMLSelectElement;
    expect([...who.options].map((o) => o.value)).toEqual(['young_person', 'parent_carer', 'local_authority']);
    fireEvent.change(who, { target: { value: 'local_authority' } });
    await user.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')!.body).toMatchObject({ party: 'local_authority', decision: 'given' });
  });

  it('shows the refusal of someone who may not agree in the words the server gives', async () => {
    const message =
      "For a young person 18 or over with this legal status, a parent or carer takes part only with the young person's permission. Record their permission with the young person's agreement first.";
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /cases/case-1/agreements': () => [
          200,
          {
            ...careOrder,
            needs: { ...careOrder.needs, ageBand: 'aged_18_plus', family: 'only_with_permission', mayDecideNow: ['young_person', 'parent_carer'] },
          },
        ],
        'POST /cases/case-1/agreements': () => [422, { error: { code: 'rule_violation', message } }],
      }).impl,
    );
    const user = userEvent.setup();
    renderSignedIn(<Agreements caseId="case-1" canRecord onChanged={() => {}} />, amy);
    fireEvent.change(await screen.findByLabelText('Who'), { target: { value: 'parent_carer' } });
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText(message)).toBeTruthy();
  });

  it('asks for the young person’s own agreement again once they have turned 18', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /cases/case-1/agreements': () => [200, { ...careOrder, needs: { ...careOrder.needs, ageBand: 'aged_18_plus', askAgain: 'turned_18' } }] })
        .impl,
    );
    renderSignedIn(<Agreements caseId="case-1" canRecord={false} onChanged={() => {}} />, amy);
    const status = await screen.findByRole('status');
    expect(within(status).getByText(/turned 18/)).toBeTruthy();
  });
});

describe('a referral that may be a child already referred', () => {
  it('shows the server’s words, then asks why before referring anyway, and sends the reason', async () => {
    const message =
      'This young person may already have an open case in this service. Contact the ECM team before referring. If you know this is a different young person, or a second case is needed, refer again giving your reason.';
    const api = fakeApi({
      'POST /cases': (body) =>
        (body as { duplicateReason?: string }).duplicateReason
          ? [201, { id: 'case-10' }]
          : [409, { error: { code: 'possible_duplicate', message, details: { references: [] } } }],
    });
    vi.stubGlobal('fetch', api.impl);
    const referred = vi.fn();
    const user = userEvent.setup();
    renderSignedIn(<ReferForm onReferred={referred} />, amy);
    await user.type(screen.getByLabelText(/Young person's name/), 'Test Child');
    fireEvent.change(screen.getByLabelText(/^Date of birth/), { target: { value: '2012-06-01' } });
    fireEvent.change(screen.getByLabelText(/^Order starts/), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText(/^Order ends/), { target: { value: '2027-10-01' } });
    await user.type(screen.getByLabelText(/Why are you referring/), 'Fictional test referral.');
    await user.click(screen.getByRole('button', { name: 'Refer' }));
    expect(await screen.findByText(message)).toBeTruthy();
    await user.type(screen.getByLabelText(/Why refer this young person again/), 'Twins: a different young person.');
    await user.click(screen.getByRole('button', { name: 'Refer anyway' }));
    await waitFor(() => expect(referred).toHaveBeenCalledWith('case-10'));
    expect(api.calls.at(-1)!.body).toMatchObject({ duplicateReason: 'Twins: a different young person.' });
  });
});
