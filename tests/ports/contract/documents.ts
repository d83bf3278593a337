import { expect, it } from 'vitest';
import type { CaseDocument } from '../../../src/ports/caseDocuments.js';
import type { ContractContext } from '../store.contract.js';

const minute = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;

export const caseDocument = (id: string, caseId: string, overrides: Partial<CaseDocument> = {}): CaseDocument => ({
  id,
  caseId,
  serviceId: 'BRI',
  fileName: `BRI-2026-${caseId} formulation v1.docx`,
  metadata: { caseReference: `BRI-2026-${caseId}`, documentType: 'formulation_report', version: 'v1', reviewDate: '2027-02-26', retainUntil: null },
  size: 0,
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  status: 'queued',
  libraryItemId: null,
  libraryVersion: null,
  webUrl: null,
  publishedBy: 'psy-helen',
  createdAt: minute(0),
  deliveredAt: null,
  ...overrides,
});

/** Every byte value, then a long run: what a .docx's zip holds, and more than one page of the driver's buffers. */
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i < 256 ? i : (i * 31) % 251));

/** Documents waiting for, or past, delivery to the service's library (case_documents). */
export function documentContract({ store }: ContractContext): void {
  it('keeps a document and its bytes exactly as published, until the library holds it', async () => {
    const content = bytes(300_000);
    const doc = caseDocument('d1', 'c1', { size: content.length });
    await store().transaction((tx) => tx.documents.insert(doc, content));
    await store().transaction(async (tx) => {
      expect(await tx.documents.get('d1')).toEqual(doc);
      expect(await tx.documents.content('d1')).toEqual(content);
      expect(await tx.documents.get('nothing')).toBeNull();
      expect(await tx.documents.content('nothing')).toBeNull();
    });
  });

  it('records where the library filed it and lets the bytes go; a superseded one lets them go too', async () => {
    await store().transaction(async (tx) => {
      await tx.documents.insert(caseDocument('d1', 'c1', { size: 3 }), bytes(3));
      await tx.documents.insert(caseDocument('d2', 'c1', { size: 3, createdAt: minute(1) }), bytes(3));
    });
    await store().transaction(async (tx) => {
      await tx.documents.markDelivered('d1', { libraryItemId: 'item-1', libraryVersion: '2.0', webUrl: 'https://sp.example/BRI/d1.docx' }, minute(4));
      await tx.documents.markSuperseded('d2', minute(5));
    });
    await store().transaction(async (tx) => {
      expect(await tx.documents.get('d1')).toMatchObject({
        status: 'delivered',
        libraryItemId: 'item-1',
        libraryVersion: '2.0',
        webUrl: 'https://sp.example/BRI/d1.docx',
        deliveredAt: minute(4),
      });
      expect(await tx.documents.content('d1')).toBeNull();
      expect(await tx.documents.get('d2')).toMatchObject({ status: 'superseded', deliveredAt: minute(5), libraryItemId: null });
      expect(await tx.documents.content('d2')).toBeNull();
    });
  });

  it('knows when a later publication of the same file of the case has already reached the library', async () => {
    const file = 'BRI-2026-c1 review record.docx';
    await store().transaction(async (tx) => {
      await tx.documents.insert(caseDocument('old', 'c1', { fileName: file, createdAt: minute(1) }), bytes(1));
      await tx.documents.insert(caseDocument('new', 'c1', { fileName: file, createdAt: minute(2) }), bytes(1));
      await tx.documents.insert(caseDocument('other-case', 'c2', { fileName: file, createdAt: minute(3) }), bytes(1));
    });
    const newer = (createdAt: string, caseId = 'c1') => store().transaction((tx) => tx.documents.newerDelivered(caseId, file, createdAt));
    expect(await newer(minute(1))).toBe(false);
    await store().transaction((tx) => tx.documents.markDelivered('other-case', { libraryItemId: 'x', libraryVersion: '1.0', webUrl: null }, minute(4)));
    expect(await newer(minute(1))).toBe(false);
    await store().transaction((tx) => tx.documents.markDelivered('new', { libraryItemId: 'y', libraryVersion: '1.0', webUrl: null }, minute(5)));
    expect(await newer(minute(1))).toBe(true);
    expect(await newer(minute(2))).toBe(false);
    expect(await store().transaction((tx) => tx.documents.newerDelivered('c1', 'BRI-2026-c1 formulation v1.docx', minute(0)))).toBe(false);
  });

  it('lists a case’s documents newest first, with none of another case', async () => {
    await store().transaction(async (tx) => {
      await tx.documents.insert(caseDocument('first', 'c1', { createdAt: minute(1) }), bytes(1));
      await tx.documents.insert(
        caseDocument('third', 'c1', { createdAt: minute(3), metadata: { ...caseDocument('', 'c1').metadata, reviewDate: null } }),
        bytes(1),
      );
      await tx.documents.insert(caseDocument('second', 'c1', { createdAt: minute(2) }), bytes(1));
      await tx.documents.insert(caseDocument('elsewhere', 'c2', { createdAt: minute(4) }), bytes(1));
    });
    const listed = await store().transaction((tx) => tx.documents.list('c1'));
    expect(listed.map((d) => d.id)).toEqual(['third', 'second', 'first']);
    expect(listed[0]?.metadata.reviewDate).toBeNull();
    expect(await store().transaction((tx) => tx.documents.list('c3'))).toEqual([]);
  });
}
