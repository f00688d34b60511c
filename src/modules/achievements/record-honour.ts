import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { insertParticipants, insertRecord } from './achievements.queries.js';
import type { RecordHonourInput } from './achievements.schemas.js';
import { resolveParticipants } from './participants.js';
import { loadHonours } from './views.js';

/** Records a letter of thanks or an honour received by branches or staff members (not for a competition entry). */
export async function recordHonour(options: { trx: Kysely<DB>; actor: Actor; input: RecordHonourInput }) {
  const { trx, actor, input } = options;
  const recipients = await resolveParticipants(trx, actor, input);
  const id = await insertRecord(trx, 'honours', {
    network_id: actor.networkId,
    title: input.title,
    from_organisation: input.fromOrganisation,
    year: input.year,
    received_on: input.receivedOn ?? null,
    reason: input.reason,
  });
  await insertParticipants(trx, 'honours', actor.networkId, id, recipients);
  const [honour] = (await loadHonours(trx, actor.networkId, { id })).items;
  await recordAudit(trx, actor, { action: 'create', entity: 'honour', entityId: id, after: honour! });
  return honour!;
}
