import { describe, expect, it } from 'vitest';
import { toIcs, type IcsEvent } from '../../src/lib/ics.js';

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'm1@ecm-for-teams',
  summary: 'ECM review meeting – BRI-2026-0042',
  startsAt: '2026-12-08T10:00:00.000Z',
  endsAt: '2026-12-08T11:30:00.000Z',
  stampedAt: '2026-11-27T10:00:00.000Z',
  organiser: { name: 'Sam Okafor', email: 'sam@example.invalid' },
  attendees: [{ name: 'Amy Clarke', email: 'amy@example.invalid', response: 'accepted' }],
  location: null,
  url: null,
  cancelled: false,
  sequence: 0,
  ...overrides,
});

describe('an .ics invitation (RFC 5545)', () => {
  it('is one event, in UTC, with CRLF line ends', () => {
    const ics = toIcs(event());
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'DTSTART:20261208T100000Z',
        'DTEND:20261208T113000Z',
        'DTSTAMP:20261127T100000Z',
        'METHOD:REQUEST',
        'STATUS:CONFIRMED',
      ]),
    );
    expect(ics.replaceAll('\r\n ', '')).toContain('ATTENDEE;CN=Amy Clarke;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:amy@example.invalid');
  });

  it('escapes commas, semicolons, backslashes and new lines in text', () => {
    expect(toIcs(event({ location: 'Room 2; Bristol, YJS\\annexe\nfirst floor' }))).toContain('LOCATION:Room 2\\; Bristol\\, YJS\\\\annexe\\nfirst floor');
  });

  it('folds lines longer than 75 octets without splitting a character', () => {
    const long = `Bristol YJS – the room with the long name, ${'é'.repeat(60)}`;
    const lines = toIcs(event({ location: long })).split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    // Unfolding (a CRLF followed by one space) gives the line back whole.
    const unfolded = toIcs(event({ location: long }))
      .replaceAll('\r\n ', '')
      .split('\r\n');
    expect(unfolded).toContain(`LOCATION:${long.replace(/,/g, '\\,')}`);
  });

  it('a cancelled meeting is sent as a cancellation', () => {
    const ics = toIcs(event({ cancelled: true, sequence: 2 }));
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
  });
});
