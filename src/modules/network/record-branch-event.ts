import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { russianDate } from '../../shared/zod.js';
import { assertAdmin, recordAudit, type Actor } from '../auth/index.js';
import { findBranch, insertBranchEvent, isBranchActiveOn, listBranchEvents, updateBranchRow } from './network.queries.js';
import type { BranchEventInput } from './network.schemas.js';
import { presentBranch, presentBranchEvent } from './present.js';

type Change<T> = { from: T; to: T };

/**
 * Appends a dated event to a branch's history and brings the branch's current state
 * in line with it. History is appended in order: an event may not predate the last one.
 */
export async function recordBranchEvent(options: { trx: Kysely<DB>; actor: Actor; branchId: number; input: BranchEventInput }) {
  const { trx, actor, branchId, input } = options;
  assertAdmin(actor);
  const branch = await findBranch(trx, actor.networkId, branchId);
  if (!branch) throw notFound('Филиал');
  const last = (await listBranchEvents(trx, branchId)).at(-1);
  if (last && input.occurredOn < last.occurred_on) {
    throw invalid('occurredOn', `дата не может быть раньше последнего события в истории филиала (${russianDate(last.occurred_on)})`);
  }
  const activeThen = await isBranchActiveOn(trx, branchId, input.occurredOn);
  if (input.kind === 'opened' && activeThen) throw invalid('kind', 'филиал в эту дату уже работает');
  if (input.kind !== 'opened' && !activeThen) throw invalid('occurredOn', 'в эту дату филиал не работал');

  const details: Record<string, Change<unknown> | string> = {};
  const changes: Parameters<typeof updateBranchRow>[2] = {};
  const change = (column: 'name' | 'type' | 'is_public_access_centre' | 'is_model', field: string, to: string | boolean | undefined) => {
    if (to === undefined || to === branch[column]) return;
    details[field] = { from: branch[column], to };
    Object.assign(changes, { [column]: to });
  };
  if (input.kind === 'renamed') change('name', 'name', input.name);
  if (input.kind === 'status_changed') {
    change('is_public_access_centre', 'isPublicAccessCentre', input.isPublicAccessCentre);
    change('is_model', 'isModel', input.isModel);
  }
  if (input.kind === 'reorganised') {
    change('type', 'type', input.type);
    if (input.note) details.note = input.note;
  }
  if ((input.kind === 'renamed' || input.kind === 'status_changed') && Object.keys(changes).length === 0) {
    throw invalid(input.kind === 'renamed' ? 'name' : 'kind', 'событие ничего не меняет');
  }
  const eventId = await insertBranchEvent(trx, {
    network_id: actor.networkId, branch_id: branchId, kind: input.kind, occurred_on: input.occurredOn,
    basis_kind: input.basisKind, basis: input.basis, details,
  });
  if (Object.keys(changes).length) await updateBranchRow(trx, branchId, changes);
  const event = presentBranchEvent((await listBranchEvents(trx, branchId)).find((e) => e.id === eventId)!);
  await recordAudit(trx, actor, {
    action: 'create', entity: 'branch_event', entityId: eventId,
    before: presentBranch(branch), after: { event, branch: presentBranch((await findBranch(trx, actor.networkId, branchId))!) },
  });
  return event;
}
