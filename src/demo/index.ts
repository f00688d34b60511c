/**
 * The demonstration network «Каргасокская ЦБС», loaded on first start so that a new
 * installation has something real-looking to show. Everything is created through the
 * modules' use-cases, acting as the system administrator of the new network, so the same
 * rules apply as to data entered by hand and every record lands in the audit log.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { systemActor } from '../modules/auth/index.js';
import { createBranch, createNetwork, createServicePoint, findNetworkByCode, recordBranchEvent } from '../modules/network/index.js';
import { addTraining, createStaffMember, createStaffPosition } from '../modules/staff/index.js';
import { branches, courses, kargasokNetwork, servicePoints, staffMembers, staffPositions, type DemoBranch } from './kargasok.js';
import { loadEvents2023 } from './events-2023.js';
import { loadAchievements2023 } from './achievements-2023.js';
import { loadDemoCatalogue } from './catalogue/load.js';
import { idOf } from './ids.js';

export const DEMO_NETWORK_CODE = kargasokNetwork.code;

/**
 * Creates the demonstration network with its branches and their history, service points,
 * posts, staff and training records, the catalogue (src/demo/catalogue), in one transaction: either all
 * of it or nothing.
 * Creates no user accounts. Throws if a network with the demo code already exists.
 */
export async function loadDemoNetwork(db: Kysely<DB>): Promise<{ networkId: number; networkCode: string }> {
  return db.transaction().execute(async (trx) => {
    if (await findNetworkByCode(trx, DEMO_NETWORK_CODE)) throw new Error('Демонстрационная сеть уже загружена');
    const network = await createNetwork({ trx, input: kargasokNetwork });
    const actor = systemActor(network.id);

    const branchIds = new Map<string, number>();
    for (const { history = [], ...input } of branches as readonly DemoBranch[]) {
      const branch = await createBranch({ trx, actor, input });
      branchIds.set(input.code, branch.id);
      for (const event of history) await recordBranchEvent({ trx, actor, branchId: branch.id, input: event });
    }
    for (const { branch, ...input } of servicePoints) {
      await createServicePoint({ trx, actor, input: { ...input, branchId: idOf(branchIds, branch) } });
    }
    for (const { branch, ...input } of staffPositions) {
      await createStaffPosition({ trx, actor, input: { ...input, branchId: idOf(branchIds, branch) } });
    }
    const staffIds = new Map<string, number>();
    for (const { key, branch, ...input } of staffMembers) {
      const member = await createStaffMember({ trx, actor, input: { ...input, branchId: idOf(branchIds, branch) } });
      staffIds.set(key, member.id);
    }
    for (const { trainees, ...course } of courses) {
      for (const { staff, certificateNumber } of trainees) {
        await addTraining({ trx, actor, staffMemberId: idOf(staffIds, staff), input: { ...course, certificateNumber } });
      }
    }
    await loadEvents2023({ trx, actor, branchIds });
    await loadAchievements2023({ trx, actor, branchIds, staffIds });
    await loadDemoCatalogue({ trx, actor });
    return { networkId: network.id, networkCode: network.code };
  });
}
