import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { presentSeminar } from './present.js';
import { deleteSeminarRow, findSeminar, listSeminarAttendees } from './staff.queries.js';

/** Removes a seminar entered by mistake (its attendance goes with it); the audit log keeps what it was. */
export async function removeSeminar(options: { trx: Kysely<DB>; actor: Actor; id: number }) {
  const { trx, actor, id } = options;
  assertCanCompileNetworkRecords(actor);
  const row = await findSeminar(trx, actor.networkId, id);
  if (!row) throw notFound('Семинар');
  const before = presentSeminar(row, await listSeminarAttendees(trx, [id]));
  await deleteSeminarRow(trx, id);
  await recordAudit(trx, actor, { action: 'delete', entity: 'seminar', entityId: id, before });
}
