import type { HypothesisDomain, Recommendation } from '../domain/formulation.js';
import { LIFE_STAGES, type LifeStage } from '../domain/lifeStage.js';
import type { ReviewMeasures } from '../domain/evaluationMeasures.js';
import type { MeetingKind } from '../domain/meeting.js';
import type { PlanAction } from '../domain/planAction.js';
import type { ActionReview } from '../domain/reviewOfPlan.js';
import type { Agency } from '../domain/staff.js';
import { CONFIDENCE, type EntryWhen, type TimelineEntryInput } from '../domain/timeline.js';
import type { DemoRun } from './demoRun.js';

/** FICTIONAL DEMO DATA — the shapes the demo stories are written in. */

/** A formulation as a story writes it: hypotheses cite timeline entries by their story keys. */
export interface DemoFormulation {
  summary?: string;
  hypotheses?: { id: string; domain: HypothesisDomain; text: string; evidence: string[] }[];
  fivePs?: { presenting: string; predisposing: string; precipitating: string; perpetuating: string; protective: string };
  strengths?: string;
  needs?: string;
  recommendations?: Recommendation[];
  youthFriendly?: { summary: string; hypotheses: string; strengths: string; needs: string; recommendations: string };
}

export type Progress = 'not_started' | 'in_progress' | 'achieved' | 'stopped';

export interface MeetingPlan {
  kind: MeetingKind;
  /** The organiser, who schedules (and cancels) the meeting. */
  by: string;
  scheduledOn: string;
  at: string;
  minutes?: number;
  location: string;
  attendees: string[];
  responses?: Record<string, 'accepted' | 'tentative' | 'declined'>;
  cancelledOn?: string;
  outcome?: {
    by: string;
    summary: string;
    progress?: Record<string, [Progress, string]>;
    replan?: string;
    /** Weeks from the meeting to the next review; null for a consultation. */
    nextReviewWeeks: number | null;
    /** The evaluation's measures, as the team recorded them at this meeting. */
    measures?: ReviewMeasures;
  };
  trm?: { by: string; level: number; rationale: string };
}

/** A recommendation, in the order the psychologist offers it. */
export const rec = (id: string, sequence: number, trmLevel: number, text: string, relationshipBased = false): Recommendation => ({
  id,
  sequence,
  trmLevel,
  text,
  relationshipBased,
});

/**
 * Reads "when | category | agency | confidence | what happened". When is a day (2014-03-09), a
 * month (2014-03), a year (2014), an age ("age 7") or a life stage ("pregnancy"); story dates are
 * moved to the real calendar like every other date of the demo.
 */
export function parseEntryLine(run: DemoRun, line: string): TimelineEntryInput {
  const parts = line.split('|').map((s) => s.trim());
  if (parts.length !== 5) throw new Error(`Demo timeline line needs five parts: ${line}`);
  const [when, category, agency, confidence, description] = parts as [string, string, string, string, string];
  if (!(CONFIDENCE as readonly string[]).includes(confidence)) throw new Error(`Unknown confidence "${confidence}"`);
  return {
    when: parseWhen(run, when),
    category,
    sourceAgency: agency as Agency,
    confidence: confidence as TimelineEntryInput['confidence'],
    description,
  };
}

function parseWhen(run: DemoRun, when: string): EntryWhen {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return { precision: 'day', date: run.day(when) };
  if (/^\d{4}-\d{2}$/.test(when)) return { precision: 'month', month: run.month(when) };
  if (/^\d{4}$/.test(when)) return { precision: 'year', year: run.year(Number(when)) };
  const age = /^age (\d{1,2})$/.exec(when);
  if (age) return { precision: 'age', age: Number(age[1]) };
  if ((LIFE_STAGES as readonly string[]).includes(when)) return { precision: 'lifeStage', lifeStage: when as LifeStage };
  throw new Error(`Demo timeline "when" not understood: ${when}`);
}

const STANDING = { not_started: 'planned', in_progress: 'under_way', achieved: 'done' } as const;

/**
 * A story tells progress by recommendation, as the team talks of it; the review records it on the
 * open action that carries each recommendation.
 */
export function progressOnActions(actions: PlanAction[], progress: Record<string, [Progress, string]>): ActionReview[] {
  return actions.flatMap((a): ActionReview[] => {
    const said = progress[a.recommendationId];
    if (!said || a.status === 'done' || a.status === 'stopped') return [];
    const [how, note] = said;
    const base = { actionId: a.id, happened: note, barriers: '' };
    return how === 'stopped'
      ? [{ ...base, status: 'under_way', decision: 'stop', stoppedBecause: note || 'Stopped at this review.' }]
      : [{ ...base, status: STANDING[how], decision: 'continue' }];
  });
}
