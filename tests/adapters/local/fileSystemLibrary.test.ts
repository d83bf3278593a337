import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSystemLibrary } from '../../../src/adapters/local/fileSystemLibrary.js';
import { fixedClock } from '../../../src/adapters/local/systemClock.js';
import { documentLibraryContract } from '../../ports/documentLibrary.contract.js';
import { TODAY } from '../../support/testSystem.js';

documentLibraryContract('the local folder library', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ecm-library-'));
  return { library: fileSystemLibrary(dir, fixedClock(TODAY)), close: () => rm(dir, { recursive: true, force: true }) };
});
