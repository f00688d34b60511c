import { describe, expect, it } from 'vitest';
import { canWriteBranchData, type Actor } from './policy.js';

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
