import { describe, expect, it } from 'vitest';
import { assertCanCompileNetworkRecords, canRecordForBranches, canWriteBranchData, type Actor } from './policy.js';

const actor = (role: Actor['role'], branchIds: number[] = []): Actor => ({
  userId: 1, networkId: 1, login: 'u', fullName: 'U', role, branchIds,
});

describe('who may change a branch’s data', () => {
  it('lets an administrator change any branch', () => {
    expect(canWriteBranchData(actor('admin'), 7)).toBe(true);
  });
  it('lets a librarian change only their own branches', () => {
    expect(canWriteBranchData(actor('librarian', [3, 4]), 4)).toBe(true);
    expect(canWriteBranchData(actor('librarian', [3, 4]), 5)).toBe(false);
  });
  it('keeps the methodologist and the director read-only', () => {
    expect(canWriteBranchData(actor('methodologist', [7]), 7)).toBe(false);
    expect(canWriteBranchData(actor('director', [7]), 7)).toBe(false);
  });
});

describe('who may record what the methodologist compiles (achievements, seminars)', () => {
  it('lets administrators and methodologists record for any branch', () => {
    expect(canRecordForBranches(actor('admin'), [1, 2])).toBe(true);
    expect(canRecordForBranches(actor('methodologist'), [1, 2])).toBe(true);
  });
  it('lets a librarian record only when every branch concerned is theirs', () => {
    expect(canRecordForBranches(actor('librarian', [3, 4]), [3, 4])).toBe(true);
    expect(canRecordForBranches(actor('librarian', [3, 4]), [3, 5])).toBe(false);
    expect(canRecordForBranches(actor('librarian', [3]), [])).toBe(false);
  });
  it('keeps the director read-only', () => {
    expect(canRecordForBranches(actor('director'), [1])).toBe(false);
  });
  it('leaves network-wide records to administrators and methodologists', () => {
    expect(() => assertCanCompileNetworkRecords(actor('methodologist'))).not.toThrow();
    expect(() => assertCanCompileNetworkRecords(actor('librarian', [3]))).toThrow(/администратору и методисту/);
  });
});
