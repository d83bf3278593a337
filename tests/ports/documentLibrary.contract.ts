import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentLibrary, type DocumentMetadata, LibraryConflict } from '../../src/ports/documentLibrary.js';

export interface LibraryUnderTest {
  library: DocumentLibrary;
  close(): Promise<void>;
}

let counter = 0;
/** A fresh case reference per test, so tests never see each other's files. */
const nextRef = (service = 'BRI') => `${service}-2026-${String(9000 + ++counter).padStart(4, '0')}`;

const meta = (ref: string, overrides: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
  caseReference: ref,
  documentType: 'formulation_report',
  version: 'v1',
  reviewDate: '2027-02-26',
  retainUntil: '2034-11-27',
  ...overrides,
});

/**
 * What every DocumentLibrary does, whichever adapter: the local folder and SharePoint through Graph
 * run these same tests (tests/adapters/*Library.test.ts).
 */
export function documentLibraryContract(name: string, start: () => Promise<LibraryUnderTest>) {
  describe(`${name} keeps each case's documents`, () => {
    let t: LibraryUnderTest;
    let lib: DocumentLibrary;
    beforeAll(async () => {
      t = await start();
      lib = t.library;
    });
    afterAll(() => t.close());

    it('files a document in the case folder with its metadata, and gives the same bytes back', async () => {
      const ref = nextRef();
      await lib.ensureCaseFolder('BRI', ref);
      await lib.ensureCaseFolder('BRI', ref); // a second time changes nothing
      const bytes = randomBytes(5000);
      const item = await lib.putDocument('BRI', ref, `${ref} formulation v1.docx`, bytes, meta(ref));
      expect(item).toMatchObject({ folder: ref, name: `${ref} formulation v1.docx`, size: 5000, versionLabel: '1.0', metadata: meta(ref) });
      const got = await lib.getDocument('BRI', ref, `${ref} formulation v1.docx`);
      expect(Buffer.from(got!.content).equals(bytes)).toBe(true);
      expect(got!.item.metadata).toEqual(meta(ref));
    });

    it('writes the same name again as a new version, never a second file, and the eTag changes', async () => {
      const ref = nextRef();
      const first = await lib.putDocument('BRI', ref, 'review.docx', Buffer.from('first'), meta(ref, { documentType: 'review_record' }));
      const second = await lib.putDocument(
        'BRI',
        ref,
        'review.docx',
        Buffer.from('second, longer'),
        meta(ref, { documentType: 'review_record', version: 'v2' }),
      );
      expect(second.id).toBe(first.id);
      expect(second.eTag).not.toBe(first.eTag);
      expect(second.versionLabel).toBe('2.0');
      expect((await lib.listVersions('BRI', ref, 'review.docx')).map((v) => [v.versionLabel, v.size])).toEqual([
        ['2.0', 14],
        ['1.0', 5],
      ]);
      const inFolder = (await lib.listLibrary('BRI')).filter((i) => i.folder === ref);
      expect(inFolder.map((i) => i.name)).toEqual(['review.docx']);
      expect(inFolder[0]!.metadata?.version).toBe('v2');
    });

    it('refuses an update made against a stale eTag, and accepts the current one', async () => {
      const ref = nextRef();
      const v1 = await lib.putDocument('BRI', ref, 'report.docx', Buffer.from('one'), meta(ref));
      const v2 = await lib.putDocument('BRI', ref, 'report.docx', Buffer.from('two'), meta(ref), { ifMatch: v1.eTag });
      await expect(lib.putDocument('BRI', ref, 'report.docx', Buffer.from('late'), meta(ref), { ifMatch: v1.eTag })).rejects.toBeInstanceOf(LibraryConflict);
      const v3 = await lib.putDocument('BRI', ref, 'report.docx', Buffer.from('three'), meta(ref), { ifMatch: v2.eTag });
      expect(v3.versionLabel).toBe('3.0');
      expect(Buffer.from((await lib.getDocument('BRI', ref, 'report.docx'))!.content).toString()).toBe('three');
    });

    it('does not write a delivery twice: the same upload id again adds no version', async () => {
      const ref = nextRef();
      const uploadId = randomUUID();
      const once = await lib.putDocument('BRI', ref, 'youth-friendly.docx', Buffer.from('for you'), meta(ref), { uploadId });
      const again = await lib.putDocument('BRI', ref, 'youth-friendly.docx', Buffer.from('for you'), meta(ref), { uploadId });
      expect(again.versionLabel).toBe(once.versionLabel);
      expect(again.uploadId).toBe(uploadId);
      expect(await lib.listVersions('BRI', ref, 'youth-friendly.docx')).toHaveLength(1);
    });

    it('stamps new metadata on the newest version without making another version, and keeps whose upload it was', async () => {
      const ref = nextRef();
      const uploadId = randomUUID();
      const first = await lib.putDocument('BRI', ref, 'report.docx', Buffer.from('one'), meta(ref, { retainUntil: null }));
      const second = await lib.putDocument('BRI', ref, 'report.docx', Buffer.from('two'), meta(ref, { version: 'v2', retainUntil: null }), { uploadId });
      const stamped = await lib.setMetadata('BRI', ref, 'report.docx', meta(ref, { version: 'v2', retainUntil: '2033-12-01' }));
      expect(stamped).toMatchObject({ id: first.id, versionLabel: '2.0', uploadId, metadata: meta(ref, { version: 'v2', retainUntil: '2033-12-01' }) });
      expect(stamped!.eTag).not.toBe(second.eTag);
      expect(await lib.listVersions('BRI', ref, 'report.docx')).toHaveLength(2);
      const got = await lib.getDocument('BRI', ref, 'report.docx');
      expect([Buffer.from(got!.content).toString(), got!.item.metadata?.retainUntil]).toEqual(['two', '2033-12-01']);
      expect(await lib.setMetadata('BRI', ref, 'missing.docx', meta(ref))).toBeNull();
    });

    it('keeps a large file intact (over 4 MiB, not a multiple of 320 KiB)', async () => {
      const ref = nextRef();
      const bytes = randomBytes(4 * 1024 * 1024 + 777_777);
      const item = await lib.putDocument('BRI', ref, 'timeline.pdf', bytes, meta(ref, { documentType: 'timeline_picture' }));
      expect(item.size).toBe(bytes.length);
      expect(Buffer.from((await lib.getDocument('BRI', ref, 'timeline.pdf'))!.content).equals(bytes)).toBe(true);
    });

    it("lists a service's library with metadata, and never another service's files", async () => {
      const ours = nextRef('NSO');
      const theirs = nextRef('BRI');
      await lib.putDocument('NSO', ours, 'formulation.docx', Buffer.from('nso'), meta(ours));
      await lib.putDocument('BRI', theirs, 'formulation.docx', Buffer.from('bri'), meta(theirs));
      const listed = await lib.listLibrary('NSO');
      expect(listed.map((i) => i.folder)).toContain(ours);
      expect(listed.map((i) => i.folder)).not.toContain(theirs);
      expect(listed.find((i) => i.folder === ours)?.metadata).toEqual(meta(ours));
    });

    it('answers "nothing there" for a file that does not exist', async () => {
      const ref = nextRef();
      expect(await lib.getDocument('BRI', ref, 'missing.docx')).toBeNull();
      expect(await lib.listVersions('BRI', ref, 'missing.docx')).toEqual([]);
    });

    it('removes a case folder and everything in it', async () => {
      const ref = nextRef();
      await lib.putDocument('BRI', ref, 'a.docx', Buffer.from('a'), meta(ref));
      await lib.deleteCaseFolder('BRI', ref);
      expect(await lib.getDocument('BRI', ref, 'a.docx')).toBeNull();
      expect((await lib.listLibrary('BRI')).some((i) => i.folder === ref)).toBe(false);
      await lib.deleteCaseFolder('BRI', ref); // gone already: no error
    });

    it('refuses names that could leave the case folder or are not a case reference', async () => {
      const ref = nextRef();
      await expect(lib.putDocument('BRI', ref, '../escape.docx', Buffer.from('x'), meta(ref))).rejects.toThrow();
      await expect(lib.putDocument('BRI', 'Jordan Test', 'a.docx', Buffer.from('x'), meta(ref))).rejects.toThrow();
      await expect(lib.ensureCaseFolder('BRI', '../BRI-2026-0001')).rejects.toThrow();
    });
  });
}
