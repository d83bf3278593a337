/**
 * Each service's case documents, one folder per case named by its reference. Local mode: a folder
 * on disk with versions and metadata. Microsoft 365 mode: the service's SharePoint library.
 */
export const DOCUMENT_TYPES = [
  'formulation_report',
  'youth_friendly_formulation',
  'review_record',
  'timeline_picture',
  'court_summary',
  'adult_handover_summary',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentMetadata {
  caseReference: string;
  documentType: DocumentType;
  /** The document's own version, e.g. the formulation's "v2". */
  version: string;
  reviewDate: string | null;
  retainUntil: string | null;
}

export interface LibraryItem {
  /** The library's id for the file. */
  id: string;
  folder: string;
  name: string;
  size: number;
  eTag: string;
  lastModified: string;
  metadata: DocumentMetadata | null;
  /** The library's version label of the newest version ("1.0", "2.0"…). */
  versionLabel: string;
  webUrl: string | null;
  /** The delivery that wrote the newest version (see PutDocumentOptions.uploadId). */
  uploadId: string | null;
}

export interface LibraryItemVersion {
  versionLabel: string;
  size: number;
  lastModified: string;
}

export interface PutDocumentOptions {
  /** Update only if the file's eTag still matches; a mismatch rejects with a precondition error. */
  ifMatch?: string;
  /**
   * Names this write. When the file's newest version already carries it, the write happened
   * before (a retried delivery) and nothing is written again: no second file, no extra version.
   */
  uploadId?: string;
  /**
   * This write has never been tried before (its job's first delivery): there is no earlier write of
   * its own to look for, so the library writes without reading first. Only with `uploadId`.
   */
  firstTry?: boolean;
}

export interface DocumentLibrary {
  /** Creates the case's folder if it does not exist. Idempotent. */
  ensureCaseFolder(serviceId: string, caseReference: string): Promise<void>;
  /** Writes the file; when it exists, as a new version of it, never a second file. */
  putDocument(
    serviceId: string,
    caseReference: string,
    fileName: string,
    content: Uint8Array,
    metadata: DocumentMetadata,
    options?: PutDocumentOptions,
  ): Promise<LibraryItem>;
  getDocument(serviceId: string, caseReference: string, fileName: string): Promise<{ item: LibraryItem; content: Uint8Array } | null>;
  /**
   * Replaces the metadata of the file's newest version, leaving its content and version alone (a
   * case's retain-until date is known only once it closes). Null when there is no such file.
   */
  setMetadata(serviceId: string, caseReference: string, fileName: string, metadata: DocumentMetadata): Promise<LibraryItem | null>;
  listVersions(serviceId: string, caseReference: string, fileName: string): Promise<LibraryItemVersion[]>;
  /** Every file in the service's library with its metadata, for the manager's review. */
  listLibrary(serviceId: string): Promise<LibraryItem[]>;
  deleteCaseFolder(serviceId: string, caseReference: string): Promise<void>;
}

/** The file changed since the eTag the caller holds (If-Match failed). Reload and decide again. */
export class LibraryConflict extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} was changed by someone else since it was read`);
    this.name = 'LibraryConflict';
  }
}
