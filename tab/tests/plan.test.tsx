// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseView, PlanActionView } from '../src/api/types.js';
import ActionsSection from '../src/plan/ActionsSection.js';
import { fakeApi, renderSignedIn } from './render.js';

const view = {
  id: 'case-1',
  reference: 'BRI-2026-0001',
  serviceId: 'BRI',
  status: 'active',
  allowedActions: ['actions.read', 'team.read'],
  version: 3,
} as unknown as CaseView;

const action = (over: Partial<PlanActionView>): PlanActionView => ({
  id: 'a1',
  caseId: 'case-1',
  recommendationId: 'r1',
  formulationNumber: 1,
  text: 'The same key worker, same time, every week.',
  trmLevel: 2,
  relationshipBased: true,
  sequence: 1,
  owner: { kind: 'person', staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' },
  dueBy: '2026-12-18',
  status: 'planned',
  stoppedBecause: null,
  updatedBy: 'ecm-sam',
  updatedByName: 'Sam Okafor',
  updatedAt: '2026-11-27T10:00:00Z',
  version: 2,
  overdue: false,
  mayUpdate: true,
  addedAtMeetingId: null,
  ...over,
});

const team = [
  { caseId: 'case-1', staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police', caseRole: 'partner' },
  { caseId: 'case-1', staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice', caseRole: 'case_holder' },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve(items: PlanActionView[], mayAssign: boolean) {
  const api = fakeApi({
    'GET /cases/case-1/actions': () => [200, { items, mayAssign }],
    'GET /cases/case-1/team': () => [200, { items: team }],
    'PATCH /cases/case-1/actions/a1': (body) => [200, { ...items[0], ...(body as object), version: 3 }],
  });
  vi.stubGlobal('fetch', api.impl);
  return api;
}

describe('the plan between meetings in the tab', () => {
  it('a partner sees the whole plan in order, and may update only the action they own', async () => {
    serve(
      [
        action({}),
        action({
          id: 'a2',
          recommendationId: 'r2',
          sequence: 2,
          text: 'Art mentoring.',
          owner: { kind: 'agency', agency: 'mentoring' },
          mayUpdate: false,
          overdue: true,
        }),
      ],
      false,
    );
    renderSignedIn(<ActionsSection view={view} etag={null} reload={() => {}} />);
    const list = await screen.findByRole('list', { name: 'Actions in order' });
    const [mine, theirs] = within(list).getAllByRole('listitem');
    expect(within(mine!).getByRole('button', { name: 'Update' })).toBeTruthy();
    expect(within(theirs!).queryByRole('button', { name: 'Update' })).toBeNull();
    expect(within(theirs!).getByText('Mentoring — nobody named yet')).toBeTruthy();
    expect(within(theirs!).getByText('Overdue')).toBeTruthy();
    fireEvent.click(within(mine!).getByRole('button', { name: 'Update' }));
    // An owner says how it stands; naming the owner and date is the ECM team's.
    expect(screen.getByLabelText('How it stands')).toBeTruthy();
    expect(screen.queryByLabelText('Owner')).toBeNull();
  });

  it('the ECM team names the owner from the case team and sets "by when"; stopping asks why', async () => {
    const api = serve([action({ owner: { kind: 'agency', agency: 'ecm_team' }, dueBy: null })], true);
    renderSignedIn(<ActionsSection view={view} etag={null} reload={() => {}} />, { staffId: 'ecm-sam', role: 'ecm_practitioner' });
    fireEvent.click(await screen.findByRole('button', { name: 'Update' }));
    fireEvent.change(await screen.findByLabelText('Owner'), { target: { value: 'person:yjs-amy' } });
    fireEvent.change(screen.getByLabelText('By when'), { target: { value: '2026-12-11' } });
    fireEvent.change(screen.getByLabelText('How it stands'), { target: { value: 'stopped' } });
    fireEvent.change(await screen.findByLabelText(/Why it stopped/), { target: { value: 'Moved out of the area.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const sent = api.calls.find((c) => c.method === 'PATCH')!;
    expect(sent.body).toEqual({ status: 'stopped', stoppedBecause: 'Moved out of the area.', ownerId: 'yjs-amy', dueBy: '2026-12-11' });
    expect(sent.headers.get('if-match')).toBe('"2"');
  });
});
