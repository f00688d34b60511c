import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { deleteEventRow, findEvent } from './events.queries.js';
import { presentEvent } from './present.js';

/** Removes an event entered by mistake (or cancelled); the audit log keeps what it was. */
export async function deleteEvent(options: { trx: Kysely<DB>; actor: Actor; id: number }) {
  const { trx, actor, id } = options;
  const existing = await findEvent(trx, actor.networkId, id);
  if (!existing) throw notFound('Мероприятие');
  const before = presentEvent(existing);
  assertCanRecordForBranches(actor, before.branches.map((branch) => branch.id));
  await deleteEventRow(trx, id);
  await recordAudit(trx, actor, { action: 'delete', entity: 'event', entityId: id, before });
}
