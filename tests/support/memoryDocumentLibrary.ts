import { createHash } from 'node:crypto';
import { DomainError } from '../../src/domain/errors.js';
import type { DocumentLibrary, DocumentMetadata, LibraryItem, LibraryItemVersion } from '../../src/ports/documentLibrary.js';

/**
 * A document library in memory that behaves like the real ones: a folder per case, a file written
 * again becomes a new version (1.0, 2.0…), every write changes the eTag, a stale If-Match is
 * refused, and deleting a folder removes its files and their versions. For tests of the use cases
 * that reach the library; the adapters themselves are tested against their own services.
 */
interface StoredFile {
  item: LibraryItem;
  versions: { label: string; content: Uint8Array; at: string }[];
}

export function memoryDocumentLibrary(now: () => string = () => new Date().toISOString()) {
  const services = new Map<string, Map<string, Map<string, StoredFile>>>();
  const folderOf = (serviceId: string, reference: string, create: boolean) => {
    let lib = services.get(serviceId);
    if (!lib && create) services.set(serviceId, (lib = new Map()));
    let folder = lib?.get(reference);
    if (lib && !folder && create) lib.set(reference, (folder = new Map()));
    return folder ?? null;
  };
  let counter = 0;

  const library: DocumentLibrary & { folders(serviceId: string): string[] } = {
    async ensureCaseFolder(serviceId, reference) {
      folderOf(serviceId, reference, true);
    },
    async putDocument(serviceId, reference, fileName, content, metadata: DocumentMetadata, options) {
      const folder = folderOf(serviceId, reference, true) as Map<string, StoredFile>;
      const existing = folder.get(fileName);
      if (options?.ifMatch && existing?.item.eTag !== options.ifMatch) throw new DomainError('precondition_failed', 'The file changed since it was read.');
      const label = `${(existing?.versions.length ?? 0) + 1}.0`;
      const at = now();
      const item: LibraryItem = {
        id: existing?.item.id ?? `item-${++counter}`,
        folder: reference,
        name: fileName,
        size: content.length,
        eTag: `"${createHash('sha1').update(content).update(label).digest('hex').slice(0, 16)}"`,
        lastModified: at,
        metadata: { ...metadata },
        versionLabel: label,
        webUrl: null,
      };
      folder.set(fileName, { item, versions: [...(existing?.versions ?? []), { label, content: content.slice(), at }] });
      return item;
    },
    async getDocument(serviceId, reference, fileName) {
      const f = folderOf(serviceId, reference, false)?.get(fileName);
      return f ? { item: f.item, content: (f.versions.at(-1) as StoredFile['versions'][number]).content } : null;
    },
    async listVersions(serviceId, reference, fileName): Promise<LibraryItemVersion[]> {
      const f = folderOf(serviceId, reference, false)?.get(fileName);
      return (f?.versions ?? []).map((v) => ({ versionLabel: v.label, size: v.content.length, lastModified: v.at }));
    },
    async listLibrary(serviceId) {
      return [...(services.get(serviceId)?.values() ?? [])].flatMap((folder) => [...folder.values()].map((f) => f.item));
    },
    async deleteCaseFolder(serviceId, reference) {
      services.get(serviceId)?.delete(reference);
    },
    folders: (serviceId) => [...(services.get(serviceId)?.keys() ?? [])],
  };
  return library;
}
