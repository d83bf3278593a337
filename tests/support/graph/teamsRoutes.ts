import { randomUUID } from 'node:crypto';
import { type Caller, fail, type GraphCall, type Route } from './graphDouble.js';

/** People, calendars, Teams online meetings and meeting chats, as Graph exposes them. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string | null;
}

type Response = 'none' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'organizer';

interface CalendarEvent {
  id: string;
  ownerId: string;
  subject: string;
  start: string;
  end: string;
  location: string | null;
  attendees: { address: string; name: string; type: string; response: Response; time: string }[];
  joinUrl: string | null;
  chatId: string | null;
  transactionId: string | null;
  cancelled: boolean;
  writes: number;
}

interface Chat {
  installedApps: Set<string>;
  tabs: { id: string; displayName: string; teamsAppId: string; configuration: Record<string, unknown> }[];
}

export type TeamsState = ReturnType<typeof newTeamsState>;

const utc = (t: { dateTime?: string; timeZone?: string } | undefined, what: string): string => {
  if (!t?.dateTime) throw fail(400, 'ErrorInvalidRequest', `${what} is required.`);
  if (t.timeZone && t.timeZone !== 'UTC') throw fail(400, 'ErrorInvalidRequest', 'This double speaks UTC only.');
  const d = new Date(`${t.dateTime.replace(/Z$/, '')}Z`);
  if (Number.isNaN(d.getTime())) throw fail(400, 'ErrorInvalidRequest', `${what} is not a date.`);
  return d.toISOString();
};
const graphTime = (iso: string) => ({ dateTime: iso.replace('Z', '').replace(/\.\d{3}$/, '.0000000'), timeZone: 'UTC' });

export function newTeamsState(baseUrl: () => string) {
  const users = new Map<string, DirectoryUser>();
  const events = new Map<string, CalendarEvent>();
  const busy = new Map<string, { start: string; end: string }[]>();
  const chats = new Map<string, Chat>();
  const catalog: { id: string; externalId: string; displayName: string }[] = [];

  const findUser = (idOrUpn: string): DirectoryUser => {
    const key = idOrUpn.toLowerCase();
    const u = [...users.values()].find((x) => x.id === idOrUpn || x.mail.toLowerCase() === key || x.userPrincipalName.toLowerCase() === key);
    if (!u)
      throw fail(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
    return u;
  };

  /** App-only needs the application permission; a user's token needs the scope and acts only for that user. */
  const need = (caller: Caller, app: string[], delegated: string[], actingFor?: DirectoryUser) => {
    if (caller.userId) {
      if (!delegated.some((s) => caller.scopes.includes(s))) throw fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      if (actingFor && actingFor.id !== caller.userId) throw fail(403, 'ErrorAccessDenied', "Access is denied to another user's calendar.");
      return;
    }
    if (!app.some((r) => caller.roles.includes(r))) throw fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  };
  const owner = (call: GraphCall, who: string) => (who === 'me' ? findUser(call.caller.userId ?? '-') : findUser(who));

  const eventJson = (e: CalendarEvent) => ({
    '@odata.etag': `W/"${e.id.slice(0, 8)}-${e.writes}"`,
    id: e.id,
    subject: e.subject,
    start: graphTime(e.start),
    end: graphTime(e.end),
    location: { displayName: e.location ?? '' },
    isOnlineMeeting: Boolean(e.joinUrl),
    onlineMeetingProvider: e.joinUrl ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: e.joinUrl ? { joinUrl: e.joinUrl } : null,
    transactionId: e.transactionId,
    isCancelled: e.cancelled,
    organizer: { emailAddress: { address: users.get(e.ownerId)!.mail, name: users.get(e.ownerId)!.displayName } },
    attendees: e.attendees.map((a) => ({ type: a.type, emailAddress: { address: a.address, name: a.name }, status: { response: a.response, time: a.time } })),
  });

  type AttendeeIn = { emailAddress?: { address?: string; name?: string }; type?: string };
  const attendeesFrom = (list: AttendeeIn[] | undefined, keep: CalendarEvent['attendees'] = []) =>
    (list ?? []).map((a) => {
      const address = a.emailAddress?.address;
      if (!address) throw fail(400, 'ErrorInvalidRequest', 'An attendee needs an email address.');
      const before = keep.find((k) => k.address.toLowerCase() === address.toLowerCase());
      return (
        before ?? { address, name: a.emailAddress?.name ?? address, type: a.type ?? 'required', response: 'none' as Response, time: '0001-01-01T00:00:00Z' }
      );
    });

  const eventOf = (call: GraphCall, who: string, id: string) => {
    const u = owner(call, who);
    need(call.caller, ['Calendars.ReadWrite', 'Calendars.Read'], ['Calendars.ReadWrite', 'Calendars.Read'], u);
    const e = events.get(id);
    if (!e || e.ownerId !== u.id || e.cancelled) throw fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return e;
  };

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/(?:users\/([^/]+)|(me))\/events$/,
      handle: (call, [who, me]) => {
        const u = owner(call, who ?? me!);
        need(call.caller, ['Calendars.ReadWrite'], ['Calendars.ReadWrite'], u);
        const b = call.json<Record<string, any>>();
        // transactionId: a retried create returns the event the first attempt made.
        const again = b.transactionId ? [...events.values()].find((e) => e.ownerId === u.id && e.transactionId === b.transactionId) : undefined;
        if (again) return { status: 201, body: eventJson(again) };
        if (!b.subject) throw fail(400, 'ErrorInvalidRequest', 'subject is required.');
        const online = b.isOnlineMeeting === true && b.onlineMeetingProvider === 'teamsForBusiness';
        const chatId = online ? `19:meeting_${randomUUID().replace(/-/g, '')}@thread.v2` : null;
        if (chatId) chats.set(chatId, { installedApps: new Set(), tabs: [] });
        const e: CalendarEvent = {
          id: `AAMk${randomUUID().replace(/-/g, '')}`,
          ownerId: u.id,
          subject: String(b.subject),
          start: utc(b.start, 'start'),
          end: utc(b.end, 'end'),
          location: b.location?.displayName ?? null,
          attendees: attendeesFrom(b.attendees),
          joinUrl: chatId ? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%22Tid%22%3a%22t%22%7d` : null,
          chatId,
          transactionId: b.transactionId ?? null,
          cancelled: false,
          writes: 1,
        };
        events.set(e.id, e);
        return { status: 201, body: eventJson(e) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/(?:users\/([^/]+)|(me))\/events\/([^/]+)$/,
      handle: (call, [who, me, id]) => ({ status: 200, body: eventJson(eventOf(call, who ?? me!, id!)) }),
    },
    {
      method: 'PATCH',
      pattern: /^\/(?:users\/([^/]+)|(me))\/events\/([^/]+)$/,
      handle: (call, [who, me, id]) => {
        const e = eventOf(call, who ?? me!, id!);
        need(call.caller, ['Calendars.ReadWrite'], ['Calendars.ReadWrite']);
        const ifMatch = call.headers['if-match'];
        if (ifMatch && ifMatch !== eventJson(e)['@odata.etag'])
          throw fail(412, 'ErrorIrresolvableConflict', 'The change key passed in the request does not match the current change key for the item.');
        const b = call.json<Record<string, any>>();
        if (b.subject !== undefined) e.subject = String(b.subject);
        if (b.start !== undefined) e.start = utc(b.start, 'start');
        if (b.end !== undefined) e.end = utc(b.end, 'end');
        if (b.location !== undefined) e.location = b.location?.displayName ?? null;
        if (b.attendees !== undefined) e.attendees = attendeesFrom(b.attendees, e.attendees);
        e.writes += 1;
        return { status: 200, body: eventJson(e) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/(?:users\/([^/]+)|(me))\/events\/([^/]+)\/cancel$/,
      handle: (call, [who, me, id]) => {
        const e = eventOf(call, who ?? me!, id!);
        need(call.caller, ['Calendars.ReadWrite'], ['Calendars.ReadWrite']);
        e.cancelled = true;
        return { status: 202 };
      },
    },
    {
      method: 'POST',
      pattern: /^\/(?:users\/([^/]+)|(me))\/calendar\/getSchedule$/,
      handle: (call, [who, me]) => {
        const u = owner(call, who ?? me!);
        need(call.caller, ['Calendars.Read', 'Calendars.ReadWrite'], ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic'], u);
        const b = call.json<{ schedules?: string[]; startTime?: any; endTime?: any; availabilityViewInterval?: number }>();
        const start = new Date(utc(b.startTime, 'startTime')).getTime();
        const end = new Date(utc(b.endTime, 'endTime')).getTime();
        const step = (b.availabilityViewInterval ?? 30) * 60_000;
        if (!b.schedules?.length || b.schedules.length > 20) throw fail(400, 'ErrorInvalidRequest', 'Between 1 and 20 schedules.');
        if (end - start > 62 * 86_400_000) throw fail(400, 'ErrorInvalidRequest', 'The time window is limited to 62 days.');
        const value = b.schedules.map((address) => {
          let user: DirectoryUser;
          try {
            user = findUser(address);
          } catch {
            return { scheduleId: address, availabilityView: '', error: { message: 'User not found', responseCode: 'UserNotFound' } };
          }
          const blocks = [
            ...(busy.get(user.mail.toLowerCase()) ?? []),
            ...[...events.values()]
              .filter(
                (e) =>
                  !e.cancelled &&
                  (e.ownerId === user.id || e.attendees.some((a) => a.address.toLowerCase() === user.mail.toLowerCase() && a.response !== 'declined')),
              )
              .map((e) => ({ start: e.start, end: e.end })),
          ];
          let view = '';
          for (let t = start; t < end; t += step) {
            const hit = blocks.some((x) => new Date(x.start).getTime() < t + step && new Date(x.end).getTime() > t);
            view += hit ? '2' : '0';
          }
          return {
            scheduleId: address,
            availabilityView: view,
            scheduleItems: blocks.map((x) => ({ status: 'busy', start: graphTime(x.start), end: graphTime(x.end) })),
          };
        });
        return { status: 200, body: { value } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/(?:users\/([^/]+)|(me))\/onlineMeetings$/,
      handle: (call, [who, me]) => {
        const u = owner(call, who ?? me!);
        need(call.caller, ['OnlineMeetings.Read.All', 'OnlineMeetings.ReadWrite.All'], ['OnlineMeetings.Read', 'OnlineMeetings.ReadWrite'], u);
        const filter = /^JoinWebUrl eq '(.+)'$/i.exec(call.query.get('$filter') ?? '');
        if (!filter) throw fail(400, 'BadRequest', 'Filter on JoinWebUrl is required.');
        const url = filter[1]!.replace(/''/g, "'");
        const e = [...events.values()].find((x) => x.joinUrl === url && x.ownerId === u.id && !x.cancelled);
        return {
          status: 200,
          body: {
            value: e ? [{ id: `MSo${e.id.slice(4, 20)}`, joinWebUrl: e.joinUrl, subject: e.subject, chatInfo: { threadId: e.chatId, messageId: '0' } }] : [],
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/chats\/([^/]+)\/installedApps$/,
      handle: (call, [chatId]) => {
        need(
          call.caller,
          ['TeamsAppInstallation.ReadWriteForChat.All', 'TeamsAppInstallation.ReadWriteSelfForChat.All'],
          ['TeamsAppInstallation.ReadWriteForChat', 'TeamsAppInstallation.ReadWriteSelfForChat'],
        );
        const chat = chats.get(chatId!);
        if (!chat) throw fail(404, 'NotFound', 'Chat not found.');
        const appId = /teamsApps\/([^/]+)$/.exec(call.json<Record<string, string>>()['teamsApp@odata.bind'] ?? '')?.[1];
        if (!appId || !catalog.some((a) => a.id === appId)) throw fail(404, 'NotFound', 'The app is not in the catalogue.');
        if (chat.installedApps.has(appId)) throw fail(409, 'Conflict', 'The app is already installed in this chat.');
        chat.installedApps.add(appId);
        return { status: 201 };
      },
    },
    {
      method: 'GET',
      pattern: /^\/chats\/([^/]+)\/tabs$/,
      handle: (call, [chatId]) => {
        need(
          call.caller,
          ['TeamsTab.Read.All', 'TeamsTab.ReadWriteForChat.All', 'TeamsTab.Create'],
          ['TeamsTab.Read.All', 'TeamsTab.ReadWriteForChat', 'TeamsTab.Create'],
        );
        const chat = chats.get(chatId!);
        if (!chat) throw fail(404, 'NotFound', 'Chat not found.');
        return {
          status: 200,
          body: { value: chat.tabs.map((t) => ({ id: t.id, displayName: t.displayName, configuration: t.configuration, teamsApp: { id: t.teamsAppId } })) },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/chats\/([^/]+)\/tabs$/,
      handle: (call, [chatId]) => {
        need(call.caller, ['TeamsTab.Create', 'TeamsTab.ReadWriteForChat.All'], ['TeamsTab.Create', 'TeamsTab.ReadWriteForChat']);
        const chat = chats.get(chatId!);
        if (!chat) throw fail(404, 'NotFound', 'Chat not found.');
        const b = call.json<Record<string, any>>();
        const appId = /teamsApps\/([^/]+)$/.exec(b['teamsApp@odata.bind'] ?? '')?.[1];
        if (!appId || !chat.installedApps.has(appId)) throw fail(400, 'BadRequest', 'Install the app in the chat before adding its tab.');
        if (!b.displayName || !b.configuration?.contentUrl) throw fail(400, 'BadRequest', 'A tab needs displayName and configuration.contentUrl.');
        const tab = { id: randomUUID(), displayName: String(b.displayName), teamsAppId: appId, configuration: b.configuration as Record<string, unknown> };
        chat.tabs.push(tab);
        return { status: 201, body: { id: tab.id, displayName: tab.displayName, configuration: tab.configuration } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/appCatalogs\/teamsApps$/,
      handle: (call) => {
        need(call.caller, ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All'], ['AppCatalog.Read.All', 'AppCatalog.Submit']);
        const externalId = /^externalId eq '(.+)'$/.exec(call.query.get('$filter') ?? '')?.[1];
        return {
          status: 200,
          body: { value: catalog.filter((a) => !externalId || a.externalId === externalId).map((a) => ({ ...a, distributionMethod: 'organization' })) },
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/users$/,
      handle: (call) => {
        need(call.caller, ['User.ReadBasic.All', 'User.Read.All'], ['User.ReadBasic.All', 'User.Read.All']);
        const f = /^startswith\(displayName,'(.*)'\) or startswith\(mail,'(.*)'\)$/.exec(call.query.get('$filter') ?? '');
        const needle = (f?.[1] ?? '').replace(/''/g, "'").toLowerCase();
        const top = Math.min(Number(call.query.get('$top') ?? 100), 999);
        const found = [...users.values()].filter((u) => !needle || u.displayName.toLowerCase().startsWith(needle) || u.mail.toLowerCase().startsWith(needle));
        return { status: 200, body: { value: found.slice(0, top) } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/users\/([^/]+)$/,
      handle: (call, [who]) => {
        need(call.caller, ['User.ReadBasic.All', 'User.Read.All'], ['User.ReadBasic.All', 'User.Read.All']);
        return { status: 200, body: findUser(who!) };
      },
    },
  ];

  return {
    routes,
    users,
    events,
    chats,
    addUser(u: Omit<DirectoryUser, 'id' | 'userPrincipalName' | 'jobTitle'> & Partial<DirectoryUser>): DirectoryUser {
      const user = {
        id: u.id ?? randomUUID(),
        userPrincipalName: u.userPrincipalName ?? u.mail,
        jobTitle: u.jobTitle ?? null,
        displayName: u.displayName,
        mail: u.mail,
      };
      users.set(user.id, user);
      return user;
    },
    busyAt(email: string, start: string, end: string) {
      const list = busy.get(email.toLowerCase()) ?? [];
      list.push({ start, end });
      busy.set(email.toLowerCase(), list);
    },
    /** An attendee answers the invitation in Outlook or Teams. */
    respond(eventId: string, email: string, response: Exclude<Response, 'organizer'>) {
      const a = events.get(eventId)?.attendees.find((x) => x.address.toLowerCase() === email.toLowerCase());
      if (!a) throw new Error('no such attendee');
      a.response = response;
      a.time = new Date().toISOString();
    },
    publishApp(externalId: string, displayName: string): string {
      const id = randomUUID();
      catalog.push({ id, externalId, displayName });
      return id;
    },
    graphUrl: baseUrl,
  };
}

export const teamsRoutes = (state: TeamsState): Route[] => state.routes;
