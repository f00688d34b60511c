/**
 * The views routes and use-cases return, each read with a few set-based queries (never one
 * query per row) and assembled by the presenters.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CompetitionsTable, DB } from '../../db/schema.js';
import {
  findCompetitionIdByName,
  countAchievementsByBranch, findCompetition, listAwards, listCompetitionsEnteredInYear, listConferenceParticipations, listEntries, listEntryStaff, listHonours, listJuryMemberships, listParticipants,
  type EntrySelection, type RecordFilter,
} from './achievements.queries.js';
import type { AchievementSummary, CompetitionLevel, CompetitionView, EntryView } from './achievements.schemas.js';
import { presentCompetition, presentConferenceParticipation, presentEntry, presentHonour, presentJuryMembership } from './present.js';
import { LEVEL_HEADINGS, LEVEL_ORDER } from './wording.js';

type Db = Kysely<DB>;

/** Entries of the competitions with their staff and awards; with a branch, only that branch's entries. */
export async function loadEntries(db: Db, of: EntrySelection, branch?: number): Promise<EntryView[]> {
  const entries = await listEntries(db, of, branch);
  const entryIds = entries.map((entry) => entry.id);
  const [staff, awards] = await Promise.all([listEntryStaff(db, entryIds), listAwards(db, entryIds)]);
  return entries.map((entry) => presentEntry(entry, staff, awards));
}

export async function loadCompetitions(db: Db, rows: Selectable<CompetitionsTable>[], branch?: number): Promise<CompetitionView[]> {
  const entries = await loadEntries(db, { competitionIds: rows.map((row) => row.id) }, branch);
  return rows.map((row) => presentCompetition(row, entries));
}

export async function loadJuryMemberships(db: Db, networkId: number, filter: RecordFilter) {
  const { total, rows } = await listJuryMemberships(db, networkId, filter);
  const participants = await listParticipants(db, 'jury_memberships', rows.map((row) => row.id));
  return { total, items: rows.map((row) => presentJuryMembership(row, participants)) };
}

export async function loadConferenceParticipations(db: Db, networkId: number, filter: RecordFilter) {
  const { total, rows } = await listConferenceParticipations(db, networkId, filter);
  const participants = await listParticipants(db, 'conference_participations', rows.map((row) => row.id));
  return { total, items: rows.map((row) => presentConferenceParticipation(row, participants)) };
}

export async function loadHonours(db: Db, networkId: number, filter: RecordFilter) {
  const { total, rows } = await listHonours(db, networkId, filter);
  const participants = await listParticipants(db, 'honours', rows.map((row) => row.id));
  return { total, items: rows.map((row) => presentHonour(row, participants)) };
}

export async function findCompetitionView(db: Db, networkId: number, id: number): Promise<CompetitionView | undefined> {
  const row = await findCompetition(db, networkId, id);
  return row && (await loadCompetitions(db, [row]))[0];
}

/** The competition of the year with this name (see findCompetitionIdByName), as the API shows it. */
export async function findCompetitionViewByName(db: Db, networkId: number, year: number, name: string): Promise<CompetitionView | undefined> {
  const id = await findCompetitionIdByName(db, networkId, year, name);
  return id === undefined ? undefined : findCompetitionView(db, networkId, id);
}

export async function findEntryView(db: Db, id: number): Promise<EntryView | undefined> {
  return (await loadEntries(db, { entryIds: [id] }))[0];
}

/** A year's achievements grouped by level in the report's order, with per-branch counts, jury work, conferences and honours. */
export async function loadAchievementSummary(db: Db, networkId: number, year: number, branch?: number): Promise<AchievementSummary> {
  const competitions = await loadCompetitions(db, await listCompetitionsEnteredInYear(db, networkId, year, branch), branch);
  const counts = await countAchievementsByBranch(db, networkId, year, branch);
  const filter = { year, branch };
  return {
    year,
    levels: LEVEL_ORDER
      .map((level) => ({ level, heading: LEVEL_HEADINGS[level], competitions: competitions.filter((c) => c.level === level) }))
      .filter((group) => group.competitions.length > 0),
    branches: counts.map((row) => ({
      branchId: row.branch_id,
      branchName: row.branch_name,
      entries: row.entries,
      prizes: row.prizes,
      entriesByLevel: Object.fromEntries(LEVEL_ORDER.map((level) => [level, row[level]])) as Record<CompetitionLevel, number>,
    })),
    jury: (await loadJuryMemberships(db, networkId, filter)).items,
    conferences: (await loadConferenceParticipations(db, networkId, filter)).items,
    honours: (await loadHonours(db, networkId, filter)).items,
  };
}
