import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { assertCanWriteBranchData, recordAudit, type Actor } from '../auth/index.js';
import { findBranch, findServicePoint, insertServicePoint, updateServicePointRow } from './network.queries.js';
import type { CreateServicePointInput, UpdateServicePointInput } from './network.schemas.js';
import { presentServicePoint } from './present.js';

function assertDates(openedOn: string | null | undefined, closedOn: string | null | undefined) {
  if (openedOn && closedOn && closedOn < openedOn) throw invalid('closedOn', 'дата закрытия раньше даты открытия');
}

/** Adds an outreach service point served by a branch. */
export async function createServicePoint(options: { trx: Kysely<DB>; actor: Actor; input: CreateServicePointInput }) {
  const { trx, actor, input } = options;
  if (!(await findBranch(trx, actor.networkId, input.branchId))) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanWriteBranchData(actor, input.branchId);
  assertDates(input.openedOn, input.closedOn);
  const id = await insertServicePoint(trx, {
    network_id: actor.networkId, branch_id: input.branchId, name: input.name, kind: input.kind,
    address: input.address, opened_on: input.openedOn ?? null, closed_on: input.closedOn ?? null,
  });
  const point = presentServicePoint((await findServicePoint(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'service_point', entityId: id, after: point });
  return point;
}

export async function updateServicePoint(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateServicePointInput }) {
  const { trx, actor, id, input } = options;
  const existing = await findServicePoint(trx, actor.networkId, id);
  if (!existing) throw notFound('Пункт обслуживания');
  assertCanWriteBranchData(actor, existing.branch_id);
  assertDates(input.openedOn === undefined ? existing.opened_on : input.openedOn, input.closedOn === undefined ? existing.closed_on : input.closedOn);
  await updateServicePointRow(trx, id, {
    name: input.name, kind: input.kind, address: input.address, opened_on: input.openedOn, closed_on: input.closedOn,
  });
  const after = presentServicePoint((await findServicePoint(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'service_point', entityId: id, before: presentServicePoint(existing), after });
  return after;
}
