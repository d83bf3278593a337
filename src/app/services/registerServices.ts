import { defaultSettings } from '../../domain/service.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR } from '../unitOfWork.js';

/**
 * Makes the database hold the services the deployment's settings name (ECM_SERVICES). A service
 * new to the database starts with the default categories, TRM labels, review cadence and
 * retention; one already there keeps its own settings and takes the name it is given now. Nothing
 * is removed: a service dropped from the setting still holds its cases, which only retention ends.
 */
export async function registerServices(deps: AppDeps, services: Record<string, string>): Promise<{ added: string[]; renamed: string[] }> {
  return inTransaction(deps, SYSTEM_ACTOR, async (w) => {
    const added: string[] = [];
    const renamed: string[] = [];
    for (const [id, name] of Object.entries(services)) {
      const existing = await w.tx.services.get(id);
      if (existing?.name === name) continue;
      await w.tx.services.upsert(existing ? { ...existing, name } : { id, name, settings: defaultSettings() });
      (existing ? renamed : added).push(id);
      await w.audit({ action: existing ? 'service.renamed' : 'service.registered', caseId: null, serviceId: id, detail: { name } });
    }
    return { added, renamed };
  });
}
