import { afterEach, describe, expect, it, vi } from 'vitest';
import { followServerClock, serverNow, todayIso } from '../src/clock.js';

/** A device whose clock is wrong must still offer the dates the server accepts. */
describe("the tab's clock follows the server's", () => {
  afterEach(() => {
    vi.useRealTimers();
    followServerClock(new Date().toISOString());
  });

  it("offers the server's today, not the device's, as the date of a decision", () => {
    vi.useFakeTimers({ now: new Date('2027-03-14T09:00:00Z'), toFake: ['Date'] });
    followServerClock('2026-11-27T10:00:00.000Z');
    expect(todayIso()).toBe('2026-11-27');
    expect(Math.abs(serverNow() - Date.parse('2026-11-27T10:00:00.000Z'))).toBeLessThan(1000);
  });

  it('counts the day where the services are (Europe/London), so late evening in summer is still today', () => {
    expect(todayIso(Date.parse('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(todayIso(Date.parse('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });

  it('ignores a time it cannot read', () => {
    followServerClock('2026-11-27T10:00:00.000Z');
    const before = serverNow();
    followServerClock('not a time');
    expect(Math.abs(serverNow() - before)).toBeLessThan(1000);
  });
});
