// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/client.js';
import { ErrorNotice } from '../src/common/ErrorNotice.js';
import { labelsFrom } from '../src/common/fieldProblems.js';
import { SortableTable } from '../src/common/SortableTable.js';
import { EntryForm } from '../src/timeline/EntryForm.js';
import { DEMO_SERVICES } from '../../src/demo/people.js';
import { fakeApi, renderSignedIn } from './render.js';

const categories = DEMO_SERVICES[0]!.settings.categories;

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('adding a timeline entry during a meeting', () => {
  it('keeps what the practitioner typed when the connection drops, and after a reload', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const user = userEvent.setup();
    const first = renderSignedIn(<EntryForm caseId="case-1" categories={categories} myAgency="police" onSaved={() => {}} />);
    fireEvent.change(screen.getByLabelText(/^Category/), { target: { value: 'police_justice' } });
    await user.type(screen.getByLabelText(/^Age of the child/), '9');
    await user.type(screen.getByLabelText(/What happened/), 'Arrested after a fight near school.');
    await user.click(screen.getByRole('button', { name: 'Add to the timeline' }));
    expect(await screen.findByText('You seem to be offline')).toBeTruthy();
    expect((screen.getByLabelText(/What happened/) as HTMLTextAreaElement).value).toBe('Arrested after a fight near school.');

    first.unmount();
    renderSignedIn(<EntryForm caseId="case-1" categories={categories} myAgency="police" onSaved={() => {}} />);
    expect(screen.getByText('Your unsaved text was brought back.')).toBeTruthy();
    expect((screen.getByLabelText(/What happened/) as HTMLTextAreaElement).value).toBe('Arrested after a fight near school.');
  });

  it('sends the entry as the API expects and forgets the draft once saved', async () => {
    const api = fakeApi({ 'POST /cases/case-1/timeline': (body) => [201, { id: 'e1', version: 1, ...(body as object) }] });
    vi.stubGlobal('fetch', api.impl);
    const saved = vi.fn();
    const user = userEvent.setup();
    renderSignedIn(<EntryForm caseId="case-1" categories={categories} myAgency="police" onSaved={saved} />);
    fireEvent.change(screen.getByLabelText('How precisely is the time known?'), { target: { value: 'month' } });
    fireEvent.change(screen.getByLabelText(/^Month/), { target: { value: '2019-03' } });
    fireEvent.change(screen.getByLabelText(/^Category/), { target: { value: 'care_placements' } });
    await user.type(screen.getByLabelText(/What happened/), 'Moved to a new foster placement.');
    await user.click(screen.getByRole('button', { name: 'Add to the timeline' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(api.calls[0]!.body).toEqual({
      when: { precision: 'month', month: '2019-03' },
      category: 'care_placements',
      sourceAgency: 'police',
      confidence: 'reported',
      description: 'Moved to a new foster placement.',
    });
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('ecm-draft:'))).toEqual([]);
  });

  it('edits with If-Match, and explains a 412 with a way to reload', async () => {
    const api = fakeApi({
      'PUT /cases/case-1/timeline/e1': () => [
        412,
        { error: { code: 'precondition_failed', message: 'This entry was changed by someone else; reload it and try again.' } },
      ],
    });
    vi.stubGlobal('fetch', api.impl);
    const reload = vi.fn();
    const user = userEvent.setup();
    const editing = {
      id: 'e1',
      caseId: 'case-1',
      when: { precision: 'age' as const, age: 7 },
      category: 'education',
      sourceAgency: 'education' as const,
      confidence: 'confirmed' as const,
      description: 'Moved school.',
      span: { start: '2018-05-14', end: '2019-05-13' },
      lifeStage: 'primary' as const,
      contributorId: 'police-jo',
      contributorName: 'PC Jo Harris',
      createdAt: '2026-11-27T10:00:00Z',
      updatedAt: '2026-11-27T10:00:00Z',
      version: 3,
      retraction: null,
      restriction: null,
    };
    renderSignedIn(<EntryForm caseId="case-1" categories={categories} myAgency="police" editing={editing} onSaved={() => {}} onReload={reload} />);
    await user.click(screen.getByRole('button', { name: 'Save the change' }));
    expect(await screen.findByText('Someone else changed this')).toBeTruthy();
    expect(api.calls[0]!.headers.get('if-match')).toBe('"3"');
    await user.click(screen.getByRole('button', { name: 'Reload the latest version' }));
    expect(reload).toHaveBeenCalled();
  });
});

describe('errors from the API', () => {
  it('lists what was wrong with each answer, from the envelope, by the labels the form shows', () => {
    renderSignedIn(
      <ErrorNotice
        error={
          new ApiError(400, 'validation_failed', 'The timeline entry is not valid.', [
            { path: 'when.age', message: 'Too big: expected number to be <=25' },
            { path: 'description', message: 'must not be empty' },
            { path: 'hypotheses.0.text', message: 'must not be empty' },
          ])
        }
        labels={labelsFrom({ 'when.age': 'Age of the child (years)', description: 'What happened (facts, not opinion)' })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Some answers need another look');
    expect(screen.getByText('Age of the child (years):')).toBeTruthy();
    expect(screen.getByText('What happened (facts, not opinion):')).toBeTruthy();
    // A path the form has no label for is still said in words, never as the API's name.
    expect(screen.getByText('Hypotheses 1 text:')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toMatch(/when\.age|›|hypotheses\.0/);
  });
});

describe('tables', () => {
  it('sort by a column when its header is pressed, and say so', async () => {
    const user = userEvent.setup();
    renderSignedIn(
      <SortableTable
        caption="People"
        rows={[
          { n: 'Bea', a: 30 },
          { n: 'Al', a: 40 },
          { n: 'Cy', a: 20 },
        ]}
        rowKey={(r) => r.n}
        columns={[
          { key: 'n', label: 'Name', sortValue: (r) => r.n, render: (r) => r.n },
          { key: 'a', label: 'Age', sortValue: (r) => r.a, render: (r) => String(r.a) },
        ]}
      />,
    );
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent?.replace(/\d+/g, ''));
    expect(names()).toEqual(['Bea', 'Al', 'Cy']);
    await user.click(screen.getByRole('button', { name: 'Age' }));
    expect(names()).toEqual(['Cy', 'Bea', 'Al']);
    expect(screen.getAllByRole('columnheader')[1]!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Age' }));
    expect(names()).toEqual(['Al', 'Bea', 'Cy']);
  });
});
