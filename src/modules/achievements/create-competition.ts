import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { insertCompetition } from './achievements.queries.js';
import type { CreateCompetitionInput } from './achievements.schemas.js';
import { competitionFields } from './present.js';
import { findCompetitionView } from './views.js';

/** Registers a competition of a year at its level, with its nominations; entries are added to it. */
export async function createCompetition(options: { trx: Kysely<DB>; actor: Actor; input: CreateCompetitionInput }) {
  const { trx, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  const id = await insertCompetition(trx, {
    network_id: actor.networkId,
    name: input.name,
    year: input.year,
    level: input.level,
    organiser: input.organiser,
    nominations: JSON.stringify(input.nominations ?? []),
  });
  const competition = (await findCompetitionView(trx, actor.networkId, id))!;
  await recordAudit(trx, actor, { action: 'create', entity: 'competition', entityId: id, after: competitionFields(competition) });
  return competition;
}
