import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../server/problem.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { findCampaign, findCampaignIdByName, insertCampaign, listCampaignEventYears, updateCampaignRow } from './events.queries.js';
import type { CreateCampaignInput, UpdateCampaignInput } from './events.schemas.js';
import { presentCampaign } from './present.js';

async function assertNameFree(trx: Kysely<DB>, networkId: number, year: number, name: string, ownId?: number) {
  const holder = await findCampaignIdByName(trx, networkId, year, name);
  if (holder !== undefined && holder !== ownId) throw conflict('name', `«${name}» ${year} года уже есть`);
}

/** Adds a national or regional campaign (акция) or a project of a year, for the branches to join. */
export async function createCampaign(options: { trx: Kysely<DB>; actor: Actor; input: CreateCampaignInput }) {
  const { trx, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  await assertNameFree(trx, actor.networkId, input.year, input.name);
  const id = await insertCampaign(trx, {
    network_id: actor.networkId, name: input.name, kind: input.kind, year: input.year, level: input.level,
    organiser: input.organiser, description: input.description,
  });
  const campaign = presentCampaign((await findCampaign(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'campaign', entityId: id, after: campaign });
  return campaign;
}

/** Changes a campaign; its year must stay the year of the events linked to it. */
export async function updateCampaign(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateCampaignInput }) {
  const { trx, actor, id, input } = options;
  assertCanCompileNetworkRecords(actor);
  const existing = await findCampaign(trx, actor.networkId, id);
  if (!existing) throw notFound('Акция');
  const year = input.year ?? existing.year;
  if (input.name !== undefined || input.year !== undefined) await assertNameFree(trx, actor.networkId, year, input.name ?? existing.name, id);
  const otherYears = (await listCampaignEventYears(trx, id)).filter((eventYear) => eventYear !== year);
  if (otherYears.length) throw invalid('year', `с акцией связаны мероприятия ${otherYears.join(', ')} года`);
  await updateCampaignRow(trx, id, {
    name: input.name, kind: input.kind, year: input.year, level: input.level, organiser: input.organiser, description: input.description,
  });
  const before = presentCampaign(existing);
  const after = presentCampaign((await findCampaign(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'campaign', entityId: id, before, after });
  return after;
}
