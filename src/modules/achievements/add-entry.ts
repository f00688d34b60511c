import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { findCompetition, insertAward, insertEntry, insertEntryStaff } from './achievements.queries.js';
import type { AddEntryInput } from './achievements.schemas.js';
import { assertBranchesInNetwork, staffBranchesInNetwork } from './participants.js';
import { findEntryView } from './views.js';

/**
 * Records who took part in a competition (credited to a branch), with the results known so far.
 * Every branch and person named must be the network's; the nomination must be one of the competition's.
 */
export async function addEntry(options: { trx: Kysely<DB>; actor: Actor; competitionId: number; input: AddEntryInput }) {
  const { trx, actor, competitionId, input } = options;
  const competition = await findCompetition(trx, actor.networkId, competitionId);
  if (!competition) throw notFound('Конкурс');
  await assertBranchesInNetwork(trx, actor.networkId, 'branchId', [input.branchId]);
  assertCanRecordForBranches(actor, [input.branchId]);
  const staffMemberIds = input.staffMemberIds ?? [];
  await staffBranchesInNetwork(trx, actor.networkId, 'staffMemberIds', staffMemberIds);
  if (input.preparedByStaffId !== undefined) await staffBranchesInNetwork(trx, actor.networkId, 'preparedByStaffId', [input.preparedByStaffId]);
  const nomination = input.nomination ?? '';
  if (nomination && !competition.nominations.includes(nomination)) {
    throw invalid('nomination', competition.nominations.length
      ? `в конкурсе нет такой номинации; есть: ${competition.nominations.map((name) => `«${name}»`).join(', ')}`
      : 'у конкурса не указаны номинации: добавьте их в карточке конкурса');
  }

  const id = await insertEntry(trx, {
    network_id: actor.networkId,
    competition_id: competitionId,
    branch_id: input.branchId,
    participant_kind: input.participantKind,
    reader_name: input.readerName,
    prepared_by_staff_id: input.preparedByStaffId ?? null,
    team_name: input.teamName,
    nomination,
    work_title: input.workTitle,
  });
  await insertEntryStaff(trx, actor.networkId, id, staffMemberIds);
  for (const award of input.awards ?? []) {
    await insertAward(trx, {
      network_id: actor.networkId, entry_id: id, result: award.result, rank: award.rank ?? null, amount_kopecks: award.amountKopecks ?? null, note: award.note,
    });
  }
  const entry = (await findEntryView(trx, id))!;
  await recordAudit(trx, actor, { action: 'create', entity: 'competition_entry', entityId: id, after: entry });
  return entry;
}
