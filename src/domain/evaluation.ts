import type { Agreement } from './agreement.js';
import type { Case } from './case.js';
import { CASELOAD_MOVEMENTS, type CaseloadMovement } from './caseloadOverview.js';
import { ageInYears, daysBetween, type IsoDate } from './dates.js';
import { ENGAGEMENT, FURTHER_OFFENDING } from './evaluationAnswers.js';
import type { ReviewMeasures } from './evaluationMeasures.js';
import { type Meeting, meetingDate } from './meeting.js';
import { inPlacementOrder, overallMovement, type TrmPlacement } from './trm.js';

/**
 * The ECM team's evaluation across the services it serves: what the view shows (children supported,
 * time in ECM, TRM movement, engagement and offending over time) and the rows of the pseudonymised
 * export. Nothing here names a child: the export carries a pseudonym made outside the domain (a keyed
 * hash), an age band instead of the date of birth, months instead of dates, and codes.
 */
export interface EvaluationRecord {
  case: Case;
  agreements: Agreement[];
  meetings: Meeting[];
  placements: TrmPlacement[];
}

/** A formulation or review meeting held with its measures recorded, in date order. */
export interface MeasuredMeeting {
  date: IsoDate;
  kind: Meeting['kind'];
  measures: ReviewMeasures;
  /** The TRM level the team placed the child at, at this meeting or most recently before it. */
  trmLevel: number | null;
}

export const AGE_BANDS = ['under_10', '10-13', '14-15', '16-17', '18+'] as const;
export type EvaluationAgeBand = (typeof AGE_BANDS)[number];

export function ageBand(dateOfBirth: IsoDate, on: IsoDate): EvaluationAgeBand {
  const age = ageInYears(dateOfBirth, on);
  return age >= 18 ? '18+' : age >= 16 ? '16-17' : age >= 14 ? '14-15' : age >= 10 ? '10-13' : 'under_10';
}

/** The day ECM work began: the young person's first agreement to take part (null if they never agreed). */
export function startedOn(agreements: Agreement[]): IsoDate | null {
  return (
    agreements
      .filter((a) => a.party === 'young_person' && a.decision === 'given')
      .map((a) => a.date)
      .sort()[0] ?? null
  );
}

/** Days from the start of ECM work to closure, or to `today` while the case is open. */
export function daysInEcm(record: EvaluationRecord, today: IsoDate): number | null {
  const start = startedOn(record.agreements);
  if (!start) return null;
  const end = record.case.closedAt ? record.case.closedAt.slice(0, 10) : today;
  return Math.max(0, daysBetween(start, end));
}

export function measuredMeetings(record: EvaluationRecord): MeasuredMeeting[] {
  const placements = inPlacementOrder(record.placements);
  return record.meetings
    .filter((m) => m.status === 'held' && m.outcome?.measures)
    .map((m) => {
      const date = meetingDate(m);
      const atMeeting = placements.filter((p) => p.meetingId === m.id).at(-1);
      const before = placements.filter((p) => p.effectiveDate <= date).at(-1);
      return { date, kind: m.kind, measures: m.outcome?.measures as ReviewMeasures, trmLevel: (atMeeting ?? before)?.level ?? null };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

export const EXPORT_COLUMNS = [
  'pseudonym',
  'service',
  'age_band',
  'pathway',
  'status',
  'referral_month',
  'days_in_ecm',
  'trm_first_level',
  'trm_latest_level',
  'trm_movement',
  'measure_no',
  'measure_month',
  'meeting_kind',
  'trm_level',
  'engagement',
  'education_training_employment',
  'accommodation',
  'further_offending',
  'custody_or_remand',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/**
 * One row per meeting whose measures were recorded (a child without any has one row, its measures
 * empty), each repeating the child's pseudonym and case-level figures so a spreadsheet can pivot it.
 */
export function exportRows(record: EvaluationRecord, pseudonym: string, today: IsoDate): ExportRow[] {
  const c = record.case;
  const placements = inPlacementOrder(record.placements);
  const child = {
    pseudonym,
    service: c.serviceId,
    // A consultation held on initials and age has no date of birth to band.
    age_band: c.childDateOfBirth === null ? null : ageBand(c.childDateOfBirth, today),
    pathway: c.pathway,
    status: c.status,
    referral_month: c.referredAt.slice(0, 7),
    days_in_ecm: daysInEcm(record, today),
    trm_first_level: placements[0]?.level ?? null,
    trm_latest_level: placements.at(-1)?.level ?? null,
    trm_movement: overallMovement(placements) ?? 'none',
  };
  const none = { measure_no: null, measure_month: null, meeting_kind: null, trm_level: null };
  const measured = measuredMeetings(record);
  if (measured.length === 0) {
    return [
      { ...child, ...none, engagement: null, education_training_employment: null, accommodation: null, further_offending: null, custody_or_remand: null },
    ];
  }
  return measured.map((m, i) => ({
    ...child,
    measure_no: i + 1,
    measure_month: m.date.slice(0, 7),
    meeting_kind: m.kind,
    trm_level: m.trmLevel,
    engagement: m.measures.engagement,
    education_training_employment: m.measures.educationTrainingEmployment,
    accommodation: m.measures.accommodation,
    further_offending: m.measures.furtherOffending,
    custody_or_remand: m.measures.custodyOrRemand,
  }));
}

export const TIME_IN_ECM_BANDS = ['under_3_months', '3_6_months', '6_12_months', 'over_12_months'] as const;
export type TimeInEcmBand = (typeof TIME_IN_ECM_BANDS)[number];
const timeBand = (days: number): TimeInEcmBand => (days < 91 ? 'under_3_months' : days < 183 ? '3_6_months' : days < 365 ? '6_12_months' : 'over_12_months');

export type EngagementAnswer = keyof typeof ENGAGEMENT;
export type OffendingAnswer = keyof typeof FURTHER_OFFENDING;

/** The measures recorded in one quarter (by meeting date), counted by answer. */
export interface QuarterMeasures {
  quarter: string;
  engagement: Record<EngagementAnswer, number>;
  furtherOffending: Record<OffendingAnswer, number>;
}

export interface EvaluationFigures {
  today: IsoDate;
  services: { id: string; children: number; supported: number }[];
  /** Children referred, and those whose ECM work began (the young person agreed). */
  children: number;
  supported: number;
  timeInEcm: { medianDays: number | null; bands: Record<TimeInEcmBand, number> };
  /** Over the children supported: where each is now against their first TRM placement. */
  trmMovement: Record<CaseloadMovement, number>;
  overTime: QuarterMeasures[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const quarterOf = (date: IsoDate) => `${date.slice(0, 4)} Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

export function evaluationFigures(records: EvaluationRecord[], serviceIds: string[], today: IsoDate): EvaluationFigures {
  const supported = records.filter((r) => startedOn(r.agreements) !== null);
  const days = supported.map((r) => daysInEcm(r, today) as number);
  const bands = zeroes(TIME_IN_ECM_BANDS);
  for (const d of days) bands[timeBand(d)] += 1;
  const trmMovement = zeroes(CASELOAD_MOVEMENTS);
  for (const r of supported) trmMovement[overallMovement(r.placements) ?? 'none'] += 1;
  const quarters = new Map<string, QuarterMeasures>();
  for (const m of supported.flatMap(measuredMeetings)) {
    const quarter = quarterOf(m.date);
    const q = quarters.get(quarter) ?? {
      quarter,
      engagement: zeroes(Object.keys(ENGAGEMENT) as EngagementAnswer[]),
      furtherOffending: zeroes(Object.keys(FURTHER_OFFENDING) as OffendingAnswer[]),
    };
    q.engagement[m.measures.engagement] += 1;
    q.furtherOffending[m.measures.furtherOffending] += 1;
    quarters.set(quarter, q);
  }
  return {
    today,
    services: serviceIds.map((id) => ({
      id,
      children: records.filter((r) => r.case.serviceId === id).length,
      supported: supported.filter((r) => r.case.serviceId === id).length,
    })),
    children: records.length,
    supported: supported.length,
    timeInEcm: { medianDays: median(days), bands },
    trmMovement,
    overTime: [...quarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
  };
}
