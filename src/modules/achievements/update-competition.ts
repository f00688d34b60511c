import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict, notFound } from '../../server/problem.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { findCompetition, listUsedNominations, updateCompetitionRow } from './achievements.queries.js';
import type { UpdateCompetitionInput } from './achievements.schemas.js';
import { competitionFields } from './present.js';
import { findCompetitionView } from './views.js';

/** Corrects a competition; a nomination that entries name cannot be dropped (rename it by moving them first). */
export async function updateCompetition(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateCompetitionInput }) {
  const { trx, actor, id, input } = options;
  assertCanCompileNetworkRecords(actor);
  const existing = await findCompetition(trx, actor.networkId, id);
  if (!existing) throw notFound('Конкурс');
  if (input.nominations) {
    const dropped = (await listUsedNominations(trx, id)).filter((name) => !input.nominations!.includes(name));
    if (dropped.length) throw conflict('nominations', `номинацию «${dropped[0]}» нельзя убрать: в ней есть участия`);
  }
  const before = competitionFields((await findCompetitionView(trx, actor.networkId, id))!);
  await updateCompetitionRow(trx, id, {
    name: input.name,
    year: input.year,
    level: input.level,
    organiser: input.organiser,
    nominations: input.nominations && JSON.stringify(input.nominations),
  });
  const competition = (await findCompetitionView(trx, actor.networkId, id))!;
  await recordAudit(trx, actor, { action: 'update', entity: 'competition', entityId: id, before, after: competitionFields(competition) });
  return competition;
}
