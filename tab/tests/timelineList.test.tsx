// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../src/api/types.js';
import { TimelineList } from '../src/timeline/TimelineList.js';

afterEach(cleanup);

const entry = (id: string, createdAt: string, updatedAt: string, description: string): TimelineEntry => ({
  id,
  caseId: 'case-1',
  when: { precision: 'year', year: 2020 },
  category: 'home_family',
  sourceAgency: 'social_care',
  confidence: 'confirmed',
  description,
  span: { start: '2020-01-01', end: '2020-12-31' },
  lifeStage: 'primary',
  contributorId: 'ecm-sam',
  contributorName: 'Sam Okafor',
  createdAt,
  updatedAt,
  version: createdAt === updatedAt ? 1 : 2,
  retraction: null,
  restriction: null,
});

describe('the timeline beside the formulation', () => {
  it('marks what came after the newest approval, which that version’s documents do not hold', () => {
    render(
      <TimelineList
        entries={[
          entry('e1', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z', 'Known at approval.'),
          entry('e2', '2026-10-02T10:00:00Z', '2026-11-10T10:00:00Z', 'Edited after approval.'),
          entry('e3', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 'Added later.'),
        ]}
        dateOfBirth="2011-05-14"
        today="2026-11-27"
        categories={[{ key: 'home_family', label: 'Home and family', tone: 'context' }]}
        palette={{} as never}
        printing
        approvedAt="2026-11-01T10:00:00Z"
      />,
    );
    expect(screen.getAllByText('Since approval')).toHaveLength(1);
    expect(screen.getAllByText('Changed since approval')).toHaveLength(1);
  });
});
