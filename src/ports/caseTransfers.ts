/**
 * A case's moves between services. The row is written with the move itself; `documentsMovedAt` is
 * set only once every document is confirmed in the new service's library and gone from the old.
 */
export interface CaseTransfer {
  id: string;
  caseId: string;
  fromServiceId: string;
  fromReference: string;
  toServiceId: string;
  toReference: string;
  reason: string | null;
  transferredBy: string;
  transferredAt: string;
  documentsMovedAt: string | null;
  /** How many files the move copied into the new library; null until they are all confirmed there. */
  documentsMoved: number | null;
}

export interface CaseTransferRepository {
  insert(transfer: CaseTransfer): Promise<void>;
  get(id: string): Promise<CaseTransfer | null>;
  /** The case's transfers, oldest first: its former references in order. */
  listForCase(caseId: string): Promise<CaseTransfer[]>;
  /** The transfer that retired this reference, so an old reference still leads to its case. */
  findByFormerReference(reference: string): Promise<CaseTransfer | null>;
  /** Every file is confirmed in the new library (the old still holds them): `count` files. */
  markDocumentsCopied(id: string, count: number): Promise<void>;
  /** The old library's folder is gone: the move is complete. */
  markDocumentsMoved(id: string, at: string): Promise<void>;
}
