import { describe, expect, it } from 'vitest';
import { aadObjectIdOfStaffId, directoryStaffId } from '../../src/domain/staff.js';

const oid = '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e';

describe('a person from the directory', () => {
  it('is known by their Entra object id, before and after they first sign in', () => {
    expect(directoryStaffId(oid)).toBe(`aad-${oid}`);
    expect(aadObjectIdOfStaffId(directoryStaffId(oid))).toBe(oid);
  });
  it('a staff id of the service’s own records names no directory entry', () => {
    expect(aadObjectIdOfStaffId('ecm-sam')).toBeNull();
    expect(aadObjectIdOfStaffId('aad-not-an-object-id')).toBeNull();
  });
});
