import type { EntryForReview, RecordExportState, RecordRequester } from '../domain/recordExport.js';

/**
 * A child's copy of their record, being built or built (docs/record-export.md). The zip itself is
 * kept in the database beside the row (a blob on SQLite, bytea on PostgreSQL), in both modes: it
 * never goes to SharePoint, and it is dropped when it expires.
 */
export interface RecordExport {
  id: string;
  caseId: string;
  serviceId: string;
  /** The case reference when it was started: the zip's folder and file name. */
  reference: string;
  requestedFor: RecordRequester;
  note: string | null;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  state: RecordExportState;
  /** Steps done of `progressTotal` (0 of 0 while queued). */
  progressDone: number;
  progressTotal: number;
  /** What the build is doing now, in words ("reading the documents"). */
  step: string | null;
  /** Entries that may name other people, to review before release; empty until ready. */
  review: EntryForReview[];
  /** Entries whose text the starter may not read: listed as "restricted, withheld". */
  withheld: string[];
  /** The zip's size and SHA-256, once ready. */
  size: number | null;
  sha256: string | null;
  readyAt: string | null;
  error: string | null;
}

export interface RecordExportRepository {
  insert(e: RecordExport): Promise<void>;
  get(id: string): Promise<RecordExport | null>;
  /** The case's exports, newest first. */
  listForCase(caseId: string): Promise<RecordExport[]>;
  /** Records progress; only while the export is still queued or building. */
  progress(id: string, p: { state: 'building'; done: number; total: number; step: string }): Promise<void>;
  /** The build is finished: the zip is kept with the row. */
  complete(id: string, zip: Uint8Array, done: { size: number; sha256: string; review: EntryForReview[]; withheld: string[]; readyAt: string }): Promise<void>;
  fail(id: string, error: string): Promise<void>;
  /** The zip's bytes while it is ready (null before, and once expired). */
  content(id: string): Promise<Uint8Array | null>;
  /** Drops the zip of every export whose time ran out by `now`; returns their ids. */
  expire(now: string): Promise<string[]>;
}
