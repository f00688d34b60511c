import type { Options } from '../../components/fields.js';
import type { BranchView, Paged } from '../../lib/contract.js';
import { t } from '../../lib/messages.js';
import { useApi } from '../../lib/use-api.js';

/** The most the API lists at once, enough for every branch of a district network. */
const ALL = { pageSize: 500 };

/** Every branch of the network (for selects and names), liquidated ones included. */
export function useAllBranches(): BranchView[] | undefined {
  return useApi<Paged<BranchView>>('/branches', ALL).data?.items;
}

/** Select options: working branches first, liquidated ones marked. */
export function branchOptions(branches: BranchView[], include: (branch: BranchView) => boolean = () => true): Options {
  return [...branches]
    .filter(include)
    .sort((a, b) => Number(b.isActive) - Number(a.isActive))
    .map((branch) => [String(branch.id), branch.isActive ? branch.name : `${branch.name} (${t.branches.notWorking.toLowerCase()})`] as const);
}
