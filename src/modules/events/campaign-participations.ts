import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { didBranchExistInYear, findMissingBranchIds } from '../network/index.js';
import { deleteParticipation, findCampaign, findParticipation, upsertParticipation } from './events.queries.js';
import type { ParticipationInput } from './events.schemas.js';

const presentParticipation = (campaignId: number, branchId: number, note: string) => ({ campaignId, branchId, note });

/** Records that a branch takes part in a campaign (or changes the note on its part). */
export async function recordParticipation(options: { trx: Kysely<DB>; actor: Actor; campaignId: number; input: ParticipationInput }) {
  const { trx, actor, campaignId, input } = options;
  const campaign = await findCampaign(trx, actor.networkId, campaignId);
  if (!campaign) throw notFound('Акция');
  if ((await findMissingBranchIds(trx, actor.networkId, [input.branchId])).length) throw invalid('branchId', 'нет такого филиала в сети');
  assertCanRecordForBranches(actor, [input.branchId]);
  if (!(await didBranchExistInYear(trx, actor.networkId, input.branchId, campaign.year))) {
    throw invalid('branchId', `филиал не работал в ${campaign.year} году`);
  }
  const existing = await findParticipation(trx, campaignId, input.branchId);
  await upsertParticipation(trx, { network_id: actor.networkId, campaign_id: campaignId, branch_id: input.branchId, note: input.note });
  const after = presentParticipation(campaignId, input.branchId, input.note);
  await recordAudit(trx, actor, {
    action: existing ? 'update' : 'create', entity: 'campaign_participation', entityId: campaignId,
    before: existing ? presentParticipation(campaignId, existing.branch_id, existing.note) : null, after,
  });
  return after;
}

/** Withdraws a branch's recorded part (its events in the campaign still show it as taking part). */
export async function removeParticipation(options: { trx: Kysely<DB>; actor: Actor; campaignId: number; branchId: number }) {
  const { trx, actor, campaignId, branchId } = options;
  const existing = await findParticipation(trx, campaignId, branchId);
  if (!existing || existing.network_id !== actor.networkId) throw notFound('Участие филиала в акции');
  assertCanRecordForBranches(actor, [branchId]);
  await deleteParticipation(trx, campaignId, branchId);
  await recordAudit(trx, actor, {
    action: 'delete', entity: 'campaign_participation', entityId: campaignId, before: presentParticipation(campaignId, branchId, existing.note),
  });
}
