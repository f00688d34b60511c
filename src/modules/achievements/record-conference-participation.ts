import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { insertParticipants, insertRecord } from './achievements.queries.js';
import type { RecordConferenceParticipationInput } from './achievements.schemas.js';
import { resolveParticipants } from './participants.js';
import { loadConferenceParticipations } from './views.js';

/** Records that branches or staff members took part in a conference, with the talk if they gave one. */
export async function recordConferenceParticipation(options: { trx: Kysely<DB>; actor: Actor; input: RecordConferenceParticipationInput }) {
  const { trx, actor, input } = options;
  const participants = await resolveParticipants(trx, actor, input);
  const id = await insertRecord(trx, 'conference_participations', {
    network_id: actor.networkId,
    conference_name: input.conferenceName,
    year: input.year,
    held_on: input.heldOn ?? null,
    level: input.level,
    organiser: input.organiser,
    talk_title: input.talkTitle,
  });
  await insertParticipants(trx, 'conference_participations', actor.networkId, id, participants);
  const [conference] = (await loadConferenceParticipations(trx, actor.networkId, { id })).items;
  await recordAudit(trx, actor, { action: 'create', entity: 'conference_participation', entityId: id, after: conference! });
  return conference!;
}
