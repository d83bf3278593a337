import { z } from 'zod';
import type { CaseEventPayloads, CaseEventType } from '../../src/contract/caseEvents.js';
import { CASE_EVENT_TYPES } from '../../src/domain/caseEvents.js';
import { formulationContentSchema } from '../../src/domain/formulation.js';
import { meetingOutcomeSchema } from '../../src/domain/meeting.js';
import { AGENCIES } from '../../src/domain/staff.js';
import { timelineEntryInputSchema } from '../../src/domain/timeline.js';
import { SUMMARY_KINDS } from '../../src/domain/summary.js';
import { DOCUMENT_TYPES } from '../../src/ports/documentLibrary.js';

/**
 * An independent description of what each case event carries on the wire, to check the stream
 * against the contract's union (src/contract/caseEvents.ts) on both sides: the server's stream and
 * what the tab receives. Each schema must produce its type's payload (the annotation fails to
 * compile otherwise), and is strict: a payload with more than the contract says (a child's name,
 * say) does not pass.
 */
const id = z.string().min(1);
const instant = z.iso.datetime({ offset: true });
const date = z.iso.date();
const nullable = <T extends z.ZodType>(s: T) => s.nullable();

const timelineEntry = timelineEntryInputSchema
  .extend({
    id,
    caseId: id,
    span: z.object({ start: date, end: date }).strict(),
    lifeStage: z.enum(['pregnancy', 'infancy', 'early_years', 'primary', 'secondary', 'transition']),
    contributorId: id,
    contributorName: z.string(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int().positive(),
    retraction: nullable(z.object({ at: instant, by: id, reason: z.string() }).strict()),
    restriction: nullable(z.object({ at: instant, by: id, byName: z.string(), reason: z.string() }).strict()),
  })
  .strict();

/** A restricted entry as given to someone who may not read its text: its agency and life stage, and nothing more. */
const withheldEntry = z
  .object({
    id,
    caseId: id,
    when: z.object({ precision: z.literal('lifeStage'), lifeStage: timelineEntry.shape.lifeStage }).strict(),
    span: z.object({ start: date, end: date }).strict(),
    lifeStage: timelineEntry.shape.lifeStage,
    category: z.literal('restricted'),
    sourceAgency: timelineEntry.shape.sourceAgency,
    confidence: z.literal('unverified'),
    description: z.literal(''),
    contributorId: z.literal(''),
    contributorName: z.literal(''),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int().positive(),
    retraction: nullable(z.object({ at: instant, by: z.literal(''), reason: z.literal('') }).strict()),
    restriction: z.object({ at: instant, by: z.literal(''), byName: z.literal(''), reason: z.literal('') }).strict(),
    withheld: z.literal(true),
  })
  .strict();

const timelineEntryAsSeen = z.union([timelineEntry, withheldEntry]);

const formulation = z
  .object({
    id,
    caseId: id,
    number: z.number().int().positive(),
    status: z.enum(['draft', 'approved']),
    content: formulationContentSchema,
    createdBy: id,
    updatedBy: id,
    updatedAt: instant,
    approvedBy: nullable(id),
    approvedByName: nullable(z.string()),
    approvedAt: nullable(instant),
    version: z.number().int().positive(),
  })
  .strict();

const planLine = z
  .object({
    id,
    sequence: z.number().int().positive(),
    text: z.string(),
    trmLevel: z.number().min(1).max(6),
    owner: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('person'), staffId: id, name: z.string(), agency: z.enum(AGENCIES) }).strict(),
      z.object({ kind: z.literal('agency'), agency: z.enum(AGENCIES) }).strict(),
    ]),
    dueBy: nullable(date),
    status: z.enum(['planned', 'under_way', 'done', 'stopped']),
    stoppedBecause: nullable(z.string()),
  })
  .strict();

const meeting = z
  .object({
    id,
    caseId: id,
    kind: z.enum(['formulation', 'review', 'consultation']),
    startsAt: instant,
    endsAt: instant,
    location: nullable(z.string()),
    organiserId: id,
    attendees: z.array(
      z.object({ staffId: id, name: z.string(), response: z.enum(['none', 'accepted', 'tentative', 'declined']), respondedAt: nullable(instant) }).strict(),
    ),
    status: z.enum(['scheduled', 'held', 'cancelled']),
    joinUrl: nullable(z.string()),
    externalId: nullable(z.string()),
    chatId: nullable(z.string()),
    startedAt: nullable(instant),
    endedAt: nullable(instant),
    outcome: nullable(
      meetingOutcomeSchema.extend({
        recordedBy: id,
        recordedAt: instant,
        plan: z
          .object({ before: z.array(planLine), after: z.array(planLine) })
          .strict()
          .optional(),
      }),
    ),
    version: z.number().int().positive(),
  })
  .strict();

const teamMember = z
  .object({
    caseId: id,
    staffId: id,
    name: z.string(),
    agency: z.enum(AGENCIES),
    caseRole: z.enum(['case_holder', 'ecm_practitioner', 'psychologist', 'manager', 'partner']),
    invitedBy: id,
    invitedAt: instant,
    invitationExpiresAt: instant,
    termsAcceptedAt: nullable(instant),
    termsVersion: nullable(z.string()),
  })
  .strict();

const planAction = z
  .object({
    id,
    caseId: id,
    recommendationId: id,
    formulationNumber: z.number().int().positive(),
    text: z.string(),
    trmLevel: z.number().min(1).max(6),
    relationshipBased: z.boolean(),
    sequence: z.number().int().positive(),
    owner: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('person'), staffId: id, name: z.string(), agency: z.enum(AGENCIES) }).strict(),
      z.object({ kind: z.literal('agency'), agency: z.enum(AGENCIES) }).strict(),
    ]),
    dueBy: nullable(date),
    status: z.enum(['planned', 'under_way', 'done', 'stopped']),
    stoppedBecause: nullable(z.string()),
    updatedBy: id,
    updatedByName: z.string(),
    updatedAt: instant,
    version: z.number().int().positive(),
    addedAtMeetingId: nullable(id),
  })
  .strict();

const owner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), staffId: id, name: z.string(), agency: z.enum(AGENCIES) }).strict(),
  z.object({ kind: z.literal('agency'), agency: z.enum(AGENCIES) }).strict(),
]);

const transitionPlan = z
  .object({
    caseId: id,
    joining: z.array(
      z
        .object({
          service: z.enum(['probation', 'personal_adviser', 'adult_mental_health', 'adult_social_care', 'mentoring', 'other']),
          detail: nullable(z.string()),
          joinBy: date,
        })
        .strict(),
    ),
    relationships: z.array(z.object({ relationship: z.string(), keptBy: owner, until: date }).strict()),
    writtenBy: id,
    writtenByName: z.string(),
    writtenAt: instant,
    version: z.number().int().positive(),
  })
  .strict();

const sections = z.record(z.string(), z.string());
const summary = z
  .object({
    caseId: id,
    kind: z.enum(SUMMARY_KINDS),
    sections,
    status: z.enum(['draft', 'approved']),
    formulationNumber: z.number().int().positive(),
    approved: nullable(
      z
        .object({
          number: z.number().int().positive(),
          sections,
          formulationNumber: z.number().int().positive(),
          approvedBy: id,
          approvedByName: z.string(),
          approvedAt: instant,
        })
        .strict(),
    ),
    updatedBy: id,
    updatedByName: z.string(),
    updatedAt: instant,
    version: z.number().int().positive(),
  })
  .strict();

const caseStatus = z.enum(['referred', 'awaiting_agreement', 'active', 'closed']);

type Schemas = { [T in CaseEventType]: z.ZodType<CaseEventPayloads[T]> };

export const CASE_EVENT_SCHEMAS: Schemas = {
  'case.updated': z
    .object({
      status: caseStatus,
      closureReason: nullable(z.enum(['completed', 'agreement_declined', 'agreement_withdrawn', 'order_ended', 'transferred', 'not_eligible', 'other'])),
    })
    .strict(),
  'agreement.recorded': z
    .object({ party: z.enum(['young_person', 'parent_carer']), decision: z.enum(['given', 'declined', 'withdrawn']), status: caseStatus })
    .strict(),
  'team.changed': teamMember,
  'team.unreachable': z
    .object({ staffId: id, reason: z.enum(['app_not_installed', 'app_removed', 'bot_blocked', 'conversation_not_found']), since: instant })
    .strict(),
  'timeline.added': timelineEntryAsSeen,
  'timeline.edited': timelineEntryAsSeen,
  'timeline.retracted': timelineEntryAsSeen,
  'formulation.saved': formulation,
  'formulation.approved': formulation,
  'trm.recorded': z
    .object({
      id,
      caseId: id,
      level: z.number().min(1).max(6),
      rationale: z.string(),
      effectiveDate: date,
      meetingId: nullable(id),
      placedBy: id,
      placedByName: z.string(),
      placedAt: instant,
      movement: z.enum(['up', 'same', 'setback', 'first']),
    })
    .strict(),
  'meeting.scheduled': meeting,
  'meeting.updated': meeting,
  'action.changed': planAction,
  'transition.changed': transitionPlan,
  'summary.saved': summary,
  'summary.approved': summary,
  'document.queued': z
    .object({
      documentId: id,
      fileName: z.string(),
      documentType: z.enum(DOCUMENT_TYPES),
      version: z.string(),
      reviewDate: nullable(date),
      retainUntil: nullable(date),
      size: z.number().int().positive(),
    })
    .strict(),
  'document.delivered': z.object({ documentId: id, fileName: z.string(), libraryVersion: z.string(), webUrl: nullable(z.string()) }).strict(),
};

/** The problems with one event's payload, by its type; none when it is what the contract says. */
export function payloadProblems(type: string, data: unknown): string[] {
  if (!(CASE_EVENT_TYPES as readonly string[]).includes(type)) return [`${type} is not a case event type`];
  const parsed = CASE_EVENT_SCHEMAS[type as CaseEventType].safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${type} ${i.path.join('.')}: ${i.message}`);
}
