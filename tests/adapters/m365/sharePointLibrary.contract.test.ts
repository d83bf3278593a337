import { sharePointLibrary } from '../../../src/adapters/m365/sharePointLibrary.js';
import { documentLibraryContract } from '../../ports/documentLibrary.contract.js';
import { startM365Doubles } from '../../support/m365.js';

documentLibraryContract('SharePoint through Graph', async () => {
  const m = await startM365Doubles();
  return { library: sharePointLibrary({ graph: m.appGraph(), libraries: m.libraries }), close: () => m.close() };
});
