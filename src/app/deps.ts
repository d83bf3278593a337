import type { CaseEventBus } from '../ports/caseEventBus.js';
import type { Clock } from '../ports/clock.js';
import type { Directory } from '../ports/directory.js';
import type { Store } from '../ports/store.js';

/** What every use case works through. The composition root fills it from config. */
export interface AppDeps {
  store: Store;
  bus: CaseEventBus;
  clock: Clock;
  newId: () => string;
  /** People who may be invited: the staff list locally, Entra ID in Microsoft 365 mode. */
  directory: Directory;
}
