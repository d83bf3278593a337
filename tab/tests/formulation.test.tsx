// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseView, FormulationRecord } from '../src/api/types.js';
import FormulationSection from '../src/formulation/FormulationSection.js';
import { fakeApi, renderSignedIn } from './render.js';

const view = (allowedActions: string[]): CaseView =>
  ({
    id: 'case-1',
    reference: 'BRI-2026-0001',
    serviceId: 'BRI',
    serviceName: 'Bristol Youth Justice Service',
    child: { name: 'Riley Fixture', dateOfBirth: '2011-05-14' },
    status: 'active',
    allowedActions,
    version: 3,
  }) as unknown as CaseView;

const record: FormulationRecord = {
  current: {
    id: 'f1',
    caseId: 'case-1',
    number: 1,
    status: 'draft',
    content: {
      summary: 'Moved a lot.',
      hypotheses: [],
      fivePs: { presenting: '', predisposing: '', precipitating: '', perpetuating: '', protective: '' },
      strengths: '',
      needs: '',
      recommendations: [],
      youthFriendly: { summary: 'You moved a lot.', hypotheses: '', strengths: '', needs: '', recommendations: '' },
    },
    createdBy: 'ecm-sam',
    updatedBy: 'ecm-sam',
    updatedAt: '2026-11-27T10:00:00Z',
    approvedBy: null,
    approvedByName: null,
    approvedAt: null,
    version: 2,
  },
  versions: [{ number: 1, status: 'draft', approvedAt: null, approvedByName: null, updatedAt: '2026-11-27T10:00:00Z' }],
};

beforeEach(() => {
  sessionStorage.clear();
  vi.stubGlobal(
    'fetch',
    fakeApi({
      'GET /cases/case-1/formulation': () => [200, record],
      'GET /cases/case-1/timeline': () => [200, { items: [], nextCursor: null }],
      'GET /cases/case-1/formulation/versions/1/revisions': () => [200, { items: [] }],
    }).impl,
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the formulation’s buttons follow what the person may do', () => {
  it('offers approval to a psychologist (formulation.approve)', async () => {
    renderSignedIn(<FormulationSection view={view(['formulation.read', 'formulation.write', 'formulation.approve'])} etag={null} reload={() => {}} />);
    expect(await screen.findByRole('button', { name: 'Approve version 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the draft' })).toBeTruthy();
  });

  it('lets an ECM practitioner save the draft but not approve it', async () => {
    renderSignedIn(<FormulationSection view={view(['formulation.read', 'formulation.write'])} etag={null} reload={() => {}} />);
    expect(await screen.findByRole('button', { name: 'Save the draft' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('shows a partner the text read-only, with the youth-friendly words beside it', async () => {
    renderSignedIn(<FormulationSection view={view(['formulation.read'])} etag={null} reload={() => {}} />);
    expect(await screen.findByText('Moved a lot.')).toBeTruthy();
    expect(screen.getByText('You moved a lot.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Save|Approve/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
