import { describe, expect, it } from 'vitest';
import { CLINICAL_JARGON, jargonIn } from '../../src/domain/plainWords.js';
import { reviewRecord } from '../../src/documents/reviewRecord.js';
import type { PlanLine } from '../../src/domain/reviewOfPlan.js';
import { youthFriendlyFormulation } from '../../src/documents/youthFriendlyFormulation.js';
import { openDocx } from '../support/docx.js';
import { CHILD_DOB, CHILD_NAME, dossierWith } from '../support/dossierFactory.js';

describe('the youth-friendly formulation', () => {
  it('opens as a Word document in large type, with the young person’s strengths first', async () => {
    const file = await youthFriendlyFormulation(dossierWith(20));
    const doc = openDocx(file.content);
    expect(doc.parts['word/styles.xml']).toContain('<w:sz w:val="28"/>');
    const sections = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(sections[0]).toBe('What you are good at');
    expect(sections).toEqual([
      'What you are good at',
      'Your story so far',
      'What we think is going on',
      'What could help you',
      'What happens next',
      'Who is helping you',
      'What you think',
    ]);
    expect(doc.allText.indexOf('You are a loyal friend')).toBeLessThan(doc.allText.indexOf('You have moved home a lot'));
  });

  it('uses none of the listed clinical jargon, even though the professional text is full of it', async () => {
    const d = dossierWith(20);
    expect(jargonIn(d.formulations[0]!.content.needs + d.formulations[0]!.content.hypotheses[0]!.text + ' formulation')).not.toEqual([]);
    const doc = openDocx((await youthFriendlyFormulation(d)).content);
    const body = doc.allText.replace(/ECM for Teams|OFFICIAL-SENSITIVE/g, '');
    expect(jargonIn(body)).toEqual([]);
    for (const term of CLINICAL_JARGON) expect(body.toLowerCase()).not.toMatch(new RegExp(`\\b${term.toLowerCase()}\\b`));
  });

  it('speaks to the young person and never names them, in the file name or inside', async () => {
    const d = dossierWith(20);
    const yf = d.formulations[0]!.content.youthFriendly;
    const named = {
      ...d,
      formulations: [
        { ...d.formulations[0]!, content: { ...d.formulations[0]!.content, youthFriendly: { ...yf, summary: 'Jordan, you have moved home a lot.' } } },
      ],
    };
    const file = await youthFriendlyFormulation(named);
    expect(file.fileName).toBe('BRI-2026-0042_youth-friendly-formulation.docx');
    const doc = openDocx(file.content);
    for (const part of [CHILD_NAME, ...CHILD_NAME.split(' '), CHILD_DOB]) expect(doc.allText).not.toContain(part);
    expect(doc.allText).toContain('You, you have moved home a lot.');
  });

  it('finds jargon as a word, whatever its case, and not inside other words', () => {
    expect(jargonIn('Her Trauma and the TRM placement')).toEqual(['trauma', 'TRM']);
    expect(jargonIn('We will go to the strumming class')).toEqual([]);
  });
});

describe('the review record', () => {
  it('an outcome recorded before the plan had actions still shows progress on each recommendation, the new TRM placement, the re-plan and the next review date', async () => {
    const d = dossierWith(10);
    const file = await reviewRecord(d, d.meetings[0]!.id);
    expect(file.fileName).toBe('BRI-2026-0042_review-record_2027-02-12.docx');
    const doc = openDocx(file.content);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'What the meeting noted',
      'Progress on each recommendation',
      'TRM placement',
      'Re-plan',
      'Next review',
      'Who took part',
      'Handling',
    ]);
    expect(doc.body).toContain('<w:tblHeader/>');
    expect(doc.allText).toMatch(/The same worker at the same time each week\.\s*2\s*Achieved/);
    expect(doc.allText).toMatch(/Help the family with stable housing\.\s*1\s*In progress/);
    expect(doc.allText).toMatch(/Art-based group at the youth club\.\s*4\s*Not discussed/);
    expect(doc.allText).toContain('Level 2.5: Trust and relationships → Working through trauma');
    expect(doc.allText).toContain('Moved up (was level 2)');
    expect(doc.allText).toContain('Start the art group next month.');
    expect(doc.allText).toContain('The next review is due by 1 May 2027.');
    for (const part of [CHILD_NAME, ...CHILD_NAME.split(' '), CHILD_DOB]) expect(doc.allText).not.toContain(part);
  });

  it('shows what happened on each action and the plan before and after the review, new and changed actions marked', async () => {
    const d = dossierWith(10);
    const m = d.meetings[0]!;
    const line = (id: string, sequence: number, text: string, over: Partial<PlanLine> = {}): PlanLine => ({
      id,
      sequence,
      text,
      trmLevel: 2,
      owner: { kind: 'agency', agency: 'ecm_team' },
      dueBy: '2027-03-01',
      status: 'planned',
      stoppedBecause: null,
      ...over,
    });
    const worker = line('a1', 1, 'The same worker at the same time each week.');
    const art = line('a2', 2, 'Art-based group at the youth club.');
    const outcome = {
      ...m.outcome!,
      recommendationProgress: undefined,
      actionProgress: [
        { actionId: 'a1', status: 'under_way' as const, happened: `${CHILD_NAME} kept every session.`, barriers: '', decision: 'continue' as const },
        {
          actionId: 'a2',
          status: 'planned' as const,
          happened: 'The group closed.',
          barriers: 'No group nearby.',
          decision: 'stop' as const,
          stoppedBecause: 'The group closed.',
        },
      ],
      plan: {
        before: [worker, art],
        after: [
          { ...worker, status: 'under_way' as const },
          { ...art, status: 'stopped' as const, stoppedBecause: 'The group closed.' },
          line('a3', 3, 'Weekly football with a youth club coach.', {
            owner: { kind: 'person', staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' },
          }),
        ],
      },
    };
    const doc = openDocx((await reviewRecord({ ...d, meetings: [{ ...m, outcome }] }, m.id)).content);
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'What the meeting noted',
      'Progress on each action',
      'The plan before this review',
      'The plan after this review',
      'TRM placement',
      'Re-plan',
      'Next review',
      'Who took part',
      'Handling',
    ]);
    expect(doc.allText).toMatch(/kept every session\.\s*—\s*Continue \(Under way\)/);
    expect(doc.allText).toMatch(/No group nearby\.\s*Stop \(Stopped\)/);
    expect(doc.allText).toMatch(/1 \(changed\)\s*The same worker/);
    expect(doc.allText).toMatch(/3 \(new\)\s*Weekly football with a youth club coach\.\s*2\s*PC Jo Harris \(Police\)/);
    expect(doc.allText).toContain('Stopped: The group closed.');
    for (const part of [CHILD_NAME, ...CHILD_NAME.split(' '), CHILD_DOB]) expect(doc.allText).not.toContain(part);
  });

  it('is refused for a meeting whose outcome is not recorded', async () => {
    const d = dossierWith(3);
    const scheduled = { ...d.meetings[0]!, status: 'scheduled' as const, outcome: null };
    await expect(reviewRecord({ ...d, meetings: [scheduled] }, scheduled.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
