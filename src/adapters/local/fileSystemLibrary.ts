import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertLibraryNames } from '../../domain/document.js';
import type { Clock } from '../../ports/clock.js';
import {
  type DocumentLibrary,
  type DocumentMetadata,
  LibraryConflict,
  type LibraryItem,
  type LibraryItemVersion,
  type PutDocumentOptions,
} from '../../ports/documentLibrary.js';

interface StoredVersion {
  label: string;
  size: number;
  lastModified: string;
  metadata: DocumentMetadata | null;
  uploadId: string | null;
}

interface StoredFile {
  id: string;
  /** Changes on every write, like SharePoint's eTag. */
  eTag: string;
  versions: StoredVersion[];
  /** Metadata changes made since the newest version, so that each gives a new eTag. */
  metadataWrites?: number;
}

/**
 * Local mode's library: a folder per service and per case on disk. The newest content sits under
 * its own name so a person can open it; every version and its metadata is kept beside it in
 * `.ecm/`. Writes go to a temporary file and are renamed into place, so a crash never leaves half a file.
 */
export function fileSystemLibrary(root: string, clock: Clock): DocumentLibrary {
  const caseDir = (serviceId: string, ref: string) => join(root, serviceDir(serviceId), ref);
  const metaDir = (serviceId: string, ref: string) => join(caseDir(serviceId, ref), '.ecm');
  const recordPath = (serviceId: string, ref: string, name: string) => join(metaDir(serviceId, ref), `${name}.json`);
  const blobPath = (serviceId: string, ref: string, name: string, label: string) => join(metaDir(serviceId, ref), `${name}.v${label}`);
  // One write at a time per file: the If-Match check and the write must not interleave.
  const locks = new Map<string, Promise<unknown>>();

  async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = locks.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    locks.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  async function readRecord(serviceId: string, ref: string, name: string): Promise<StoredFile | null> {
    try {
      return JSON.parse(await readFile(recordPath(serviceId, ref, name), 'utf8')) as StoredFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
    const temp = `${path}.${randomUUID()}.tmp`;
    await writeFile(temp, data);
    await rename(temp, path);
  }

  const itemOf = (serviceId: string, ref: string, name: string, r: StoredFile): LibraryItem => {
    const newest = r.versions[r.versions.length - 1]!;
    return {
      id: r.id,
      folder: ref,
      name,
      size: newest.size,
      eTag: r.eTag,
      lastModified: newest.lastModified,
      metadata: newest.metadata,
      versionLabel: newest.label,
      webUrl: null,
      uploadId: newest.uploadId,
    };
  };

  return {
    async ensureCaseFolder(serviceId, ref) {
      assertLibraryNames(ref);
      await mkdir(metaDir(serviceId, ref), { recursive: true });
    },

    async putDocument(serviceId, ref, name, content, metadata, options: PutDocumentOptions = {}) {
      assertLibraryNames(ref, name);
      return withLock(`${serviceId}/${ref}/${name}`, async () => {
        await mkdir(metaDir(serviceId, ref), { recursive: true });
        const record = await readRecord(serviceId, ref, name);
        if (options.ifMatch !== undefined && record?.eTag !== options.ifMatch) throw new LibraryConflict(name);
        const newest = record?.versions[record.versions.length - 1];
        if (record && options.uploadId && newest?.uploadId === options.uploadId) return itemOf(serviceId, ref, name, record);

        const label = `${(record?.versions.length ?? 0) + 1}.0`;
        const id = record?.id ?? randomUUID();
        const next: StoredFile = {
          id,
          eTag: `"{${id}},${(record?.versions.length ?? 0) + 1}"`,
          versions: [
            ...(record?.versions ?? []),
            { label, size: content.byteLength, lastModified: clock.now().toISOString(), metadata, uploadId: options.uploadId ?? null },
          ],
        };
        await writeAtomically(blobPath(serviceId, ref, name, label), content);
        await writeAtomically(join(caseDir(serviceId, ref), name), content);
        // The record last: until it is written, the version does not exist.
        await writeAtomically(recordPath(serviceId, ref, name), JSON.stringify(next));
        return itemOf(serviceId, ref, name, next);
      });
    },

    async setMetadata(serviceId, ref, name, metadata) {
      assertLibraryNames(ref, name);
      return withLock(`${serviceId}/${ref}/${name}`, async () => {
        const record = await readRecord(serviceId, ref, name);
        if (!record) return null;
        const writes = (record.metadataWrites ?? 0) + 1;
        const versions = record.versions.map((v, i) => (i === record.versions.length - 1 ? { ...v, metadata } : v));
        const next: StoredFile = { ...record, versions, metadataWrites: writes, eTag: `"{${record.id}},${versions.length}.${writes}"` };
        await writeAtomically(recordPath(serviceId, ref, name), JSON.stringify(next));
        return itemOf(serviceId, ref, name, next);
      });
    },

    async getDocument(serviceId, ref, name) {
      assertLibraryNames(ref, name);
      const record = await readRecord(serviceId, ref, name);
      if (!record) return null;
      const item = itemOf(serviceId, ref, name, record);
      return { item, content: new Uint8Array(await readFile(blobPath(serviceId, ref, name, item.versionLabel))) };
    },

    async listVersions(serviceId, ref, name): Promise<LibraryItemVersion[]> {
      assertLibraryNames(ref, name);
      const record = await readRecord(serviceId, ref, name);
      return (record?.versions ?? []).map((v) => ({ versionLabel: v.label, size: v.size, lastModified: v.lastModified })).reverse();
    },

    async listLibrary(serviceId) {
      const items: LibraryItem[] = [];
      let refs: string[];
      try {
        refs = (await readdir(join(root, serviceDir(serviceId)), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      for (const ref of refs.sort()) {
        let names: string[];
        try {
          names = (await readdir(metaDir(serviceId, ref))).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
        } catch {
          continue;
        }
        for (const name of names.sort()) {
          const record = await readRecord(serviceId, ref, name);
          if (record) items.push(itemOf(serviceId, ref, name, record));
        }
      }
      return items;
    },

    async deleteCaseFolder(serviceId, ref) {
      assertLibraryNames(ref);
      await rm(caseDir(serviceId, ref), { recursive: true, force: true });
    },
  };
}

/** Service ids are three capitals (domain/service.ts); anything else never reaches the disk. */
function serviceDir(serviceId: string): string {
  if (!/^[A-Z]{3}$/.test(serviceId)) throw new Error('not a service id');
  return serviceId;
}
