import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { draftOfView, eventColumns } from './event-draft.js';
import { deleteEventLinks, findEvent, insertEventLinks, updateEventRow } from './events.queries.js';
import type { UpdateEventInput } from './events.schemas.js';
import { presentEvent } from './present.js';
import { assertValidEvents } from './validate-events.js';

/**
 * Changes an event (recording its attendance after it is held, too). The actor needs rights on
 * its organisers both before and after the change, so that nobody hands an event to, or takes
 * it from, a branch that is not theirs.
 */
export async function updateEvent(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateEventInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findEvent(trx, actor.networkId, id);
  if (!existing) throw notFound('Мероприятие');
  const before = presentEvent(existing);
  assertCanRecordForBranches(actor, before.branches.map((branch) => branch.id));
  const draft = { ...draftOfView(before), ...input };
  draft.branchIds = [...new Set(draft.branchIds)];
  draft.directionIds = [...new Set(draft.directionIds)];
  draft.partnerIds = [...new Set(draft.partnerIds)];
  await assertValidEvents(trx, actor, [draft], { kept: { formId: before.form.id, directionIds: before.directions.map((d) => d.id) } });
  await updateEventRow(trx, id, eventColumns(draft));
  await deleteEventLinks(trx, id);
  await insertEventLinks(trx, actor.networkId, [{ ...draft, eventId: id }]);
  const after = presentEvent((await findEvent(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'event', entityId: id, before, after });
  return after;
}
