import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type {
  AwardDocumentsTable, AwardsTable, CompetitionEntriesTable, CompetitionLevel, CompetitionsTable, DB,
} from '../../db/schema.js';
import { PRIZE_RESULTS } from './wording.js';

type Db = Kysely<DB>;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
/** The report's order of levels, for ORDER BY. */
/** Branches as the network lists them: the central library, the children's, then the rest. */
const networkOrder = sql`CASE b.type WHEN 'central' THEN 0 WHEN 'children' THEN 1 ELSE 2 END`;
const levelOrder = (column: string) => sql`array_position(ARRAY['international', 'national', 'regional', 'inter_district', 'district'], ${sql.ref(column)})`;

// Competitions

export async function insertCompetition(db: Db, values: Insertable<CompetitionsTable>): Promise<number> {
  const { id } = await db.insertInto('competitions').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateCompetitionRow(db: Db, id: number, values: Updateable<CompetitionsTable>): Promise<void> {
  await db.updateTable('competitions').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

/** A competition of the year whatever the case, spacing or ё/е of its name: how people retype it. */
export async function findCompetitionIdByName(db: Db, networkId: number, year: number, name: string): Promise<number | undefined> {
  const normalised = (value: ReturnType<typeof sql>) => sql`replace(lower(regexp_replace(trim(${value}), '\s+', ' ', 'g')), 'ё', 'е')`;
  const row = await db.selectFrom('competitions').select('id').where('network_id', '=', networkId).where('year', '=', year)
    .where(sql<boolean>`${normalised(sql.ref('name'))} = ${normalised(sql`${name}`)}`)
    .orderBy('id').executeTakeFirst();
  return row?.id;
}

export async function findCompetition(db: Db, networkId: number, id: number) {
  return db.selectFrom('competitions').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export interface CompetitionFilter {
  year?: number;
  level?: CompetitionLevel;
  branch?: number;
  q?: string;
}

const competitionsOfNetwork = (db: Db, networkId: number, filter: CompetitionFilter) => {
  let query = db.selectFrom('competitions as c').where('c.network_id', '=', networkId);
  if (filter.year !== undefined) query = query.where('c.year', '=', filter.year);
  if (filter.level) query = query.where('c.level', '=', filter.level);
  if (filter.branch !== undefined) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('competition_entries as e')
      .whereRef('e.competition_id', '=', 'c.id').where('e.branch_id', '=', filter.branch!).select('e.id')));
  }
  if (filter.q) query = query.where((eb) => eb.or([eb('c.name', 'ilike', likePattern(filter.q!)), eb('c.organiser', 'ilike', likePattern(filter.q!))]));
  return query;
};

/** Newest year first, then in the report's order of levels, then by name. */
export async function listCompetitions(db: Db, networkId: number, filter: CompetitionFilter & { page: number; pageSize: number }) {
  const query = competitionsOfNetwork(db, networkId, filter);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('c')
    .orderBy('c.year', 'desc').orderBy(levelOrder('c.level')).orderBy('c.name').orderBy('c.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** The competitions of a year in which the network (or the branch) took part, in the report's order. */
export async function listCompetitionsEnteredInYear(db: Db, networkId: number, year: number, branch?: number) {
  return competitionsOfNetwork(db, networkId, { year, branch })
    .where(({ exists, selectFrom }) => exists(selectFrom('competition_entries as e').whereRef('e.competition_id', '=', 'c.id').select('e.id')))
    .selectAll('c')
    .orderBy(levelOrder('c.level')).orderBy('c.name').orderBy('c.id')
    .execute();
}

/** The nominations the competition's entries name (a nomination in use cannot be dropped). */
export async function listUsedNominations(db: Db, competitionId: number): Promise<string[]> {
  const rows = await db.selectFrom('competition_entries').select('nomination').distinct()
    .where('competition_id', '=', competitionId).where('nomination', '<>', '').execute();
  return rows.map((row) => row.nomination);
}

// Entries

export async function insertEntry(db: Db, values: Insertable<CompetitionEntriesTable>): Promise<number> {
  const { id } = await db.insertInto('competition_entries').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertEntryStaff(db: Db, networkId: number, entryId: number, staffMemberIds: readonly number[]) {
  if (staffMemberIds.length === 0) return;
  await db.insertInto('competition_entry_staff')
    .values(staffMemberIds.map((staffMemberId) => ({ network_id: networkId, entry_id: entryId, staff_member_id: staffMemberId })))
    .execute();
}

export async function findEntry(db: Db, networkId: number, id: number) {
  return db.selectFrom('competition_entries').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function deleteEntryRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('competition_entries').where('id', '=', id).execute();
}

export type EntrySelection = { competitionIds: readonly number[] } | { entryIds: readonly number[] };

/** Entries (of the given competitions, or by id) with their branch and who prepared the reader. */
export async function listEntries(db: Db, of: EntrySelection, branch?: number) {
  const [column, ids] = 'entryIds' in of ? ['e.id' as const, of.entryIds] : ['e.competition_id' as const, of.competitionIds];
  if (ids.length === 0) return [];
  return db.selectFrom('competition_entries as e')
    .innerJoin('branches as b', 'b.id', 'e.branch_id')
    .leftJoin('staff_members as p', 'p.id', 'e.prepared_by_staff_id')
    .selectAll('e')
    .select(['b.name as branch_name', 'p.last_name as prepared_last_name', 'p.first_name as prepared_first_name', 'p.middle_name as prepared_middle_name'])
    .where(column, 'in', [...ids])
    .$if(branch !== undefined, (q) => q.where('e.branch_id', '=', branch!))
    .orderBy('e.id')
    .execute();
}

export async function listEntryStaff(db: Db, entryIds: readonly number[]) {
  if (entryIds.length === 0) return [];
  return db.selectFrom('competition_entry_staff as x')
    .innerJoin('staff_members as s', 's.id', 'x.staff_member_id')
    .select(['x.entry_id', 's.id', 's.last_name', 's.first_name', 's.middle_name'])
    .where('x.entry_id', 'in', [...entryIds])
    .orderBy('s.last_name').orderBy('s.first_name').orderBy('s.id')
    .execute();
}

// Awards and their documents

export async function insertAward(db: Db, values: Insertable<AwardsTable>): Promise<number> {
  const { id } = await db.insertInto('awards').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** An award with the branch of its entry (whose rights decide who may change it). */
export async function findAward(db: Db, networkId: number, id: number) {
  return db.selectFrom('awards as a').innerJoin('competition_entries as e', 'e.id', 'a.entry_id')
    .selectAll('a').select(['e.branch_id', 'e.competition_id'])
    .where('a.network_id', '=', networkId).where('a.id', '=', id)
    .executeTakeFirst();
}

export async function deleteAwardRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('awards').where('id', '=', id).execute();
}

/** Awards of the given entries with what is known of their documents (not the content). */
export async function listAwards(db: Db, entryIds: readonly number[]) {
  if (entryIds.length === 0) return [];
  return db.selectFrom('awards as a')
    .leftJoin('award_documents as d', 'd.award_id', 'a.id')
    .selectAll('a')
    .select(['d.file_name', 'd.media_type', 'd.size_bytes', 'd.sha256', 'd.uploaded_at'])
    .where('a.entry_id', 'in', [...entryIds])
    .orderBy('a.id')
    .execute();
}

/** One document per award: a new upload replaces the old one. */
export async function saveAwardDocument(db: Db, values: Insertable<AwardDocumentsTable>): Promise<void> {
  await db.insertInto('award_documents').values(values)
    .onConflict((oc) => oc.column('award_id').doUpdateSet((eb) => ({
      file_name: eb.ref('excluded.file_name'),
      media_type: eb.ref('excluded.media_type'),
      size_bytes: eb.ref('excluded.size_bytes'),
      sha256: eb.ref('excluded.sha256'),
      content: eb.ref('excluded.content'),
      uploaded_at: sql<Date>`now()`,
    })))
    .execute();
}

/** The document with its content, for download. */
export async function findAwardDocument(db: Db, networkId: number, awardId: number) {
  return db.selectFrom('award_documents').selectAll().where('network_id', '=', networkId).where('award_id', '=', awardId).executeTakeFirst();
}

/** What is known of a document without reading its content. */
export async function findAwardDocumentInfo(db: Db, awardId: number) {
  return db.selectFrom('award_documents').select(['file_name', 'media_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('award_id', '=', awardId).executeTakeFirst();
}

/** Entries and prize results per branch for a year, with entries by level: one aggregate. */
export async function countAchievementsByBranch(db: Db, networkId: number, year: number, branch?: number) {
  const entriesAt = (level: CompetitionLevel) => sql<number>`count(DISTINCT e.id) FILTER (WHERE c.level = ${level})::int`;
  return db.selectFrom('competition_entries as e')
    .innerJoin('competitions as c', 'c.id', 'e.competition_id')
    .innerJoin('branches as b', 'b.id', 'e.branch_id')
    .leftJoin('awards as a', 'a.entry_id', 'e.id')
    .where('e.network_id', '=', networkId)
    .where('c.year', '=', year)
    .$if(branch !== undefined, (q) => q.where('e.branch_id', '=', branch!))
    .groupBy(['e.branch_id', 'b.name'])
    .select([
      'e.branch_id',
      'b.name as branch_name',
      sql<number>`count(DISTINCT e.id)::int`.as('entries'),
      sql<number>`count(a.id) FILTER (WHERE a.result IN (${sql.join([...PRIZE_RESULTS])}))::int`.as('prizes'),
      entriesAt('international').as('international'),
      entriesAt('national').as('national'),
      entriesAt('regional').as('regional'),
      entriesAt('inter_district').as('inter_district'),
      entriesAt('district').as('district'),
    ])
    .orderBy('prizes', 'desc').orderBy('entries', 'desc').orderBy('b.name')
    .execute();
}

// Jury work, conferences and honours: each a record with participants (a branch, or a staff member and their branch).

const PARTICIPANTS = {
  jury_memberships: { table: 'jury_members', parent: 'jury_membership_id' },
  conference_participations: { table: 'conference_participants', parent: 'conference_participation_id' },
  honours: { table: 'honour_recipients', parent: 'honour_id' },
} as const;
export type RecordTable = keyof typeof PARTICIPANTS;

export interface ParticipantRow {
  record_id: number;
  branch_id: number;
  branch_name: string;
  staff_member_id: number | null;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
}

export async function insertParticipants(
  db: Db, records: RecordTable, networkId: number, recordId: number,
  participants: readonly { branchId: number; staffMemberId: number | null }[],
): Promise<void> {
  const { table, parent } = PARTICIPANTS[records];
  const rows = participants.map((p) => sql`(${networkId}, ${recordId}, ${p.branchId}, ${p.staffMemberId})`);
  await sql`INSERT INTO ${sql.table(table)} (network_id, ${sql.ref(parent)}, branch_id, staff_member_id) VALUES ${sql.join(rows)}`.execute(db);
}

export async function listParticipants(db: Db, records: RecordTable, recordIds: readonly number[]): Promise<ParticipantRow[]> {
  if (recordIds.length === 0) return [];
  const { table, parent } = PARTICIPANTS[records];
  const result = await sql<ParticipantRow>`
    SELECT p.${sql.ref(parent)} AS record_id, p.branch_id, b.name AS branch_name, p.staff_member_id, s.last_name, s.first_name, s.middle_name
    FROM ${sql.table(table)} p
    JOIN branches b ON b.id = p.branch_id
    LEFT JOIN staff_members s ON s.id = p.staff_member_id
    WHERE p.${sql.ref(parent)} IN (${sql.join([...recordIds])})
    ORDER BY ${networkOrder}, b.name, s.last_name NULLS FIRST, s.first_name, p.staff_member_id`.execute(db);
  return result.rows;
}

export interface RecordFilter {
  id?: number;
  year?: number;
  branch?: number;
  /** Without a page, every record that matches (the year's summary). */
  page?: number;
  pageSize?: number;
}

/** The record has a participant of the branch (no condition without a branch). */
function participantOf(records: RecordTable, branch: number | undefined) {
  if (branch === undefined) return sql<boolean>`true`;
  const { table, parent } = PARTICIPANTS[records];
  return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} p WHERE p.${sql.ref(parent)} = r.id AND p.branch_id = ${branch})`;
}

export async function insertRecord<T extends RecordTable>(db: Db, records: T, values: Insertable<DB[T]>): Promise<number> {
  const inserted = await db.insertInto(records as RecordTable).values(values as Insertable<DB[RecordTable]>)
    .returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteRecordRow(db: Db, records: RecordTable, id: number): Promise<void> {
  await sql`DELETE FROM ${sql.table(records)} WHERE id = ${id}`.execute(db);
}

/** Jury work of the network's staff, newest year first. */
export async function listJuryMemberships(db: Db, networkId: number, filter: RecordFilter) {
  const query = db.selectFrom('jury_memberships as r').where('r.network_id', '=', networkId)
    .$if(filter.id !== undefined, (q) => q.where('r.id', '=', filter.id!))
    .$if(filter.year !== undefined, (q) => q.where('r.year', '=', filter.year!))
    .where(participantOf('jury_memberships', filter.branch));
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('r').orderBy('r.year', 'desc').orderBy('r.competition_name').orderBy('r.id')
    .$if(filter.pageSize !== undefined, (q) => q.limit(filter.pageSize!).offset(((filter.page ?? 1) - 1) * filter.pageSize!))
    .execute();
  return { total, rows };
}

export async function listConferenceParticipations(db: Db, networkId: number, filter: RecordFilter) {
  const query = db.selectFrom('conference_participations as r').where('r.network_id', '=', networkId)
    .$if(filter.id !== undefined, (q) => q.where('r.id', '=', filter.id!))
    .$if(filter.year !== undefined, (q) => q.where('r.year', '=', filter.year!))
    .where(participantOf('conference_participations', filter.branch));
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('r').orderBy('r.year', 'desc').orderBy(levelOrder('r.level')).orderBy('r.conference_name').orderBy('r.id')
    .$if(filter.pageSize !== undefined, (q) => q.limit(filter.pageSize!).offset(((filter.page ?? 1) - 1) * filter.pageSize!))
    .execute();
  return { total, rows };
}

export async function listHonours(db: Db, networkId: number, filter: RecordFilter) {
  const query = db.selectFrom('honours as r').where('r.network_id', '=', networkId)
    .$if(filter.id !== undefined, (q) => q.where('r.id', '=', filter.id!))
    .$if(filter.year !== undefined, (q) => q.where('r.year', '=', filter.year!))
    .where(participantOf('honours', filter.branch));
  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('r').orderBy('r.year', 'desc').orderBy('r.received_on', 'desc').orderBy('r.title').orderBy('r.id')
    .$if(filter.pageSize !== undefined, (q) => q.limit(filter.pageSize!).offset(((filter.page ?? 1) - 1) * filter.pageSize!))
    .execute();
  return { total, rows };
}
