/**
 * Meetings in people's calendars. The meetings table is the record of the practice; the calendar
 * holds the invitation people see. Local mode keeps an .ics file; Microsoft 365 mode makes a Teams
 * online meeting through Graph, on the organiser's calendar.
 */
export interface CalendarPerson {
  email: string;
  name: string;
  aadObjectId?: string | null;
}

export interface CalendarMeetingRequest {
  /** The meeting's id in the store, so a retried create finds the meeting it already made. */
  meetingId: string;
  organiser: CalendarPerson;
  /** Names the case by reference only. */
  subject: string;
  startsAt: string;
  endsAt: string;
  attendees: CalendarPerson[];
  location?: string | null;
}

export interface CalendarMeeting {
  externalId: string;
  joinUrl: string | null;
  responses: { email: string; response: 'none' | 'accepted' | 'tentative' | 'declined' }[];
}

export interface MeetingCalendar {
  create(request: CalendarMeetingRequest, actingFor: string | null): Promise<CalendarMeeting>;
  update(externalId: string, request: CalendarMeetingRequest, actingFor: string | null): Promise<CalendarMeeting>;
  cancel(externalId: string, organiser: CalendarPerson, actingFor: string | null): Promise<void>;
  get(externalId: string, organiser: CalendarPerson, actingFor: string | null): Promise<CalendarMeeting | null>;
  /** Times when everyone is free, best first. */
  suggestTimes(
    people: CalendarPerson[],
    from: string,
    to: string,
    durationMinutes: number,
    actingFor: string | null,
  ): Promise<{ start: string; end: string }[]>;
  /** Puts the ECM tab for the case into the meeting's chat so attendees contribute from the meeting. */
  addTabToMeetingChat(
    joinUrl: string,
    organiser: CalendarPerson,
    tab: { caseId: string; caseReference: string },
    actingFor: string | null,
  ): Promise<{ chatId: string } | null>;
}
