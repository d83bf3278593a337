import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devSessionIdentity } from '../../src/adapters/local/devSessionIdentity.js';
import { fileSystemLibrary } from '../../src/adapters/local/fileSystemLibrary.js';
import { icsFileCalendar } from '../../src/adapters/local/icsFileCalendar.js';
import { memoryCaseEventBus } from '../../src/adapters/local/memoryCaseEventBus.js';
import { staffDirectory } from '../../src/adapters/local/staffDirectory.js';
import { resvgRasteriser } from '../../src/adapters/resvg/resvgRasteriser.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';

/** Local mode's ports around a store, as the composition root picks them, with files in a scratch folder. */
export function localDeps(store: Store, clock: Clock): AppDeps {
  const files = mkdtempSync(join(tmpdir(), 'ecm-deps-'));
  return {
    store,
    bus: memoryCaseEventBus(),
    clock,
    newId: randomUUID,
    directory: staffDirectory(store),
    identity: devSessionIdentity(store, clock),
    library: fileSystemLibrary(join(files, 'library'), clock),
    calendar: icsFileCalendar(join(files, 'calendar'), clock),
    rasteriser: resvgRasteriser(),
    notifier: null,
  };
}
