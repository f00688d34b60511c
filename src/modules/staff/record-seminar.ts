import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { presentSeminar } from './present.js';
import { findSeminar, findStaffMemberBranches, insertSeminar, insertSeminarAttendees, listSeminarAttendees } from './staff.queries.js';
import type { RecordSeminarInput } from './staff.schemas.js';

/** Records a seminar the network held for its staff, with the staff members who attended. */
export async function recordSeminar(options: { trx: Kysely<DB>; actor: Actor; input: RecordSeminarInput }) {
  const { trx, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  const found = await findStaffMemberBranches(trx, actor.networkId, input.attendeeStaffIds);
  const missing = input.attendeeStaffIds.filter((id) => !found.has(id));
  if (missing.length) throw invalid('attendeeStaffIds', `нет таких сотрудников в сети: ${missing.join(', ')}`);
  const id = await insertSeminar(trx, {
    network_id: actor.networkId,
    held_on: input.heldOn,
    topic: input.topic,
    organiser: input.organiser,
    description: input.description,
    external_attendees: input.externalAttendees,
  });
  await insertSeminarAttendees(trx, actor.networkId, id, input.attendeeStaffIds);
  const seminar = presentSeminar((await findSeminar(trx, actor.networkId, id))!, await listSeminarAttendees(trx, [id]));
  await recordAudit(trx, actor, { action: 'create', entity: 'seminar', entityId: id, after: seminar });
  return seminar;
}
