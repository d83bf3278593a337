import { describe, expect, it } from 'vitest';
import type { PlanAction } from '../../src/domain/planAction.js';
import { summaryDocument } from '../../src/documents/summaryDocument.js';
import { draftSummary, type SummarySource } from '../../src/documents/summaryDraft.js';
import { openDocx } from '../support/docx.js';
import { CHILD_DOB, CHILD_NAME, dossierWith } from '../support/dossierFactory.js';

/** The summaries' first drafts, made from the approved formulation and the plan, and their Word files. */
function source(): SummarySource {
  const d = dossierWith(12);
  const formulation = d.formulations.at(-1)!;
  const action = (n: number, recommendationId: string, owner: PlanAction['owner'], status: PlanAction['status'] = 'planned'): PlanAction => {
    const rec = formulation.content.recommendations.find((r) => r.id === recommendationId)!;
    return {
      id: `00000000-0000-4000-8000-00000000000${n}`,
      caseId: d.case.id,
      recommendationId,
      formulationNumber: 1,
      text: rec.text,
      trmLevel: rec.trmLevel,
      relationshipBased: rec.relationshipBased,
      sequence: n,
      owner,
      dueBy: n === 2 ? '2027-01-15' : null,
      status,
      stoppedBecause: null,
      addedAtMeetingId: null,
      updatedBy: 'ecm-sam',
      updatedByName: 'Sam Patel',
      updatedAt: '2026-11-20T12:00:00.000Z',
      version: 1,
    };
  };
  return {
    case: { childName: CHILD_NAME, childDateOfBirth: CHILD_DOB, referredAt: '2026-09-01T09:00:00.000Z' },
    service: d.service,
    formulation,
    actions: [
      action(1, 'r2', { kind: 'agency', agency: 'social_care' }),
      action(2, 'r1', { kind: 'person', staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice' }),
      action(3, 'r3', { kind: 'agency', agency: 'young_person_or_family' }),
    ],
    team: d.team,
    placements: d.placements,
  };
}

describe('the summary for the court, drafted', () => {
  const court = draftSummary('court', source());

  it('says the young person is in ECM and since when, and when the formulation was approved', () => {
    expect(court.inEcm).toContain('referred to Enhanced Case Management (ECM) with');
    expect(court.inEcm).toContain('1 September 2026');
    expect(court.inEcm).toContain('approved by a clinical psychologist on 20 November 2026');
  });

  it('gives the plan in its order with its dates, and splits what is asked of the young person from what is asked of the adults', () => {
    expect(court.plan!.split('\n')).toEqual([
      '1. Help the family with stable housing.',
      '2. The same worker at the same time each week. (by 15 January 2027)',
      '3. Art-based group at the youth club.',
    ]);
    expect(court.askedOfChild).toBe('• Art-based group at the youth club.');
    expect(court.askedOfAdults!.split('\n')).toEqual([
      '• Social care: Help the family with stable housing.',
      '• Amy Clarke (Youth justice): The same worker at the same time each week.',
    ]);
  });

  it('says why relationship-based work comes first, without the clinical hypotheses or the child’s name', () => {
    expect(court.relationshipsFirst).toContain('Trauma Recovery Model');
    expect(court.relationshipsFirst).toContain('• The same worker at the same time each week.');
    const all = Object.values(court).join('\n');
    expect(all).not.toContain('Aggression when cornered');
    expect(all).not.toMatch(/Jordan|Testperson/);
  });
});

describe('the handover summary for adult services, drafted', () => {
  const handover = draftSummary('adult_handover', source());

  it('gives what the formulation found, in words that say “the young person”', () => {
    expect(handover.found).toContain('The young person is fifteen.');
    expect(handover.found).toContain('• Trust in adults is fragile after repeated losses.');
    expect(Object.values(handover).join('\n')).not.toMatch(/Jordan|Testperson/);
  });

  it('gives what works, and the team as trusted adults, leaving out the psychologist', () => {
    expect(handover.whatWorks).toContain('Loyal to friends; a talented artist.');
    expect(handover.trustedAdults!.split('\n')).toEqual(['• Amy Clarke: Youth justice, case holder', '• PC Jo Harris: Police, partner agency']);
  });

  it('leaves triggers and what to avoid empty when the formulation says nothing of them, for the psychologist to write', () => {
    expect(handover.triggers).toBe('');
    expect(handover.avoid).toBe('');
  });
});

describe('a summary as a Word file', () => {
  const c = { reference: 'BRI-2026-0042', childName: CHILD_NAME, childDateOfBirth: CHILD_DOB };

  it('is named by case reference, holds each section under its heading, and says who approved which version', async () => {
    const sections = { ...draftSummary('court', source()), askedOfAdults: `${CHILD_NAME}'s nan keeps the routine.` };
    const file = await summaryDocument(c, 'Bristol Youth Justice Service', 'court', {
      sections,
      formulationNumber: 1,
      approval: { number: 2, approvedByName: 'Dr Helen Marsh', approvedAt: '2026-12-01T10:00:00.000Z' },
    });
    expect(file.fileName).toBe('BRI-2026-0042_court-summary.docx');
    const doc = openDocx(file.content);
    for (const heading of ['Enhanced Case Management and since when', 'The plan in plain words', 'Why relationship-based work comes first']) {
      expect(doc.allText).toContain(heading);
    }
    expect(doc.allText).toContain('1 December 2026 by Dr Helen Marsh, clinical psychologist');
    expect(doc.allText).toContain('v2');
    // A name typed in anyway never leaves in the file.
    expect(doc.allText).toContain("The young person's nan keeps the routine.");
    expect(doc.allText).not.toMatch(/Jordan|Testperson|2011-05-14/);
  });

  it('marks a draft as not yet approved', async () => {
    const file = await summaryDocument(c, 'Bristol Youth Justice Service', 'adult_handover', {
      sections: draftSummary('adult_handover', source()),
      formulationNumber: 1,
      approval: null,
    });
    expect(file.fileName).toBe('BRI-2026-0042_adult-handover-summary.docx');
    expect(openDocx(file.content).allText).toContain('Draft, not yet approved');
  });
});
