import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { draftOfInput, eventColumns } from './event-draft.js';
import { findEvents, insertEventLinks, insertEvents } from './events.queries.js';
import type { CreateEventInput, EventView } from './events.schemas.js';
import { presentEvent } from './present.js';
import { assertValidEvents, type ValidationOptions } from './validate-events.js';

/**
 * Creates events — one typed in, the copies of a recurring one, or a year of them for the demo —
 * with the same rules for each, in a few statements for the whole batch: either all of them or
 * none. Each lands in the audit log.
 */
export async function createEvents(options: {
  trx: Kysely<DB>; actor: Actor; inputs: CreateEventInput[]; validation?: Pick<ValidationOptions, 'datesField'>;
}): Promise<EventView[]> {
  const { trx, actor } = options;
  const drafts = options.inputs.map(draftOfInput);
  await assertValidEvents(trx, actor, drafts, options.validation);
  const ids = await insertEvents(trx, drafts.map((draft) => ({ ...eventColumns(draft), network_id: actor.networkId })));
  await insertEventLinks(trx, actor.networkId, drafts.map((draft, index) => ({ ...draft, eventId: ids[index]! })));
  const events = (await findEvents(trx, actor.networkId, ids)).map(presentEvent);
  await recordAudit(trx, actor, events.map((event) => ({ action: 'create' as const, entity: 'event', entityId: event.id, after: event })));
  return events;
}
