import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { notFound } from '../../../server/problem.js';
import { recordAudit, type Actor } from '../../auth/index.js';
import { presentBibRecord } from '../present.js';
import { assertCanDeleteRecords } from './cataloguing-policy.js';
import { deleteBibRecordRow, lockBibRecord } from './cataloguing.queries.js';

/**
 * Removes a record from the catalogue (administrator and methodologist only; the staff app asks for
 * confirmation). The audit log keeps the whole record, so a mistaken deletion can be put back.
 */
export async function deleteBibRecord(options: { trx: Kysely<DB>; actor: Actor; id: number }): Promise<void> {
  const { trx, actor, id } = options;
  assertCanDeleteRecords(actor);
  const row = await lockBibRecord(trx, actor.networkId, id);
  if (!row) throw notFound('Библиографическая запись');
  await assertRecordHasNoItems(trx, actor.networkId, id);
  const before = presentBibRecord(row);
  await deleteBibRecordRow(trx, actor.networkId, id);
  await recordAudit(trx, actor, { action: 'delete', entity: 'bib_record', entityId: id, before });
}

/**
 * HOLDINGS CHECK POINT. A record that has items (copies) must not be deleted: the items would be left
 * without a description. Holdings do not exist yet (a later issue); when they do, this asks the holdings
 * module (through its index.ts) and refuses with 409 «У записи есть экземпляры (N): сначала спишите
 * или перенесите их». Until then every record may be deleted.
 */
async function assertRecordHasNoItems(trx: Kysely<DB>, networkId: number, recordId: number): Promise<void> {
  void trx;
  void networkId;
  void recordId;
}
