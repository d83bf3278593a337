import { notFound } from '../domain/errors.js';
import { type DocumentToPublish, documentsToPublish, type PublishTrigger } from '../documents/publishSet.js';
import { todayIn } from '../ports/clock.js';
import type { PictureRasteriser } from '../ports/pictureRasteriser.js';
import type { AppDeps } from './deps.js';
import { assembleDossier, assembleDossierOfVersion } from './loadCaseDossier.js';

/**
 * The documents to publish for a case, made by the system when publishing is due (from an outbox
 * job, after a formulation is approved or a review's outcome is recorded): no person's access to
 * check, but the read is audited like any other. The caller queues each file for the case's
 * library, so a slow or throttled library never holds up the job that made them.
 */
export async function prepareCasePublication(
  deps: AppDeps,
  rasteriser: PictureRasteriser,
  caseId: string,
  trigger: PublishTrigger,
): Promise<DocumentToPublish[]> {
  const { live, ofVersion } = await deps.store.transaction(async (tx) => {
    const c = await tx.cases.get(caseId);
    if (!c) throw notFound('That case');
    const today = todayIn(deps.clock);
    const d = {
      live: await assembleDossier(tx, c, today),
      ofVersion: trigger.kind === 'formulation.approved' ? await assembleDossierOfVersion(tx, c, today, trigger.formulationNumber) : undefined,
    };
    await tx.audit.append(
      {
        actorId: 'system',
        action: 'documents.generated',
        caseId: c.id,
        serviceId: c.serviceId,
        detail: { reference: c.reference, document: 'publication', trigger: trigger.kind },
      },
      deps.clock.now().toISOString(),
    );
    return d;
  });
  return documentsToPublish(live, trigger, (svg, width) => rasteriser.toPng(svg, width), ofVersion);
}
