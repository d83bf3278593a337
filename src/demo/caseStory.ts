import { acceptTerms } from '../app/team/acceptTerms.js';
import { approveFormulation } from '../app/formulation/approveFormulation.js';
import { cancelMeeting } from '../app/meetings/cancelMeeting.js';
import { closeCase } from '../app/case/closeCase.js';
import { draftFormulation } from '../app/formulation/draftFormulation.js';
import { editTimelineEntry } from '../app/timeline/editTimelineEntry.js';
import { inviteTeamMember } from '../app/team/inviteTeamMember.js';
import { addTimelineEntry } from '../app/timeline/addTimelineEntry.js';
import { recordAgreement, withdrawAgreement } from '../app/agreement/recordAgreement.js';
import { recordMeetingOutcome } from '../app/meetings/recordMeetingOutcome.js';
import { listPlanActions } from '../app/plan/listPlanActions.js';
import { recordTrmPlacement } from '../app/trm/recordTrmPlacement.js';
import { referCase } from '../app/case/referCase.js';
import { respondToMeeting } from '../app/meetings/respondToMeeting.js';
import { scheduleMeeting } from '../app/meetings/scheduleMeeting.js';
import { retractTimelineEntry } from '../app/timeline/retractTimelineEntry.js';
import { caseRoleFor } from '../domain/team.js';
import { updateFormulation } from '../app/formulation/updateFormulation.js';
import { approveSummary } from '../app/summaries/approveSummary.js';
import { saveSummary } from '../app/summaries/saveSummary.js';
import { showSummary } from '../app/summaries/showSummary.js';
import { SUMMARY_SLUGS, type SummaryKind } from '../domain/summary.js';
import { transferCase } from '../app/transfer/transferCase.js';
import type { Party, AgreementMethod } from '../domain/agreement.js';
import type { ClosureReason, LawfulBasis } from '../domain/case.js';
import type { LegalStatus } from '../domain/legalStatus.js';
import { addWeeks } from '../domain/dates.js';
import type { Formulation } from '../domain/formulation.js';
import type { Meeting } from '../domain/meeting.js';
import { principalOf, type Principal } from '../domain/staff.js';
import { TERMS_VERSION } from '../domain/team.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { AppDeps } from '../app/deps.js';
import type { DemoRun } from './demoRun.js';
import { type DemoFormulation, type MeetingPlan, parseEntryLine, progressOnActions } from './storyParts.js';
import { DEMO_STAFF } from './people.js';

export type { DemoFormulation, MeetingPlan } from './storyParts.js';

const MINUTE_MS = 60_000;

/**
 * FICTIONAL DEMO DATA — one child's case told as dated steps. Every step calls the real use case as
 * the demo person who would do it, so the demo exercises the same rules, audit and events as a user.
 * Times are story times ("2026-03-10 10:00"); the DemoRun moves them to the real calendar.
 */
export class CaseStory {
  private caseId = '';
  private caseVersion = 0;
  private readonly entries = new Map<string, TimelineEntry>();
  private readonly meetings = new Map<string, Meeting>();
  private formulation: Formulation | null = null;

  constructor(
    private readonly run: DemoRun,
    private readonly serviceId: string,
    private readonly label: string,
  ) {}

  private step(at: string | Date, what: string, work: () => Promise<void>): this {
    this.run.on(typeof at === 'string' ? this.run.instant(at) : at, `${this.serviceId} ${this.label}: ${what}`, work);
    return this;
  }

  private get deps() {
    return this.run.deps;
  }

  refer(
    at: string,
    by: string,
    r: {
      childName: string;
      dateOfBirth: string;
      order: [string, string] | null;
      reason: string;
      lawfulBasis?: LawfulBasis;
      caseHolder?: string;
      legalStatus?: LegalStatus;
      parentalResponsibility?: string;
    },
  ): this {
    return this.step(at, 'referral', async () => {
      const view = await referCase(this.deps, as(by), {
        serviceId: this.serviceId,
        childName: r.childName,
        childDateOfBirth: this.run.day(r.dateOfBirth),
        orderStart: r.order ? this.run.day(r.order[0]) : null,
        orderEnd: r.order ? this.run.day(r.order[1]) : null,
        // Shown wherever the case is opened, so no one mistakes the demo for a real young person.
        referralReason: `Fictional demo case. ${r.reason}`,
        ...(r.lawfulBasis ? { lawfulBasis: r.lawfulBasis } : {}),
        ...(r.caseHolder ? { caseHolderId: r.caseHolder } : {}),
        ...(r.legalStatus ? { legalStatus: r.legalStatus } : {}),
        ...(r.parentalResponsibility ? { parentalResponsibility: r.parentalResponsibility } : {}),
      });
      this.caseId = view.id;
      this.caseVersion = view.version;
    });
  }

  agree(at: string, by: string, party: Party, method: AgreementMethod, note?: string): this {
    return this.decide(at, by, party, 'given', method, note);
  }

  decline(at: string, by: string, party: Party, method: AgreementMethod, note?: string): this {
    return this.decide(at, by, party, 'declined', method, note);
  }

  private decide(at: string, by: string, party: Party, decision: 'given' | 'declined', method: AgreementMethod, note?: string): this {
    return this.step(at, `agreement ${decision}`, async () => {
      const input = { party, decision, date: this.run.today(), method, ...(note ? { competenceNote: note } : {}) };
      this.caseVersion = (await recordAgreement(this.deps, as(by), this.caseId, input)).caseVersion;
    });
  }

  withdraw(at: string, by: string, party: Party, method: AgreementMethod, note: string): this {
    return this.step(at, 'agreement withdrawn', async () => {
      const input = { party, date: this.run.today(), method, note };
      this.caseVersion = (await withdrawAgreement(this.deps, as(by), this.caseId, input)).caseVersion;
    });
  }

  /** The family moves: the case goes to another service, its documents following through the outbox. */
  transfer(at: string, by: string, toServiceId: string, caseHolderId: string, reason: string): this {
    return this.step(at, `transferred to ${toServiceId}`, async () => {
      this.caseVersion = (await transferCase(this.deps, as(by), this.caseId, { toServiceId, caseHolderId, reason }, this.caseVersion)).version;
    });
  }

  /** Brings staff of the service in their own role and people from other agencies as partners. */
  invite(at: string, by: string, ...staffIds: string[]): this {
    return this.step(at, 'invitations', async () => {
      for (const id of staffIds) {
        const s = staff(id);
        await inviteTeamMember(this.deps, as(by), this.caseId, { staffId: id, agency: s.agency, caseRole: caseRoleFor(s) });
      }
    });
  }

  /** A step told in a story file of its own (a later part of the practice): the use case runs as `by` on this case. */
  act(at: string, by: string, what: string, work: (deps: AppDeps, person: Principal, caseId: string) => Promise<unknown>): this {
    return this.step(at, what, async () => {
      await work(this.deps, as(by), this.caseId);
    });
  }

  accept(at: string, partnerId: string): this {
    return this.step(at, 'terms accepted', async () => {
      await acceptTerms(this.deps, as(partnerId), this.caseId, { termsVersion: TERMS_VERSION });
    });
  }

  /** Adds entries, each written as "when | category | agency | confidence | what happened", under a key for later reference. */
  addEntries(at: string, by: string, lines: Record<string, string>): this {
    return this.step(at, 'timeline entries', async () => {
      for (const [key, line] of Object.entries(lines)) {
        if (this.entries.has(key)) throw new Error(`Timeline key "${key}" is used twice`);
        this.entries.set(key, await addTimelineEntry(this.deps, as(by), this.caseId, parseEntryLine(this.run, line)));
      }
    });
  }

  edit(at: string, by: string, key: string, line: string): this {
    return this.step(at, `edit of ${key}`, async () => {
      const before = this.entry(key);
      this.entries.set(key, await editTimelineEntry(this.deps, as(by), this.caseId, before.id, parseEntryLine(this.run, line), before.version));
    });
  }

  retract(at: string, by: string, key: string, reason: string): this {
    return this.step(at, `retraction of ${key}`, async () => {
      const before = this.entry(key);
      this.entries.set(key, await retractTimelineEntry(this.deps, as(by), this.caseId, before.id, { reason }, before.version));
    });
  }

  /** Starts a new formulation version: from the content given, or from the last approved one. */
  draft(at: string, by: string, content?: DemoFormulation): this {
    return this.step(at, 'formulation drafted', async () => {
      this.formulation = await draftFormulation(this.deps, as(by), this.caseId, content ? this.withEvidence(content) : undefined);
    });
  }

  update(at: string, by: string, content: DemoFormulation): this {
    return this.step(at, 'formulation updated', async () => {
      const current = this.currentFormulation();
      this.formulation = await updateFormulation(this.deps, as(by), this.caseId, this.withEvidence(content), current.version);
    });
  }

  approve(at: string, by: string): this {
    return this.step(at, 'formulation approved', async () => {
      this.formulation = await approveFormulation(this.deps, as(by), this.caseId, this.currentFormulation().version);
    });
  }

  /** A summary saved as drafted from the approved formulation by `by`, then approved (and so published) by `approver`. */
  summary(at: string, by: string, kind: SummaryKind, approver: string): this {
    return this.step(at, `${kind} summary approved`, async () => {
      const slug = SUMMARY_SLUGS[kind];
      const drafted = await showSummary(this.deps, as(by), this.caseId, slug);
      const saved = await saveSummary(this.deps, as(by), this.caseId, slug, { sections: drafted.sections }, drafted.version);
      await approveSummary(this.deps, as(approver), this.caseId, slug, saved.version);
    });
  }

  trm(at: string, by: string, level: number, rationale: string): this {
    return this.step(at, `TRM ${level}`, () => this.place(by, level, rationale, null));
  }

  /**
   * A meeting from invitation to outcome: scheduled, answered, then (if it has happened) its outcome
   * and the TRM placement agreed at it, recorded just after it ends; or cancelled.
   */
  meeting(key: string, plan: MeetingPlan): this {
    const startsAt = this.run.meetingStart(plan.at);
    const endsAt = new Date(startsAt.getTime() + (plan.minutes ?? 90) * MINUTE_MS);
    const scheduledAt = this.run.instant(plan.scheduledOn);
    this.step(scheduledAt, `${key} scheduled`, async () => {
      const input = {
        kind: plan.kind,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        attendeeIds: plan.attendees,
        location: plan.location,
      };
      this.meetings.set(key, await scheduleMeeting(this.deps, as(plan.by), this.caseId, input));
    });
    const answeredAt = new Date(scheduledAt.getTime() + 180 * MINUTE_MS);
    if (plan.responses) {
      if (answeredAt >= startsAt) throw new Error(`${this.serviceId} ${this.label}: ${key} is answered after it starts`);
      this.step(answeredAt, `${key} answers`, async () => {
        for (const [id, response] of Object.entries(plan.responses ?? {})) {
          await respondToMeeting(this.deps, as(id), this.caseId, this.meetingNamed(key).id, { response });
        }
      });
    }
    if (plan.cancelledOn) {
      this.step(plan.cancelledOn, `${key} cancelled`, async () => {
        const m = this.meetingNamed(key);
        this.meetings.set(key, await cancelMeeting(this.deps, as(plan.by), this.caseId, m.id, m.version));
      });
    }
    const outcome = plan.outcome;
    if (outcome) {
      this.step(new Date(endsAt.getTime() + 45 * MINUTE_MS), `${key} outcome`, async () => {
        const m = this.meetingNamed(key);
        const input = {
          summary: outcome.summary,
          actionProgress: progressOnActions((await listPlanActions(this.deps, as(outcome.by), this.caseId)).items, outcome.progress ?? {}),
          replan: outcome.replan ?? '',
          nextReviewDue: outcome.nextReviewWeeks === null ? null : addWeeks(m.startsAt.slice(0, 10), outcome.nextReviewWeeks),
          ...(outcome.measures ? { measures: outcome.measures } : {}),
        };
        this.meetings.set(key, await recordMeetingOutcome(this.deps, as(outcome.by), this.caseId, m.id, input, m.version));
        if (plan.trm) await this.place(plan.trm.by, plan.trm.level, plan.trm.rationale, m.id);
      });
    }
    return this;
  }

  close(at: string, by: string, reason: ClosureReason, note: string): this {
    return this.step(at, 'closure', async () => {
      this.caseVersion = (await closeCase(this.deps, as(by), this.caseId, { reason, note }, this.caseVersion)).version;
    });
  }

  private async place(by: string, level: number, rationale: string, meetingId: string | null): Promise<void> {
    const input = { level, rationale, effectiveDate: this.run.today(), ...(meetingId ? { meetingId } : {}) };
    await recordTrmPlacement(this.deps, as(by), this.caseId, input);
  }

  private withEvidence(content: DemoFormulation) {
    return { ...content, hypotheses: content.hypotheses?.map((h) => ({ ...h, evidence: h.evidence.map((key) => this.entry(key).id) })) };
  }

  private entry(key: string): TimelineEntry {
    const e = this.entries.get(key);
    if (!e) throw new Error(`No timeline entry has the key "${key}"`);
    return e;
  }

  private meetingNamed(key: string): Meeting {
    const m = this.meetings.get(key);
    if (!m) throw new Error(`No meeting has the key "${key}"`);
    return m;
  }

  private currentFormulation(): Formulation {
    if (!this.formulation) throw new Error('No formulation has been drafted');
    return this.formulation;
  }
}

function staff(id: string) {
  const s = DEMO_STAFF.find((x) => x.id === id);
  if (!s) throw new Error(`No demo person has the id ${id}`);
  return s;
}

const as = (id: string): Principal => principalOf(staff(id));
