import { z } from 'zod';
import { isIsoDate, type Instant, type IsoDate } from './dates.js';
import { plainText } from './text.js';

/** A placement on the Trauma Recovery Model: levels 1–6 with half steps. */
export const trmLevelSchema = z
  .number()
  .min(1, 'TRM levels run from 1 to 6')
  .max(6, 'TRM levels run from 1 to 6')
  .refine((n) => Number.isInteger(n * 2), 'TRM levels move in whole or half steps (2 or 2.5)');

export const trmPlacementInputSchema = z
  .object({
    level: trmLevelSchema,
    rationale: plainText(4000),
    effectiveDate: z.string().refine(isIsoDate, 'is a date such as 2026-03-09'),
    meetingId: z.string().uuid().optional(),
  })
  .strict();

export interface TrmPlacement {
  id: string;
  caseId: string;
  level: number;
  rationale: string;
  effectiveDate: IsoDate;
  meetingId: string | null;
  placedBy: string;
  placedByName: string;
  placedAt: Instant;
}

/** Moving down is a setback, recorded plainly and never as failure. */
export type TrmMovement = 'first' | 'up' | 'same' | 'setback';

export function movement(previous: number | null, next: number): TrmMovement {
  if (previous === null) return 'first';
  if (next > previous) return 'up';
  if (next < previous) return 'setback';
  return 'same';
}

export function inPlacementOrder(placements: TrmPlacement[]): TrmPlacement[] {
  return [...placements].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.placedAt.localeCompare(b.placedAt));
}

/** Where a child is now against where they started: the manager's measure of TRM movement. */
export function overallMovement(placements: TrmPlacement[]): TrmMovement | null {
  const ordered = inPlacementOrder(placements);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (!first || !last) return null;
  return ordered.length === 1 ? 'first' : movement(first.level, last.level);
}
