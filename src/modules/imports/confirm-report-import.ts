import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ProblemError, type FieldError } from '../../server/problem.js';
import {
  addEntry, awardWording, createCompetition, findCompetitionViewByName, recordConferenceParticipation, recordHonour, recordJuryMembership,
  updateCompetition, type CompetitionView, type CreateCompetitionInput,
} from '../achievements/index.js';
import { assertCanCompileNetworkRecords, type Actor } from '../auth/index.js';
import { createCampaign, findCampaignIdByName, recordParticipation, type CreateCampaignInput } from '../events/index.js';
import { findMissingBranchIds } from '../network/index.js';
import { addTraining, findStaffMemberBranches, recordSeminar } from '../staff/index.js';
import type { ConfirmReportTextInput, ConfirmReportTextResult, SavedRecord } from './imports.schemas.js';
import { planRecords, referencesOf, type PlannedRecord } from './plan-records.js';
import { fold } from './report-text/text.js';

const invalidProposals = (errors: FieldError[]) => new ProblemError(400, 'Ошибка в данных',
  errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** Branches and staff named by accepted proposals must be the network's; the staff's branches are needed to credit their entries. */
async function checkReferences(trx: Kysely<DB>, actor: Actor, input: ConfirmReportTextInput) {
  const { branches, staff } = referencesOf(input);
  const missingBranches = await findMissingBranchIds(trx, actor.networkId, [...branches.keys()]);
  const staffBranches = await findStaffMemberBranches(trx, actor.networkId, [...staff.keys()]);
  const errors = [
    ...missingBranches.flatMap((id) => branches.get(id)!.map((field) => ({ field, message: `нет филиала ${id} в сети` }))),
    ...[...staff].filter(([id]) => !staffBranches.has(id)).flatMap(([id, fields]) => fields.map((field) => ({ field, message: `нет сотрудника ${id} в сети` }))),
  ];
  return { errors, staffBranches };
}

/**
 * A competition already recorded for the year (typed by hand or imported before) is reused, with
 * the imported nominations added to its own; otherwise it is created.
 */
async function findOrCreateCompetition(trx: Kysely<DB>, actor: Actor, input: CreateCompetitionInput): Promise<CompetitionView> {
  const existing = await findCompetitionViewByName(trx, actor.networkId, input.year, input.name);
  if (!existing) return createCompetition({ trx, actor, input });
  const nominations = [...new Set([...existing.nominations, ...(input.nominations ?? [])])];
  if (nominations.length === existing.nominations.length) return existing;
  return updateCompetition({ trx, actor, id: existing.id, input: { nominations } });
}

/** A campaign already recorded for the year is reused: the import only adds the branches' participation. */
async function findOrCreateCampaign(trx: Kysely<DB>, actor: Actor, input: CreateCampaignInput): Promise<{ id: number; name: string; year: number }> {
  const existingId = await findCampaignIdByName(trx, actor.networkId, input.year, input.name);
  if (existingId === undefined) return createCampaign({ trx, actor, input });
  return { id: existingId, name: input.name, year: input.year };
}

/**
 * Saves the accepted proposals of a reviewed import, all in the caller's transaction: every one
 * or none. Awards of one competition (same name, any case or spacing) share one competition, with
 * the nominations of all its entries; each record is saved through its module's use-case, so the
 * same rules and the same audit apply as to records typed by hand.
 */
export async function confirmReportImport(options: { trx: Kysely<DB>; actor: Actor; input: ConfirmReportTextInput }): Promise<ConfirmReportTextResult> {
  const { trx, actor, input } = options;
  assertCanCompileNetworkRecords(actor);
  const references = await checkReferences(trx, actor, input);
  const { records, errors } = planRecords(input, references.staffBranches);
  if (references.errors.length || errors.length) throw invalidProposals([...references.errors, ...errors]);

  const saved: SavedRecord[] = [];
  const competitions = new Map<string, CompetitionView>();
  const awards = records.filter((r): r is Extract<PlannedRecord, { kind: 'award' }> => r.kind === 'award');
  for (const record of awards) {
    const name = fold(record.competition.name).replace(/\s+/g, ' ');
    const nominations = [...new Set(awards.filter((r) => fold(r.competition.name).replace(/\s+/g, ' ') === name)
      .flatMap((r) => r.competition.nominations ?? []))];
    let competition = competitions.get(name);
    if (!competition) {
      competition = await findOrCreateCompetition(trx, actor, { ...record.competition, nominations });
      competitions.set(name, competition);
      saved.push({ key: record.key, kind: 'competition', id: competition.id, label: `«${competition.name}», ${competition.year}` });
    }
    if (competition.level !== record.competition.level) {
      throw invalidProposals([{ field: `proposals.${record.index}.level`, message: `у конкурса «${competition.name}» уже указан другой уровень` }]);
    }
    const entry = await addEntry({ trx, actor, competitionId: competition.id, input: record.entry });
    const results = entry.awards.map((a) => awardWording(a)).join(', ') || 'участие';
    saved.push({ key: record.key, kind: 'entry', id: entry.id, label: `«${competition.name}»: ${entry.participantLabel} — ${results}` });
  }

  for (const record of records) {
    switch (record.kind) {
      case 'award': break;
      case 'campaign': {
        const campaign = await findOrCreateCampaign(trx, actor, record.campaign);
        saved.push({ key: record.key, kind: 'campaign', id: campaign.id, label: `Акция «${campaign.name}», ${campaign.year}` });
        for (const branchId of record.branchIds) {
          await recordParticipation({ trx, actor, campaignId: campaign.id, input: { branchId, note: '' } });
        }
        break;
      }
      case 'honour': {
        const honour = await recordHonour({ trx, actor, input: record.honour });
        saved.push({ key: record.key, kind: 'honour', id: honour.id, label: honour.text });
        break;
      }
      case 'training': {
        for (const staffMemberId of record.staffMemberIds) {
          const training = await addTraining({ trx, actor, staffMemberId, input: record.training });
          saved.push({ key: record.key, kind: 'training', id: training.id, label: `Курс «${training.course}»` });
        }
        break;
      }
      case 'jury': {
        const jury = await recordJuryMembership({ trx, actor, input: record.jury });
        saved.push({ key: record.key, kind: 'jury', id: jury.id, label: jury.text });
        break;
      }
      case 'conference': {
        const conference = await recordConferenceParticipation({ trx, actor, input: record.conference });
        saved.push({ key: record.key, kind: 'conference', id: conference.id, label: conference.text });
        break;
      }
      case 'seminar': {
        const seminar = await recordSeminar({ trx, actor, input: record.seminar });
        saved.push({ key: record.key, kind: 'seminar', id: seminar.id, label: `«${seminar.topic}»` });
        break;
      }
    }
  }
  const accepted = input.proposals.filter((p) => p.accepted).length;
  return { saved, accepted, rejected: input.proposals.length - accepted };
}
