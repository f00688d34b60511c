import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { deleteAwardRow, findAward, listAwards } from './achievements.queries.js';
import { presentAward } from './present.js';

/** Removes a result recorded by mistake, with its document; the audit log keeps what it was. */
export async function removeAward(options: { trx: Kysely<DB>; actor: Actor; awardId: number }) {
  const { trx, actor, awardId } = options;
  const award = await findAward(trx, actor.networkId, awardId);
  if (!award) throw notFound('Результат');
  assertCanRecordForBranches(actor, [award.branch_id]);
  const before = presentAward((await listAwards(trx, [award.entry_id])).find((row) => row.id === awardId)!);
  await deleteAwardRow(trx, awardId);
  await recordAudit(trx, actor, { action: 'delete', entity: 'award', entityId: awardId, before });
}
