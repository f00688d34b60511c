import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { findEntry, insertAward, listAwards } from './achievements.queries.js';
import type { AddAwardInput } from './achievements.schemas.js';
import { presentAward } from './present.js';

/** Records a result of an entry (a place, a diploma, a monetary award…), e.g. when the jury has decided. */
export async function addAward(options: { trx: Kysely<DB>; actor: Actor; entryId: number; input: AddAwardInput }) {
  const { trx, actor, entryId, input } = options;
  const entry = await findEntry(trx, actor.networkId, entryId);
  if (!entry) throw notFound('Участие в конкурсе');
  assertCanRecordForBranches(actor, [entry.branch_id]);
  const id = await insertAward(trx, {
    network_id: actor.networkId, entry_id: entryId, result: input.result, rank: input.rank ?? null, amount_kopecks: input.amountKopecks ?? null, note: input.note,
  });
  const award = presentAward((await listAwards(trx, [entryId])).find((row) => row.id === id)!);
  await recordAudit(trx, actor, { action: 'create', entity: 'award', entityId: id, after: award });
  return award;
}
