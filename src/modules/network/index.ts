/**
 * The branch network: networks (tenants), branches with their dated history, outreach service points.
 */
export { networkRoutes } from './network.routes.js';
export { createBranch } from './create-branch.js';
export { recordBranchEvent } from './record-branch-event.js';
export { createServicePoint } from './service-points.js';
export { createNetwork } from './create-network.js';
export { findBranchIdByCode, findMissingBranchIds, findNetworkByCode, listNetworks } from './network.queries.js';
/** Which of many (branch, day) pairs fall outside the branch's existence, in one query. */
export { branchExistedInYear, didBranchExistInYear, findInactiveBranchDays } from './network.queries.js';
/** Branches of a network (filtered, paged), e.g. for matching names in an imported report. */
export { listBranches } from './network.queries.js';
/** The network the public catalogue and SRU serve (configured code, else the first network). */
export { resolvePublicNetwork } from './public-network.js';
export type { BranchEventInput, CreateBranchInput, CreateServicePointInput } from './network.schemas.js';
