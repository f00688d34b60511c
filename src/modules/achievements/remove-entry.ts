import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { deleteEntryRow, findEntry } from './achievements.queries.js';
import { findEntryView } from './views.js';

/** Removes an entry recorded by mistake, with its awards and documents; the audit log keeps what it was. */
export async function removeEntry(options: { trx: Kysely<DB>; actor: Actor; entryId: number }) {
  const { trx, actor, entryId } = options;
  const entry = await findEntry(trx, actor.networkId, entryId);
  if (!entry) throw notFound('Участие в конкурсе');
  assertCanRecordForBranches(actor, [entry.branch_id]);
  const before = (await findEntryView(trx, entryId))!;
  await deleteEntryRow(trx, entryId);
  await recordAudit(trx, actor, { action: 'delete', entity: 'competition_entry', entityId: entryId, before });
}
