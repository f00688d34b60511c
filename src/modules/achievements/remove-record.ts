import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { deleteRecordRow, listParticipants, type RecordFilter, type RecordTable } from './achievements.queries.js';
import { loadConferenceParticipations, loadHonours, loadJuryMemberships } from './views.js';

interface RecordKindOptions {
  table: RecordTable;
  what: string;
  load(db: Kysely<DB>, networkId: number, filter: RecordFilter): Promise<{ items: object[] }>;
}

const RECORDS = {
  jury_membership: { table: 'jury_memberships', what: 'Запись о работе в жюри', load: loadJuryMemberships },
  conference_participation: { table: 'conference_participations', what: 'Запись об участии в конференции', load: loadConferenceParticipations },
  honour: { table: 'honours', what: 'Запись о благодарности или награде', load: loadHonours },
} satisfies Record<string, RecordKindOptions>;
export type RecordKind = keyof typeof RECORDS;

/**
 * Removes a jury, conference or honour record entered by mistake — they are removed alike, by
 * whoever may record for every branch involved; the audit log keeps what it was.
 */
export async function removeRecord(options: { trx: Kysely<DB>; actor: Actor; kind: RecordKind; id: number }) {
  const { trx, actor, kind, id } = options;
  const record: RecordKindOptions = RECORDS[kind];
  const [before] = (await record.load(trx, actor.networkId, { id })).items;
  if (!before) throw notFound(record.what);
  const participants = await listParticipants(trx, record.table, [id]);
  assertCanRecordForBranches(actor, [...new Set(participants.map((p) => p.branch_id))]);
  await deleteRecordRow(trx, record.table, id);
  await recordAudit(trx, actor, { action: 'delete', entity: kind, entityId: id, before });
}
