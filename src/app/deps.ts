import type { CaseEventBus } from '../ports/caseEventBus.js';
import type { Clock } from '../ports/clock.js';
import type { Directory } from '../ports/directory.js';
import type { DocumentLibrary } from '../ports/documentLibrary.js';
import type { Identity } from '../ports/identity.js';
import type { MeetingCalendar } from '../ports/meetingCalendar.js';
import type { Notifier } from '../ports/notifier.js';
import type { PictureRasteriser } from '../ports/pictureRasteriser.js';
import type { Store } from '../ports/store.js';

/**
 * Every port the system works through, in one object: use cases, routes, the bot and the jobs all
 * receive this and nothing else. The composition root (src/composition.ts) fills it from config.
 */
export interface AppDeps {
  store: Store;
  bus: CaseEventBus;
  clock: Clock;
  newId: () => string;
  /** People who may be invited: the staff list locally, Entra ID in Microsoft 365 mode. */
  directory: Directory;
  /** Who signs in: the dev sign-in locally, Entra ID tokens in Microsoft 365 mode. */
  identity: Identity;
  /** Each service's case documents: a folder locally, SharePoint in Microsoft 365 mode. */
  library: DocumentLibrary;
  /** Meetings in people's calendars: .ics files locally, Teams meetings in Microsoft 365 mode. */
  calendar: MeetingCalendar;
  /** The timeline picture as PNG, for Word versions that cannot show SVG. */
  rasteriser: PictureRasteriser;
  /** Messages to people in Teams (the bot); null while the bot is off, when notifications wait in the outbox. */
  notifier: Notifier | null;
  /**
   * Local mode: the bot's messages reach a person only once they open it in the Agents Playground,
   * so until then they wait. Said once in the log at start and on the dashboard.
   */
  messagesWaitForPlayground?: boolean;
  /** ECM_PSEUDONYM_KEY, when set: otherwise the evaluation export uses a key kept in the database. */
  pseudonymKey?: string;
}
