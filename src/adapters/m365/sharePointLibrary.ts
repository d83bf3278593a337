import { assertLibraryNames } from '../../domain/document.js';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import {
  type DocumentLibrary,
  type DocumentMetadata,
  DOCUMENT_TYPES,
  type DocumentType,
  LibraryConflict,
  type LibraryItem,
  type PutDocumentOptions,
} from '../../ports/documentLibrary.js';
import type { BatchReply, GraphSession } from './graph.js';
import { quickXorHash } from './quickXorHash.js';
import { FRAGMENT_UNIT, uploadInSession, UploadSessionGone } from './uploadSession.js';

/** Where each service's documents live: a SharePoint site and one of its document libraries. */
export interface ServiceLibrary {
  siteId: string;
  driveId: string;
}

/**
 * The library's metadata columns (create them once per library; docs/m365.md says how). The
 * upload id column lets a retried delivery see that its write already happened.
 */
export const LIBRARY_COLUMNS = {
  caseReference: 'EcmCaseReference',
  documentType: 'EcmDocumentType',
  version: 'EcmDocumentVersion',
  reviewDate: 'EcmReviewDate',
  retainUntil: 'EcmRetainUntil',
  uploadId: 'EcmUploadId',
} as const;

export interface SharePointLibraryOptions {
  /** App-only Graph: Sites.Selected, with a write grant on each service's site. */
  graph: GraphSession;
  libraries: Record<string, ServiceLibrary>;
  /** Files up to this size go in one PUT; larger ones through an upload session. Graph's limit is 4 MiB. */
  smallUploadLimit?: number;
  /** Upload-session fragment size, a multiple of 320 KiB. */
  fragmentSize?: number;
}

interface DriveItem {
  id: string;
  name: string;
  size?: number;
  eTag?: string;
  lastModifiedDateTime?: string;
  webUrl?: string;
  file?: { hashes?: { quickXorHash?: string } };
  folder?: object;
  parentReference?: { driveId?: string };
  listItem?: { fields?: Record<string, unknown> };
}
const FIELDS = '$expand=listItem($expand=fields)';
const enc = encodeURIComponent;
const asDate = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 10) : null);

function metadataOf(fields: Record<string, unknown> | undefined): DocumentMetadata | null {
  const ref = fields?.[LIBRARY_COLUMNS.caseReference];
  const type = fields?.[LIBRARY_COLUMNS.documentType];
  if (typeof ref !== 'string' || !DOCUMENT_TYPES.includes(type as DocumentType)) return null;
  return {
    caseReference: ref,
    documentType: type as DocumentType,
    version: String(fields?.[LIBRARY_COLUMNS.version] ?? ''),
    reviewDate: asDate(fields?.[LIBRARY_COLUMNS.reviewDate]),
    retainUntil: asDate(fields?.[LIBRARY_COLUMNS.retainUntil]),
  };
}

function toItem(d: DriveItem, folder: string): LibraryItem {
  const fields = d.listItem?.fields as Record<string, unknown> | undefined;
  return {
    id: String(d.id),
    folder,
    name: String(d.name),
    size: Number(d.size ?? 0),
    eTag: String(d.eTag ?? ''),
    lastModified: String(d.lastModifiedDateTime ?? ''),
    metadata: metadataOf(fields),
    versionLabel: String(fields?._UIVersionString ?? '1.0'),
    webUrl: typeof d.webUrl === 'string' ? d.webUrl : null,
    uploadId: typeof fields?.[LIBRARY_COLUMNS.uploadId] === 'string' ? (fields[LIBRARY_COLUMNS.uploadId] as string) : null,
  };
}

/** A failed batch part as the error it would have been on its own. */
function partError(r: BatchReply | undefined, what: string): OutsideServiceError {
  if (!r) return new OutsideServiceError(`Graph ${what}: no reply in the batch`, null, 'batch_incomplete');
  const code = String((r.body as { error?: { code?: string } } | null)?.error?.code ?? `http_${r.status}`);
  const retryAfter = r.headers['retry-after'] ? Number(r.headers['retry-after']) * 1000 : null;
  return new OutsideServiceError(`Graph ${what} failed: ${r.status} ${code}`, r.status, code, retryAfter, [400, 403, 404, 409, 413].includes(r.status));
}

/**
 * True when the newest version already holds this write: same upload id, or the very same bytes
 * (the bytes may have landed while the metadata did not, a crash between the two). Graph's own
 * hash and the size answer that without downloading the file.
 */
function holdsWrite(existing: DriveItem | null, content: Uint8Array, uploadId: string): boolean {
  if (!existing) return false;
  if (existing.listItem?.fields?.[LIBRARY_COLUMNS.uploadId] === uploadId) return true;
  const hash = existing.file?.hashes?.quickXorHash;
  return Number(existing.size) === content.byteLength && hash !== undefined && hash === quickXorHash(content);
}

/** SharePoint gives the list item's eTag as "guid,n" and the drive item's as "{GUID},n": callers compare the latter. */
function driveItemETag(listItemETag: unknown, fallback: string | undefined): string | undefined {
  const m = typeof listItemETag === 'string' ? /^"\{?([0-9a-f-]{36})\}?,(\d+)"$/i.exec(listItemETag) : null;
  return m ? `"{${m[1]!.toUpperCase()}},${m[2]}"` : fallback;
}

/** Each service's SharePoint document library, one folder per case named by its reference only. */
export function sharePointLibrary(o: SharePointLibraryOptions): DocumentLibrary {
  const { graph } = o;
  const smallLimit = o.smallUploadLimit ?? 4 * 1024 * 1024;
  const fragmentSize = o.fragmentSize ?? 10 * FRAGMENT_UNIT;

  const driveOf = (serviceId: string) => {
    const lib = o.libraries[serviceId];
    if (!lib) throw new OutsideServiceError(`no SharePoint library is configured for service ${serviceId}`, null, 'not_configured', null, true);
    return lib.driveId;
  };
  const pathOf = (d: string, ref: string, name?: string) => `/drives/${d}/root:/${enc(ref)}${name ? `/${enc(name)}` : ''}:`;
  const createFolder = (d: string, ref: string) => ({
    method: 'POST' as const,
    url: `/drives/${d}/root/children`,
    body: { name: ref, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
  });

  async function readItem(d: string, ref: string, name: string): Promise<DriveItem | null> {
    try {
      return await graph.get<DriveItem>(`${pathOf(d, ref, name)}?${FIELDS}`);
    } catch (error) {
      if (error instanceof OutsideServiceError && error.status === 404) return null;
      throw error;
    }
  }

  /** Uploads by path: Graph makes the case folder on the way when it is not there yet. Returns the item written. */
  async function upload(d: string, ref: string, name: string, content: Uint8Array, ifMatch: string | undefined): Promise<DriveItem> {
    const headers = ifMatch ? { 'If-Match': ifMatch } : undefined;
    if (content.byteLength <= smallLimit) return graph.putBytes<DriveItem>(`${pathOf(d, ref, name)}/content`, content, headers);
    const done = await uploadInSession(graph, `${pathOf(d, ref, name)}/createUploadSession`, content, { fragmentSize, ...(ifMatch ? { ifMatch } : {}) });
    return done as unknown as DriveItem;
  }

  const fieldsOf = (ref: string, metadata: DocumentMetadata, uploadId?: string) => ({
    [LIBRARY_COLUMNS.caseReference]: ref,
    [LIBRARY_COLUMNS.documentType]: metadata.documentType,
    [LIBRARY_COLUMNS.version]: metadata.version,
    [LIBRARY_COLUMNS.reviewDate]: metadata.reviewDate ? `${metadata.reviewDate}T00:00:00Z` : null,
    [LIBRARY_COLUMNS.retainUntil]: metadata.retainUntil ? `${metadata.retainUntil}T00:00:00Z` : null,
    ...(uploadId ? { [LIBRARY_COLUMNS.uploadId]: uploadId } : {}),
  });

  /**
   * One request: the metadata, then the item as it now is (dependsOn keeps the order). The upload id
   * is written only by an upload, so changing metadata later never hides whose write a version was.
   * Null when the file is not there.
   */
  async function writeFields(d: string, ref: string, name: string, metadata: DocumentMetadata, uploadId?: string): Promise<LibraryItem | null> {
    const fields = fieldsOf(ref, metadata, uploadId);
    const replies = await graph.batch([
      { id: 'fields', method: 'PATCH', url: `${pathOf(d, ref, name)}/listItem/fields`, body: fields },
      { id: 'item', method: 'GET', url: `${pathOf(d, ref, name)}?${FIELDS}`, dependsOn: ['fields'] },
    ]);
    if (replies.get('fields')?.status === 404) return null;
    if (replies.get('fields')?.status !== 200) throw partError(replies.get('fields'), 'set the metadata');
    const item = replies.get('item');
    if (item?.status !== 200) throw partError(item, 'read the file back');
    return toItem(item.body as DriveItem, ref);
  }

  return {
    async ensureCaseFolder(serviceId, ref) {
      assertLibraryNames(ref);
      try {
        await graph.post(`/drives/${driveOf(serviceId)}/root/children`, createFolder(driveOf(serviceId), ref).body);
      } catch (error) {
        if (!(error instanceof OutsideServiceError && error.status === 409)) throw error;
      }
    },

    async putDocument(serviceId, ref, name, content, metadata, options: PutDocumentOptions = {}) {
      assertLibraryNames(ref, name);
      const d = driveOf(serviceId);
      let written: DriveItem | null = null;
      // A first try has no earlier write of its own to find: it reads nothing before writing.
      if (options.ifMatch !== undefined || (options.uploadId !== undefined && !options.firstTry)) {
        const existing = await readItem(d, ref, name);
        if (options.ifMatch !== undefined && existing?.eTag !== options.ifMatch) throw new LibraryConflict(name);
        if (options.uploadId !== undefined && holdsWrite(existing, content, options.uploadId)) written = existing;
      }
      if (!written) {
        try {
          written = await upload(d, ref, name, content, options.ifMatch);
        } catch (error) {
          if (error instanceof OutsideServiceError && error.status === 412) throw new LibraryConflict(name);
          // Writing by path makes any missing folder on the way, so a 404 means the library itself is
          // not there (deleted, or a wrong drive id): an administrator must act.
          if (error instanceof OutsideServiceError && error.status === 404) {
            throw new OutsideServiceError(`Graph upload ${name} failed: 404 driveNotFound`, 404, 'driveNotFound');
          }
          if (!(error instanceof UploadSessionGone)) throw error;
          // The session ended without telling us: if the file now holds our bytes, it completed.
          const now = await readItem(d, ref, name);
          if (!(options.uploadId && holdsWrite(now, content, options.uploadId))) {
            throw new OutsideServiceError('the upload session ended early', null, 'upload_session_gone');
          }
          written = now;
        }
      }

      // One request for the metadata; its answer (the fields, with the version label) and the upload's complete the item.
      let fields: Record<string, unknown>;
      try {
        fields = await graph.patch<Record<string, unknown>>(`/drives/${d}/items/${written!.id}/listItem/fields`, fieldsOf(ref, metadata, options.uploadId));
      } catch (error) {
        if (error instanceof OutsideServiceError && error.status === 404) {
          throw new OutsideServiceError(`Graph set the metadata: ${name} vanished after its upload`, 404, 'itemNotFound');
        }
        throw error;
      }
      const eTag = driveItemETag(fields['@odata.etag'], written!.eTag);
      return toItem({ ...written!, ...(eTag ? { eTag } : {}), listItem: { fields } }, ref);
    },

    async setMetadata(serviceId, ref, name, metadata) {
      assertLibraryNames(ref, name);
      return writeFields(driveOf(serviceId), ref, name, metadata);
    },

    async getDocument(serviceId, ref, name) {
      assertLibraryNames(ref, name);
      const d = driveOf(serviceId);
      const found = await readItem(d, ref, name);
      if (!found) return null;
      return { item: toItem(found, ref), content: await graph.getBytes(`/drives/${d}/items/${found.id}/content`) };
    },

    async listVersions(serviceId, ref, name) {
      assertLibraryNames(ref, name);
      try {
        const r = await graph.get<{ value: { id: string; size?: number; lastModifiedDateTime: string }[] }>(
          `${pathOf(driveOf(serviceId), ref, name)}/versions`,
        );
        return r.value.map((v) => ({ versionLabel: v.id, size: Number(v.size ?? 0), lastModified: v.lastModifiedDateTime }));
      } catch (error) {
        if (error instanceof OutsideServiceError && error.status === 404) return [];
        throw error;
      }
    },

    async listLibrary(serviceId) {
      const d = driveOf(serviceId);
      const folders: DriveItem[] = [];
      for (let next: string | null = `/drives/${d}/root/children?$select=id,name,folder&$top=200`; next;) {
        const page: { value: DriveItem[]; '@odata.nextLink'?: string } = await graph.get(next);
        folders.push(...page.value.filter((i) => i.folder));
        next = page['@odata.nextLink'] ?? null;
      }
      // One batch per 20 case folders instead of one request each.
      const replies = await graph.batch(
        folders.map((f, i) => ({ id: String(i), method: 'GET' as const, url: `/drives/${d}/items/${f.id}/children?${FIELDS}&$top=200` })),
      );
      const items: LibraryItem[] = [];
      for (const [i, f] of folders.entries()) {
        const r = replies.get(String(i));
        if (r?.status !== 200) throw partError(r, 'list a case folder');
        let page = r.body as { value: DriveItem[]; '@odata.nextLink'?: string };
        for (;;) {
          items.push(...page.value.filter((x) => x.file).map((x) => toItem(x, String(f.name))));
          if (!page['@odata.nextLink']) break;
          page = await graph.get(page['@odata.nextLink']);
        }
      }
      return items.sort((a, b) => `${a.folder}/${a.name}`.localeCompare(`${b.folder}/${b.name}`));
    },

    async deleteCaseFolder(serviceId, ref) {
      assertLibraryNames(ref);
      try {
        await graph.delete(pathOf(driveOf(serviceId), ref));
      } catch (error) {
        if (!(error instanceof OutsideServiceError && error.status === 404)) throw error;
      }
    },
  };
}
