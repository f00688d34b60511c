import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { presentTraining } from './present.js';
import { deleteTrainingRow, findStaffMember, findTraining, insertTraining } from './staff.queries.js';
import type { CreateTrainingInput } from './staff.schemas.js';

/** Records a course a staff member completed. */
export async function addTraining(options: { trx: Kysely<DB>; actor: Actor; staffMemberId: number; input: CreateTrainingInput }) {
  const { trx, actor, staffMemberId, input } = options;
  const member = await findStaffMember(trx, actor.networkId, staffMemberId);
  if (!member) throw notFound('Сотрудник');
  assertCanWriteBranchData(actor, member.branch_id);
  if (input.startedOn && input.startedOn > input.finishedOn) throw invalid('finishedOn', 'окончание раньше начала');
  const id = await insertTraining(trx, {
    network_id: actor.networkId,
    staff_member_id: staffMemberId,
    course: input.course,
    provider: input.provider,
    topic: input.topic,
    hours: input.hours ?? null,
    started_on: input.startedOn ?? null,
    finished_on: input.finishedOn,
    certificate_number: input.certificateNumber,
  });
  const training = presentTraining((await findTraining(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'training', entityId: id, after: training });
  return training;
}

/** Removes a training record entered by mistake; the audit log keeps what it was. */
export async function removeTraining(options: { trx: Kysely<DB>; actor: Actor; staffMemberId: number; trainingId: number }) {
  const { trx, actor, staffMemberId, trainingId } = options;
  const training = await findTraining(trx, actor.networkId, trainingId);
  const member = await findStaffMember(trx, actor.networkId, staffMemberId);
  if (!training || !member || training.staff_member_id !== staffMemberId) throw notFound('Запись о повышении квалификации');
  assertCanWriteBranchData(actor, member.branch_id);
  await deleteTrainingRow(trx, trainingId);
  await recordAudit(trx, actor, { action: 'delete', entity: 'training', entityId: trainingId, before: presentTraining(training) });
}
