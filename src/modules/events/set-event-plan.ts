import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { didBranchExistInYear, findMissingBranchIds } from '../network/index.js';
import { findDictionaryEntry, findPlan, insertPlan, updatePlanRow } from './events.queries.js';
import type { EventPlanInput } from './events.schemas.js';
import { presentPlan } from './present.js';

/** Sets a branch's plan for a year — overall or for one direction — creating or replacing it. */
export async function setEventPlan(options: { trx: Kysely<DB>; actor: Actor; input: EventPlanInput }) {
  const { trx, actor, input } = options;
  if ((await findMissingBranchIds(trx, actor.networkId, [input.branchId])).length) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanRecordForBranches(actor, [input.branchId]);
  if (!(await didBranchExistInYear(trx, actor.networkId, input.branchId, input.year))) {
    throw invalid('year', `филиал не работал в ${input.year} году`);
  }
  if (input.directionId !== null && !(await findDictionaryEntry(trx, 'event_directions', actor.networkId, input.directionId))) {
    throw invalid('directionId', 'такого направления нет в справочнике сети');
  }
  const existing = await findPlan(trx, actor.networkId, input);
  const figures = { planned_events: input.plannedEvents, planned_attendance: input.plannedAttendance };
  let id: number;
  if (existing) {
    await updatePlanRow(trx, existing.id, figures);
    id = existing.id;
  } else {
    id = await insertPlan(trx, { network_id: actor.networkId, branch_id: input.branchId, year: input.year, direction_id: input.directionId, ...figures });
  }
  const after = presentPlan((await findPlan(trx, actor.networkId, input))!);
  await recordAudit(trx, actor, {
    action: existing ? 'update' : 'create', entity: 'event_plan', entityId: id, before: existing ? presentPlan(existing) : null, after,
  });
  return after;
}
