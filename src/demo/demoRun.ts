import { fixedClock } from '../adapters/local/systemClock.js';
import type { AppDeps } from '../app/deps.js';
import { addDays, daysBetween, type IsoDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { type Clock, todayIn } from '../ports/clock.js';

/**
 * FICTIONAL DEMO DATA — the machinery that plays the demo stories.
 *
 * The stories are written as if today were STORY_TODAY, with real-looking dates through 2026. When
 * the demo is loaded, every date moves by the days between STORY_TODAY and the real today, so a
 * review "due in ten days" is due in ten days whenever the demo starts. The steps of all stories
 * run in time order on a clock that is moved from step to step, so each use case checks its dates
 * against the day it happens and the audit trail reads as a year of work.
 */
export const STORY_TODAY: IsoDate = '2026-11-27';

/** Each reading of the clock moves it on a little, so two changes never share an instant. */
const TICK_MS = 20_000;
const DAY_MS = 86_400_000;

interface Step {
  at: number;
  order: number;
  label: string;
  run: () => Promise<void>;
}

export class DemoRun {
  /** The real dependencies with the demo's moving clock in place of the real one. */
  readonly deps: AppDeps;
  private readonly clock: ReturnType<typeof fixedClock>;
  private readonly realNow: number;
  private readonly shiftDays: number;
  private readonly steps: Step[] = [];

  constructor(realDeps: AppDeps) {
    this.realNow = realDeps.clock.now().getTime();
    this.shiftDays = daysBetween(STORY_TODAY, todayIn(realDeps.clock));
    this.clock = fixedClock(new Date(this.realNow));
    const ticking: Clock = {
      now: () => {
        const at = this.clock.now();
        this.clock.advance(TICK_MS);
        return at;
      },
    };
    this.deps = { ...realDeps, clock: ticking };
  }

  /** A story date ("2026-03-10") on the real calendar. */
  day(storyDate: IsoDate): IsoDate {
    return addDays(storyDate, this.shiftDays);
  }

  /** A story month ("2019-11"): the month its first day moves into, so it is never later than the days around it. */
  month(storyMonth: string): string {
    return this.day(`${storyMonth}-01`).slice(0, 7);
  }

  year(storyYear: number): number {
    return Number(this.day(`${storyYear}-01-01`).slice(0, 4));
  }

  /** A story instant ("2026-03-10 10:00", UTC) on the real calendar. */
  instant(storyAt: string): Date {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(storyAt);
    if (!m) throw new Error(`Demo time "${storyAt}" is not like "2026-03-10 10:00"`);
    return new Date(`${this.day(m[1] as string)}T${m[2]}:00.000Z`);
  }

  /** A meeting's start: as instant(), but moved off a weekend (Saturday to Friday, Sunday to Monday). */
  meetingStart(storyAt: string): Date {
    const at = this.instant(storyAt);
    const weekday = at.getUTCDay();
    return weekday === 6 ? new Date(at.getTime() - DAY_MS) : weekday === 0 ? new Date(at.getTime() + DAY_MS) : at;
  }

  /** The demo clock's date: what "today" is for the step being played. */
  today(): IsoDate {
    return todayIn(this.clock);
  }

  on(at: Date, label: string, run: () => Promise<void>): void {
    this.steps.push({ at: at.getTime(), order: this.steps.length, label, run });
  }

  /** Plays every step in time order, then leaves the clock at the real now. */
  async play(): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at - b.at || a.order - b.order);
    this.clock.set(new Date(ordered[0]?.at ?? this.realNow));
    for (const step of ordered) {
      if (step.at > this.realNow) throw new Error(`Demo step "${step.label}" falls after the real now`);
      this.clock.set(new Date(Math.max(step.at, this.clock.now().getTime())));
      try {
        await step.run();
      } catch (error) {
        const details = error instanceof DomainError && error.details !== undefined ? ` ${JSON.stringify(error.details)}` : '';
        throw new Error(`Demo step "${step.label}" failed: ${error instanceof Error ? error.message : String(error)}${details}`, { cause: error });
      }
    }
    this.clock.set(new Date(this.realNow));
  }
}
