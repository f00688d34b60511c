import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict, notFound } from '../../server/problem.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { findPartner, findPartnerIdByName, insertPartner, updatePartnerRow } from './events.queries.js';
import type { CreatePartnerInput, UpdatePartnerInput } from './events.schemas.js';
import { presentPartner } from './present.js';

async function assertNameFree(trx: Kysely<DB>, networkId: number, name: string, ownId?: number) {
  const holder = await findPartnerIdByName(trx, networkId, name);
  if (holder !== undefined && holder !== ownId) throw conflict('name', `партнёр «${name}» уже есть`);
}

/** Adds an organisation the network cooperates with (the methodologist keeps the list for all branches). */
export async function createPartner(options: { trx: Kysely<DB>; actor: Actor; input: CreatePartnerInput }) {
  const { trx, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  await assertNameFree(trx, actor.networkId, input.name);
  const id = await insertPartner(trx, {
    network_id: actor.networkId, name: input.name, kind: input.kind,
    settlement: input.settlement, contacts: input.contacts, note: input.note,
  });
  const partner = presentPartner((await findPartner(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'partner', entityId: id, after: partner });
  return partner;
}

export async function updatePartner(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdatePartnerInput }) {
  const { trx, actor, id, input } = options;
  assertCanCompileNetworkRecords(actor);
  const existing = await findPartner(trx, actor.networkId, id);
  if (!existing) throw notFound('Партнёр');
  if (input.name !== undefined) await assertNameFree(trx, actor.networkId, input.name, id);
  await updatePartnerRow(trx, id, {
    name: input.name, kind: input.kind, settlement: input.settlement, contacts: input.contacts, note: input.note,
  });
  const before = presentPartner(existing);
  const after = presentPartner((await findPartner(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'partner', entityId: id, before, after });
  return after;
}
