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
      fivePs: { presenting: 'Riley hits out when cornered.', predisposing: '', precipitating: '', perpetuating: '', protective: '' },
      strengths: '',
      needs: '',
      recommendations: [],
      views: '',
      youthFriendly: {
        summary: 'You moved a lot.',
        hypotheses: 'Riley’s nan says you keep your guard up, and that is okay.',
        strengths: '',
        needs: 'Your YJS worker will help with your trauma.',
        recommendations: '',
      },
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

describe('the plain-words check, shown while the psychologist writes', () => {
  it('warns beside the youth-friendly text of a name, an idiom, a service’s word and a clinical word, and rewrites nothing', async () => {
    renderSignedIn(<FormulationSection view={view(['formulation.read', 'formulation.write', 'formulation.approve'])} etag={null} reload={() => {}} />);
    const hypotheses = (await screen.findByLabelText('Youth-friendly: psychological hypotheses')) as HTMLTextAreaElement;
    expect(hypotheses.value).toBe('Riley’s nan says you keep your guard up, and that is okay.');
    expect(screen.getByText(/“Riley’s” is the young person’s name/)).toBeTruthy();
    expect(screen.getByText(/“keep your guard up” is a saying a young person may take literally: try be careful who you trust/)).toBeTruthy();
    const needs = screen.getByText(/“YJS worker” is a service’s own word: try your worker, by name/);
    expect(needs.textContent).toMatch(/“trauma” is a clinical word/);
    // Professional text is published as "the young person": the writer is told, nothing is changed.
    expect(screen.getByText('Names the young person (Riley): the published report will say “the young person”.')).toBeTruthy();
    expect((screen.getByLabelText('Presenting') as HTMLTextAreaElement).value).toBe('Riley hits out when cornered.');
  });
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
