import { createHash } from 'node:crypto';
import { z } from 'zod';
import { documentNameInExport, hasExpired } from '../../domain/recordExport.js';
import { principalOf } from '../../domain/staff.js';
import { writeZip } from '../../lib/zipWriter.js';
import type { JobKind } from '../../ports/outbox.js';
import type { RecordExport } from '../../ports/recordExports.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';
import { entriesForReview, readRecordParts, recordFiles } from './recordContents.js';
import { entriesWithheldFrom } from './withheldEntries.js';

/**
 * record.export.build: builds the child's copy of their record (docs/record-export.md). It reads
 * the record in one transaction, then fetches each document from the service's library, saying
 * how far it has got after each step; the zip is written and kept in one last transaction. Nothing
 * but progress is written before that, so a crash anywhere in between only means the outbox runs the
 * build again from the start, with the same result.
 *
 * record.export.expire: due seven days after the export started; drops the zip and records that.
 */
export const RECORD_EXPORT_BUILD_KIND = 'record.export.build';
export const RECORD_EXPORT_EXPIRE_KIND = 'record.export.expire';

const payloadSchema = z.object({ exportId: z.uuid() }).strict();
type Payload = z.infer<typeof payloadSchema>;

export async function queueRecordExport(work: Pick<Work, 'enqueue'>, e: RecordExport): Promise<void> {
  const payload: Payload = { exportId: e.id };
  await work.enqueue({ kind: RECORD_EXPORT_BUILD_KIND, payload, caseId: e.caseId, serviceId: e.serviceId, dedupeKey: `${RECORD_EXPORT_BUILD_KIND}:${e.id}` });
  await work.enqueue({
    kind: RECORD_EXPORT_EXPIRE_KIND,
    payload,
    caseId: e.caseId,
    serviceId: e.serviceId,
    dedupeKey: `${RECORD_EXPORT_EXPIRE_KIND}:${e.id}`,
    nextAttemptAt: e.expiresAt,
  });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function progress(deps: AppDeps, id: string, done: number, total: number, step: string): Promise<void> {
  await deps.store.transaction((tx) => tx.recordExports.progress(id, { state: 'building', done, total, step }));
}

export const buildRecordExportJob: JobKind<Payload, AppDeps> = {
  kind: RECORD_EXPORT_BUILD_KIND,
  payload: payloadSchema,
  malformed: 'the job does not say which export to build',
  async deliver(deps, { exportId }) {
    const read = await deps.store.transaction(async (tx) => {
      const e = await tx.recordExports.get(exportId);
      if (!e || e.state === 'ready' || e.state === 'expired' || e.state === 'failed') return { e, parts: null };
      const c = await tx.cases.get(e.caseId);
      const starter = await tx.staff.get(e.requestedBy);
      if (!c || !starter) return { e, parts: null, missing: true };
      const parts = await readRecordParts(tx, c);
      const withheld = entriesWithheldFrom(
        principalOf(starter),
        parts.timeline.map((t) => t.entry),
      );
      const docs = (await tx.documents.list(c.id)).filter((d) => d.status === 'queued' && d.serviceId === c.serviceId);
      const queued = [];
      for (const d of docs) {
        const content = await tx.documents.content(d.id);
        if (content) queued.push({ name: d.fileName, content });
      }
      return { e, parts, starter, withheld, queued };
    });
    // Deleted with its case, or already done: nothing to build.
    if (!read.e) return { ok: true };
    if (!read.parts) {
      if (read.missing) {
        await deps.store.transaction((tx) => tx.recordExports.fail(exportId, 'the case or the person who started the export is no longer there'));
      }
      return { ok: true };
    }
    const { e, parts, starter, withheld, queued } = read;
    if (hasExpired(e.expiresAt, deps.clock.now().toISOString())) return { ok: true };

    const inLibrary = (await deps.library.listLibrary(e.serviceId)).filter((i) => i.folder === parts.case.reference);
    const waiting = queued.filter((q) => !inLibrary.some((i) => i.name === q.name));
    const total = 4 + inLibrary.length;
    let done = 1;
    await progress(deps, e.id, done, total, 'read the record; fetching the documents');
    const documents: { name: string; data: Uint8Array }[] = [];
    const used = new Set<string>();
    const named = (libraryName: string) => {
      let name = documentNameInExport(libraryName, parts.case.reference, parts.case.childName ?? '', used.size + 1);
      while (used.has(name)) name = `${used.size + 1}_${name}`;
      used.add(name);
      return name;
    };
    for (const item of inLibrary) {
      const file = await deps.library.getDocument(e.serviceId, item.folder, item.name);
      if (file) documents.push({ name: named(item.name), data: file.content });
      await progress(deps, e.id, ++done, total, `fetched ${done - 1} of ${inLibrary.length} documents`);
    }
    for (const w of waiting) documents.push({ name: named(w.name), data: w.content });

    const review = entriesForReview(parts, withheld);
    await progress(deps, e.id, ++done, total, 'listed the entries to review; writing the zip');
    const builtAt = deps.clock.now().toISOString();
    const zip = writeZip(
      recordFiles(
        parts,
        {
          exportId: e.id,
          reference: e.reference,
          requestedFor: e.requestedFor,
          note: e.note,
          requestedBy: starter,
          requestedAt: e.requestedAt,
          builtAt,
          expiresAt: e.expiresAt,
        },
        withheld,
        review,
        documents,
      ),
      new Date(builtAt),
    );
    await progress(deps, e.id, ++done, total, 'keeping the zip');
    await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      await w.tx.recordExports.complete(e.id, zip, { size: zip.byteLength, sha256: sha(zip), review, withheld: [...withheld], readyAt: w.now });
      await w.audit({
        action: 'record.export.built',
        caseId: e.caseId,
        serviceId: e.serviceId,
        detail: {
          exportId: e.id,
          reference: e.reference,
          documents: documents.length,
          forReview: review.length,
          withheld: withheld.size,
          sha256: sha(zip),
        },
      });
    });
    return { ok: true };
  },
};

export const expireRecordExportJob: JobKind<Payload, AppDeps> = {
  kind: RECORD_EXPORT_EXPIRE_KIND,
  payload: payloadSchema,
  malformed: 'the job does not say which export to let go of',
  async deliver(deps, { exportId }) {
    const now = deps.clock.now();
    const e = await deps.store.transaction((tx) => tx.recordExports.get(exportId));
    if (!e) return { ok: true };
    if (!hasExpired(e.expiresAt, now.toISOString())) {
      return { ok: false, permanent: false, deferred: true, retryAfterMs: Date.parse(e.expiresAt) - now.getTime(), error: 'not yet seven days old' };
    }
    await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      const dropped = await w.tx.recordExports.expire(w.now);
      for (const id of dropped) {
        const x = id === e.id ? e : await w.tx.recordExports.get(id);
        if (!x) continue;
        await w.audit({ action: 'record.export.expired', caseId: x.caseId, serviceId: x.serviceId, detail: { exportId: x.id, reference: x.reference } });
      }
    });
    return { ok: true };
  },
};
