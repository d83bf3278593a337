import type { DocumentMetadata } from './documentLibrary.js';

/**
 * A document published for a case: its bytes are committed here with the outbox job that delivers
 * them, so a crash between "made" and "filed in the library" loses nothing. Once the library holds
 * it, the bytes are dropped from the database and the record keeps where it went.
 */
export type CaseDocumentStatus = 'queued' | 'delivered' | 'superseded';

export interface CaseDocument {
  /** Also the upload id the library records, so a retried delivery recognises its own write. */
  id: string;
  caseId: string;
  serviceId: string;
  fileName: string;
  metadata: DocumentMetadata;
  size: number;
  sha256: string;
  status: CaseDocumentStatus;
  libraryItemId: string | null;
  libraryVersion: string | null;
  webUrl: string | null;
  publishedBy: string;
  createdAt: string;
  deliveredAt: string | null;
}

export interface CaseDocumentRepository {
  insert(document: CaseDocument, content: Uint8Array): Promise<void>;
  get(id: string): Promise<CaseDocument | null>;
  /** The bytes still waiting for delivery; null once delivered. */
  content(id: string): Promise<Uint8Array | null>;
  markDelivered(id: string, where: { libraryItemId: string; libraryVersion: string; webUrl: string | null }, at: string): Promise<void>;
  markSuperseded(id: string, at: string): Promise<void>;
  /**
   * Marks every other delivered publication of the same file superseded: the one just delivered is
   * now the library's newest version of it. Returns their ids.
   */
  supersedeOthers(caseId: string, fileName: string, deliveredId: string): Promise<string[]>;
  /** Whether a later publication of the same file of the case has already reached the library. */
  newerDelivered(caseId: string, fileName: string, createdAt: string): Promise<boolean>;
  list(caseId: string): Promise<CaseDocument[]>;
  /** Sends a document still waiting for delivery to another library: the case moved service. */
  redirect(id: string, to: { serviceId: string; caseReference: string; fileName: string }): Promise<void>;
}
