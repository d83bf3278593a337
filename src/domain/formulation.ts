import { z } from 'zod';
import type { Instant } from './dates.js';
import { namesOfChildIn } from './childName.js';
import { plainText } from './text.js';
import { ruleViolation } from './errors.js';
import { trmLevelSchema } from './trm.js';

/**
 * The psychologist's formulation: why the child behaves as they do and what help to offer, in
 * what order. Hypotheses cite timeline entries as evidence.
 */
export const HYPOTHESIS_DOMAINS = ['behaviours', 'coping', 'triggers', 'relationships', 'other'] as const;
export type HypothesisDomain = (typeof HYPOTHESIS_DOMAINS)[number];

export const FIVE_PS = ['presenting', 'predisposing', 'precipitating', 'perpetuating', 'protective'] as const;

const section = (max = 10_000) => plainText(max, 0).default('');
const itemId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is an item id');

export const hypothesisSchema = z
  .object({
    id: itemId,
    domain: z.enum(HYPOTHESIS_DOMAINS),
    text: plainText(4000),
    evidence: z.array(z.string().uuid()).max(100).default([]),
  })
  .strict();

export const recommendationSchema = z
  .object({
    id: itemId,
    text: plainText(2000),
    trmLevel: trmLevelSchema,
    /** Order within the plan; relationship-based help comes first. */
    sequence: z.number().int().min(1).max(999),
    relationshipBased: z.boolean().default(false),
  })
  .strict();

export const formulationContentSchema = z
  .object({
    summary: section(),
    hypotheses: z.array(hypothesisSchema).max(100).default([]),
    fivePs: z
      .object(Object.fromEntries(FIVE_PS.map((p) => [p, section(4000)])) as Record<(typeof FIVE_PS)[number], ReturnType<typeof section>>)
      .strict()
      .default({
        presenting: '',
        predisposing: '',
        precipitating: '',
        perpetuating: '',
        protective: '',
      }),
    strengths: section(),
    needs: section(),
    recommendations: z.array(recommendationSchema).max(100).default([]),
    /** What the young person and their family think of the formulation, in their words where possible. */
    views: section(4000),
    /** A youth-friendly text beside each section, in the young person's words where possible. */
    youthFriendly: z
      .object({
        summary: section(4000),
        hypotheses: section(4000),
        strengths: section(4000),
        needs: section(4000),
        recommendations: section(4000),
      })
      .strict()
      .default({ summary: '', hypotheses: '', strengths: '', needs: '', recommendations: '' }),
  })
  .strict()
  .refine((c) => new Set(c.hypotheses.map((h) => h.id)).size === c.hypotheses.length, { message: 'hypothesis ids must be unique', path: ['hypotheses'] })
  .refine((c) => new Set(c.recommendations.map((r) => r.id)).size === c.recommendations.length, {
    message: 'recommendation ids must be unique',
    path: ['recommendations'],
  });

export type FormulationContent = z.infer<typeof formulationContentSchema>;
export type Hypothesis = z.infer<typeof hypothesisSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;

export const emptyFormulation = (): FormulationContent => formulationContentSchema.parse({});

export type FormulationStatus = 'draft' | 'approved';

export interface Formulation {
  id: string;
  caseId: string;
  /** The practice's version: v1 is the first formulation, v2 the one revised after a review. */
  number: number;
  status: FormulationStatus;
  content: FormulationContent;
  createdBy: string;
  updatedBy: string;
  updatedAt: Instant;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Instant | null;
  /** Concurrency version, sent back as If-Match. */
  version: number;
}

/** The plan in the order it is offered: by TRM level, then by the psychologist's sequence. */
export function sequencedRecommendations(recs: Recommendation[]): Recommendation[] {
  return [...recs].sort((a, b) => a.trmLevel - b.trmLevel || Number(b.relationshipBased) - Number(a.relationshipBased) || a.sequence - b.sequence);
}

/** Evidence must point at entries of this case that still stand. */
export function assertEvidenceExists(content: FormulationContent, liveEntryIds: ReadonlySet<string>): void {
  const missing = content.hypotheses.flatMap((h) => h.evidence.filter((id) => !liveEntryIds.has(id)).map((id) => ({ hypothesis: h.id, entry: id })));
  if (missing.length) throw ruleViolation('Some evidence points at timeline entries that are not on this case or were retracted.', { missing });
}

/** What an approved formulation must hold; a draft may be incomplete. */
export function assertReadyForApproval(content: FormulationContent): void {
  const problems: string[] = [];
  if (!content.summary.trim()) problems.push('a summary of the child’s life');
  if (content.hypotheses.length === 0) problems.push('at least one hypothesis');
  const unevidenced = content.hypotheses.filter((h) => h.evidence.length === 0).map((h) => h.id);
  if (unevidenced.length) problems.push(`timeline evidence for every hypothesis (missing: ${unevidenced.join(', ')})`);
  if (!content.strengths.trim()) problems.push('strengths and protective factors');
  if (content.recommendations.length === 0) problems.push('at least one recommendation');
  if (problems.length) throw ruleViolation(`Before approval the formulation needs ${problems.join('; ')}.`, { missing: problems });
}

/**
 * The young person's version speaks to them as "you" and names nobody's child: a name in its text
 * would be published beyond the tab. The tab warns while the text is written; approval holds to it.
 */
export function assertYouthFriendlyUnnamed(content: FormulationContent, childName: string): void {
  const named = Object.entries(content.youthFriendly).filter(([, text]) => namesOfChildIn(text, childName).length > 0);
  if (named.length) {
    throw ruleViolation('The youth-friendly text names the young person: write “you” and “your” instead, so that no name leaves the tab.', {
      sections: named.map(([section]) => section),
    });
  }
}
