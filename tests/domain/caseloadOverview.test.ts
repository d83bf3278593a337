import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/domain/agreement.js';
import type { Case } from '../../src/domain/case.js';
import { caseloadOverview, type CaseloadRecord } from '../../src/domain/caseloadOverview.js';
import type { Formulation } from '../../src/domain/formulation.js';
import { reviewStatus } from '../../src/domain/reviewCadence.js';
import type { TrmPlacement } from '../../src/domain/trm.js';

const TODAY = '2026-11-27';
const CADENCE = { earliestWeeks: 8, dueWeeks: 12, overdueWeeks: 13 };
let n = 0;

const aCase = (status: Case['status'], overrides: Partial<Case> = {}): Case => {
  n += 1;
  return {
    id: `case-${n}`,
    reference: `BRI-2026-${String(n).padStart(4, '0')}`,
    serviceId: 'BRI',
    childName: 'Jordan Test',
    childDateOfBirth: '2011-05-14',
    pathway: 'statutory_ecm',
    orderStart: '2026-01-01',
    orderEnd: '2027-06-01',
    status,
    referralReason: 'Referred.',
    lawfulBasis: 'public_task',
    legalStatus: 'living_with_parents',
    parentalResponsibility: null,
    referredBy: 'yjs-amy',
    referredAt: '2026-03-02T09:00:00.000Z',
    caseHolderId: 'yjs-amy',
    closureReason: status === 'closed' ? 'completed' : null,
    closureNote: null,
    closedAt: status === 'closed' ? '2026-10-01T09:00:00.000Z' : null,
    version: 1,
    ...overrides,
  };
};

const placed = (...levels: number[]): TrmPlacement[] =>
  levels.map((level, i) => ({
    id: `p${i}`,
    caseId: 'x',
    level,
    rationale: 'r',
    effectiveDate: `2026-0${i + 1}-15`,
    meetingId: null,
    placedBy: 'ecm-sam',
    placedByName: 'Sam Okafor',
    placedAt: `2026-0${i + 1}-15T10:00:00.000Z`,
  }));

const agreed = (party: Agreement['party'], decision: Agreement['decision'], seq: number): Agreement => ({
  id: `a${seq}`,
  caseId: 'x',
  seq,
  party,
  decision,
  date: '2026-03-05',
  method: 'in_person',
  competenceNote: null,
  familyInvolvement: null,
  recordedBy: 'yjs-amy',
  recordedByName: 'Amy Clarke',
  recordedAt: '2026-03-05T10:00:00.000Z',
});
const bothAgreed = [agreed('young_person', 'given', 1), agreed('parent_carer', 'given', 2)];
const approved = { approvedAt: '2026-05-01T10:00:00.000Z' } as Formulation;

const record = (c: Case, r: Partial<CaseloadRecord> = {}): CaseloadRecord => ({
  case: c,
  agreements: bothAgreed,
  formulations: [],
  placements: [],
  review: null,
  ...r,
});
const reviewFrom = (last: string) => reviewStatus(last, null, TODAY, CADENCE);

describe("a service's caseload at a glance", () => {
  it('counts how many children moved up, stayed, set back, were placed once or not yet, over the active cases only', () => {
    const o = caseloadOverview(
      [
        record(aCase('active'), { placements: placed(2, 3) }),
        record(aCase('active'), { placements: placed(2, 2.5, 4) }),
        record(aCase('active'), { placements: placed(3, 3) }),
        record(aCase('active'), { placements: placed(3, 4, 2.5) }),
        record(aCase('active'), { placements: placed(2) }),
        record(aCase('active')),
        record(aCase('closed'), { placements: placed(1, 5) }),
      ],
      TODAY,
    );
    expect(o.trmMovement.counts).toEqual({ up: 2, same: 1, setback: 1, first: 1, none: 1 });
    expect(o.trmMovement.cases.find((c) => c.movement === 'setback')).toMatchObject({ firstLevel: 3, latestLevel: 2.5, placements: 3 });
    expect(o.counts).toEqual({ referred: 0, awaiting_agreement: 0, active: 6, closed: 1 });
  });

  it('lists the reviews coming due and overdue, overdue first, and leaves out those not yet due', () => {
    const overdue = aCase('active');
    const dueSoon = aCase('active');
    const notDue = aCase('active');
    const o = caseloadOverview(
      [
        record(dueSoon, { formulations: [approved], review: reviewFrom('2026-09-11') }),
        record(notDue, { formulations: [approved], review: reviewFrom('2026-11-01') }),
        record(overdue, { formulations: [approved], review: reviewFrom('2026-08-01') }),
      ],
      TODAY,
    );
    expect(o.reviews.map((r) => [r.reference, r.state])).toEqual([
      [overdue.reference, 'overdue'],
      [dueSoon.reference, 'due_soon'],
    ]);
    expect(o.activeCases.find((c) => c.reference === notDue.reference)).toMatchObject({ formulationApproved: true, review: { state: 'not_due' } });
  });

  it('lists cases still waiting on agreement, longest waiting first, and never a closed case', () => {
    const waitingLong = aCase('awaiting_agreement', { referredAt: '2026-10-01T09:00:00.000Z' });
    const waitingShort = aCase('referred', { referredAt: '2026-11-20T09:00:00.000Z' });
    const withdrawn = aCase('active');
    const o = caseloadOverview(
      [
        record(waitingShort, { agreements: [] }),
        record(waitingLong, { agreements: [agreed('young_person', 'given', 1)] }),
        record(withdrawn, { agreements: [...bothAgreed, agreed('parent_carer', 'withdrawn', 3)] }),
        record(aCase('active')),
        record(aCase('closed'), { agreements: [] }),
      ],
      TODAY,
    );
    expect(o.agreementsOutstanding.map((a) => [a.reference, a.daysWaiting, a.agreement.parent_carer])).toEqual([
      [withdrawn.reference, 270, 'withdrawn'],
      [waitingLong.reference, 57, 'not_yet_known'],
      [waitingShort.reference, 7, 'not_yet_known'],
    ]);
  });

  it('names cases by reference only', () => {
    const o = caseloadOverview([record(aCase('active'), { placements: placed(2) }), record(aCase('referred'), { agreements: [] })], TODAY);
    expect(JSON.stringify(o)).not.toMatch(/Jordan|2011-05-14/);
  });
});
