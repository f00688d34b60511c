import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit, type Actor } from '../auth/index.js';
import { insertParticipants, insertRecord } from './achievements.queries.js';
import type { RecordJuryMembershipInput } from './achievements.schemas.js';
import { resolveParticipants } from './participants.js';
import { loadJuryMemberships } from './views.js';

/** Records staff members who sat on the jury of a competition (held by others). */
export async function recordJuryMembership(options: { trx: Kysely<DB>; actor: Actor; input: RecordJuryMembershipInput }) {
  const { trx, actor, input } = options;
  const members = await resolveParticipants(trx, actor, { branchIds: [], staffMemberIds: input.staffMemberIds });
  const id = await insertRecord(trx, 'jury_memberships', {
    network_id: actor.networkId,
    competition_name: input.competitionName,
    year: input.year,
    level: input.level,
    organiser: input.organiser,
    note: input.note,
  });
  await insertParticipants(trx, 'jury_memberships', actor.networkId, id, members);
  const [jury] = (await loadJuryMemberships(trx, actor.networkId, { id })).items;
  await recordAudit(trx, actor, { action: 'create', entity: 'jury_membership', entityId: id, after: jury! });
  return jury!;
}
