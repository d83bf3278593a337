import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import type { CalendarMeeting, CalendarMeetingRequest, CalendarPerson, MeetingCalendar } from '../../ports/meetingCalendar.js';
import type { EntraApp } from './entraApp.js';
import { type GraphSession, graphSession, type GraphSettings } from './graph.js';
import { freeSlots } from './freeSlots.js';
import { caseTabUrl } from '../../contract/tabAddress.js';

/**
 * Meetings as Teams online meetings on the organiser's Outlook calendar, through Graph. A call made
 * for a signed-in person (`actingFor` = their SSO token) uses On-Behalf-Of with delegated scopes;
 * the outbox, which acts later for nobody in particular, uses the app's own token (Calendars.ReadWrite,
 * limited by an Exchange application access policy, docs/m365.md).
 */
export interface GraphCalendarOptions {
  app: EntraApp;
  settings: GraphSettings;
  /** The app-only session, shared with the other adapters. */
  appGraph: GraphSession;
  /** The Teams app's manifest id: installed in the meeting chat so its tab can be added. */
  teamsAppId: string | null;
  publicBaseUrl: string;
}

export const CALENDAR_SCOPES = ['Calendars.ReadWrite', 'OnlineMeetings.ReadWrite'];

interface GraphEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string } | null;
  attendees?: { emailAddress?: { address?: string }; status?: { response?: string } }[];
}

const RESPONSE: Record<string, CalendarMeeting['responses'][number]['response']> = {
  accepted: 'accepted',
  organizer: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace('Z', ''), timeZone: 'UTC' });
const whoFor = (p: CalendarPerson) => encodeURIComponent(p.aadObjectId ?? p.email);
const quoted = (s: string) => s.replace(/'/g, "''");

const toMeeting = (e: GraphEvent): CalendarMeeting => ({
  externalId: e.id,
  joinUrl: e.onlineMeeting?.joinUrl ?? null,
  responses: (e.attendees ?? []).map((a) => ({ email: a.emailAddress?.address ?? '', response: RESPONSE[a.status?.response ?? ''] ?? 'none' })),
});

export function graphCalendar(o: GraphCalendarOptions): MeetingCalendar {
  const sessionFor = (actingFor: string | null, scopes = CALENDAR_SCOPES): GraphSession =>
    actingFor ? graphSession(o.settings, () => o.app.onBehalfOf(actingFor, scopes)) : o.appGraph;
  // Acting for someone, Graph's "me" is that person; app-only names the organiser.
  const calendarOf = (organiser: CalendarPerson, actingFor: string | null) => (actingFor ? '/me' : `/users/${whoFor(organiser)}`);
  let catalogId: Promise<string | null> | null = null;

  const eventBody = (r: CalendarMeetingRequest) => ({
    subject: r.subject,
    start: graphTime(r.startsAt),
    end: graphTime(r.endsAt),
    location: { displayName: r.location ?? '' },
    attendees: r.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: 'required' })),
  });

  const notFound = (e: unknown) => e instanceof OutsideServiceError && e.status === 404;

  return {
    async create(request, actingFor) {
      const e = await sessionFor(actingFor).post<GraphEvent>(`${calendarOf(request.organiser, actingFor)}/events`, {
        ...eventBody(request),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        allowNewTimeProposals: true,
        // Graph's idempotency key: a create retried after a lost answer returns the first event.
        transactionId: request.meetingId,
      });
      return toMeeting(e);
    },

    async update(externalId, request, actingFor) {
      const e = await sessionFor(actingFor).patch<GraphEvent>(
        `${calendarOf(request.organiser, actingFor)}/events/${encodeURIComponent(externalId)}`,
        eventBody(request),
      );
      return toMeeting(e);
    },

    async cancel(externalId, organiser, actingFor) {
      try {
        await sessionFor(actingFor).post(`${calendarOf(organiser, actingFor)}/events/${encodeURIComponent(externalId)}/cancel`, {
          comment: 'This ECM meeting has been cancelled.',
        });
      } catch (error) {
        if (!notFound(error)) throw error; // cancelled already
      }
    },

    async get(externalId, organiser, actingFor) {
      try {
        return toMeeting(await sessionFor(actingFor).get<GraphEvent>(`${calendarOf(organiser, actingFor)}/events/${encodeURIComponent(externalId)}`));
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },

    async suggestTimes(people, from, to, durationMinutes, actingFor) {
      if (people.length === 0) return [];
      const interval = 30;
      const end = new Date(Math.min(new Date(to).getTime(), new Date(from).getTime() + 62 * 86_400_000)).toISOString();
      const r = await sessionFor(actingFor, ['Calendars.ReadWrite']).post<{ value: { scheduleId: string; availabilityView?: string; error?: unknown }[] }>(
        `${calendarOf(people[0]!, actingFor)}/calendar/getSchedule`,
        { schedules: people.map((p) => p.email), startTime: graphTime(from), endTime: graphTime(end), availabilityViewInterval: interval },
      );
      // Someone Graph cannot see (no mailbox, another tenant) does not block the rest.
      const views = r.value.filter((v) => !v.error && v.availabilityView).map((v) => v.availabilityView!);
      return freeSlots(views, from, interval, durationMinutes, 5);
    },

    async addTabToMeetingChat(joinUrl, organiser, tab, actingFor) {
      if (!o.teamsAppId) return null;
      const graph = actingFor ? sessionFor(actingFor, ['OnlineMeetings.ReadWrite', 'TeamsAppInstallation.ReadWriteForChat', 'TeamsTab.Create']) : o.appGraph;
      const found = await graph.get<{ value: { chatInfo?: { threadId?: string } }[] }>(
        `${calendarOf(organiser, actingFor)}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${quoted(joinUrl)}'`)}`,
      );
      const chatId = found.value[0]?.chatInfo?.threadId;
      if (!chatId) return null;
      catalogId ??= o.appGraph
        .get<{ value: { id: string }[] }>(`/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${quoted(o.teamsAppId)}'`)}`)
        .then((r) => r.value[0]?.id ?? null)
        .catch((error) => {
          catalogId = null;
          throw error;
        });
      const appId = await catalogId;
      if (!appId) throw new OutsideServiceError('the ECM Teams app is not in the organisation catalogue', 404, 'app_not_published', null, true);
      const chat = `/chats/${encodeURIComponent(chatId)}`;
      const bind = `${o.settings.baseUrl}/v1.0/appCatalogs/teamsApps/${appId}`;
      // One request: install the app (409 when it already is) and see which tabs the chat has.
      const replies = await graph.batch([
        { id: 'install', method: 'POST', url: `${chat}/installedApps`, body: { 'teamsApp@odata.bind': bind } },
        { id: 'tabs', method: 'GET', url: `${chat}/tabs?$expand=teamsApp` },
      ]);
      const install = replies.get('install');
      if (install?.status !== 201 && install?.status !== 409)
        throw new OutsideServiceError(`installing the app in the meeting chat failed: ${install?.status}`, install?.status ?? null, 'install_failed');
      const tabs = replies.get('tabs');
      if (tabs?.status !== 200) throw new OutsideServiceError(`listing the meeting chat's tabs failed: ${tabs?.status}`, tabs?.status ?? null, 'tabs_failed');
      const existing = (tabs.body as { value: { teamsApp?: { id?: string }; configuration?: { entityId?: string } }[] }).value;
      if (existing.some((t) => t.teamsApp?.id === appId && t.configuration?.entityId === tab.caseId)) return { chatId };
      // The same tab the settings page would save for this case (entity id and content URL).
      const contentUrl = caseTabUrl(o.publicBaseUrl, tab.caseId);
      await graph.post(`${chat}/tabs`, {
        displayName: `ECM ${tab.caseReference}`,
        'teamsApp@odata.bind': bind,
        configuration: { entityId: tab.caseId, contentUrl, websiteUrl: contentUrl },
      });
      return { chatId };
    },
  };
}
