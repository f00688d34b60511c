import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, SeminarsTable, StaffMembersTable, StaffPositionsTable, TrainingsTable, TrainingTopic } from '../../db/schema.js';
import { hasChanges } from '../../db/changes.js';

type Db = Kysely<DB>;
export type StaffMemberRow = Selectable<StaffMembersTable> & { branch_name: string };

const staffWithBranch = (db: Db, networkId: number) =>
  db.selectFrom('staff_members as s')
    .innerJoin('branches as b', 'b.id', 's.branch_id')
    .where('s.network_id', '=', networkId);

export interface StaffFilter {
  branch?: number;
  activeOn?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listStaffMembers(db: Db, networkId: number, filter: StaffFilter) {
  let query = staffWithBranch(db, networkId);
  if (filter.branch) query = query.where('s.branch_id', '=', filter.branch);
  if (filter.activeOn) {
    query = query.where('s.hired_on', '<=', filter.activeOn)
      .where((eb) => eb.or([eb('s.dismissed_on', 'is', null), eb('s.dismissed_on', '>', filter.activeOn!)]));
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([
      eb(sql`s.last_name || ' ' || s.first_name || ' ' || s.middle_name`, 'ilike', pattern),
      eb('s.position', 'ilike', pattern),
    ]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('s').select('b.name as branch_name')
    .orderBy('s.last_name').orderBy('s.first_name').orderBy('s.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

export async function findStaffMember(db: Db, networkId: number, id: number): Promise<StaffMemberRow | undefined> {
  return staffWithBranch(db, networkId).selectAll('s').select('b.name as branch_name').where('s.id', '=', id).executeTakeFirst();
}

export async function insertStaffMember(db: Db, values: Insertable<StaffMembersTable>): Promise<number> {
  const { id } = await db.insertInto('staff_members').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateStaffMemberRow(db: Db, id: number, values: Updateable<StaffMembersTable>): Promise<void> {
  await db.updateTable('staff_members').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function listTrainings(db: Db, staffMemberId: number) {
  return db.selectFrom('trainings').selectAll().where('staff_member_id', '=', staffMemberId).orderBy('finished_on', 'desc').orderBy('id').execute();
}

export async function findTraining(db: Db, networkId: number, id: number) {
  return db.selectFrom('trainings').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function insertTraining(db: Db, values: Insertable<TrainingsTable>): Promise<number> {
  const { id } = await db.insertInto('trainings').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteTrainingRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('trainings').where('id', '=', id).execute();
}

export async function listStaffPositions(db: Db, networkId: number, filter: { branch?: number; activeOn?: string }) {
  let query = db.selectFrom('staff_positions').selectAll().where('network_id', '=', networkId);
  if (filter.branch) query = query.where('branch_id', '=', filter.branch);
  if (filter.activeOn) {
    query = query.where('valid_from', '<=', filter.activeOn)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', filter.activeOn!)]));
  }
  return query.orderBy('branch_id').orderBy('title').execute();
}

export async function findStaffPosition(db: Db, networkId: number, id: number) {
  return db.selectFrom('staff_positions').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function insertStaffPosition(db: Db, values: Insertable<StaffPositionsTable>): Promise<number> {
  const { id } = await db.insertInto('staff_positions').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateStaffPositionRow(db: Db, id: number, values: Updateable<StaffPositionsTable>): Promise<void> {
  if (!hasChanges(values)) return;
  await db.updateTable('staff_positions').set(values).where('id', '=', id).execute();
}

/**
 * 6-НК section 6 as of a date, in one aggregate: people employed on the date and posts valid
 * on it. Experience counts whole years since the start of library work; age, whole years.
 */
export async function computeStaffStatistics(db: Db, networkId: number, date: string, branchId?: number) {
  const years = (since: string) => sql<number>`extract(year FROM age(${date}::date, ${sql.ref(since)}))`;
  const core = sql<boolean>`s.is_core_staff`;
  const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`count(*) FILTER (WHERE ${condition})::int`;
  const people = await db.selectFrom('staff_members as s')
    .where('s.network_id', '=', networkId)
    .$if(branchId !== undefined, (q) => q.where('s.branch_id', '=', branchId!))
    .where('s.hired_on', '<=', date)
    .where((eb) => eb.or([eb('s.dismissed_on', 'is', null), eb('s.dismissed_on', '>', date)]))
    .select([
      sql<number>`count(*)::int`.as('headcount'),
      count(sql`s.has_disability`).as('with_disability'),
      count(core).as('core_staff'),
      count(sql`${core} AND s.education = 'higher'`).as('higher'),
      count(sql`${core} AND s.education = 'higher' AND s.has_library_education`).as('higher_library'),
      count(sql`${core} AND s.education = 'secondary_vocational'`).as('secondary'),
      count(sql`${core} AND s.education = 'secondary_vocational' AND s.has_library_education`).as('secondary_library'),
      count(sql`${core} AND ${years('s.library_experience_since')} < 3`).as('experience_up_to_3'),
      count(sql`${core} AND ${years('s.library_experience_since')} BETWEEN 3 AND 10`).as('experience_3_to_10'),
      count(sql`${core} AND ${years('s.library_experience_since')} > 10`).as('experience_over_10'),
      count(sql`${core} AND ${years('s.birth_date')} < 30`).as('age_under_30'),
      count(sql`${core} AND ${years('s.birth_date')} BETWEEN 30 AND 54`).as('age_30_to_55'),
      count(sql`${core} AND ${years('s.birth_date')} >= 55`).as('age_55_and_over'),
    ])
    .executeTakeFirstOrThrow();
  const posts = await db.selectFrom('staff_positions')
    .where('network_id', '=', networkId)
    .$if(branchId !== undefined, (q) => q.where('branch_id', '=', branchId!))
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .select(sql<number>`coalesce(sum(rate), 0)`.as('posts'))
    .executeTakeFirstOrThrow();
  return { ...people, posts: Number(posts.posts) };
}

/** The branch of each given staff member of the network; an id missing from the map is not in the network. */
export async function findStaffMemberBranches(db: Db, networkId: number, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff_members').select(['id', 'branch_id'])
    .where('network_id', '=', networkId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.branch_id]));
}

/** Dates of a year as a range, so that an index on the date column serves the filter. */
const withinYear = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export interface TrainingFilter {
  year?: number;
  branch?: number;
  topic?: TrainingTopic;
  q?: string;
}

const trainingsOfNetwork = (db: Db, networkId: number, filter: TrainingFilter) => {
  let query = db.selectFrom('trainings as t')
    .innerJoin('staff_members as s', 's.id', 't.staff_member_id')
    .innerJoin('branches as b', 'b.id', 's.branch_id')
    .where('t.network_id', '=', networkId);
  if (filter.year !== undefined) query = query.where('t.finished_on', '>=', withinYear(filter.year)[0]).where('t.finished_on', '<=', withinYear(filter.year)[1]);
  if (filter.branch !== undefined) query = query.where('s.branch_id', '=', filter.branch);
  if (filter.topic) query = query.where('t.topic', '=', filter.topic);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('t.course', 'ilike', pattern), eb('t.provider', 'ilike', pattern), eb('s.last_name', 'ilike', pattern)]));
  }
  return query;
};

/** Training records of the whole network, newest first, with whose they are. */
export async function listNetworkTrainings(db: Db, networkId: number, filter: TrainingFilter & { page: number; pageSize: number }) {
  const query = trainingsOfNetwork(db, networkId, filter);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('t')
    .select(['s.last_name', 's.first_name', 's.middle_name', 's.branch_id', 'b.name as branch_name'])
    .orderBy('t.finished_on', 'desc').orderBy('s.last_name').orderBy('t.id')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/**
 * People, distinct courses, records and hours of a year by topic, and over all topics (the row
 * whose topic is null), in one aggregate: a person trained on two topics counts once in the total.
 */
export async function computeTrainingStatistics(db: Db, networkId: number, year: number, branch?: number) {
  return trainingsOfNetwork(db, networkId, { year, branch })
    .select([
      sql<TrainingTopic | null>`CASE WHEN grouping(t.topic) = 0 THEN t.topic END`.as('topic'),
      sql<number>`count(DISTINCT t.staff_member_id)::int`.as('people'),
      sql<number>`count(DISTINCT lower(t.course))::int`.as('courses'),
      sql<number>`count(*)::int`.as('certificates'),
      sql<number>`coalesce(sum(t.hours), 0)::int`.as('hours'),
    ])
    .groupBy(sql`GROUPING SETS ((t.topic), ())`)
    .orderBy(sql`count(DISTINCT t.staff_member_id)`, 'desc')
    .execute();
}

export async function insertSeminar(db: Db, values: Insertable<SeminarsTable>): Promise<number> {
  const { id } = await db.insertInto('seminars').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertSeminarAttendees(db: Db, networkId: number, seminarId: number, staffMemberIds: readonly number[]) {
  if (staffMemberIds.length === 0) return;
  await db.insertInto('seminar_attendees')
    .values(staffMemberIds.map((staffMemberId) => ({ network_id: networkId, seminar_id: seminarId, staff_member_id: staffMemberId })))
    .execute();
}

export async function findSeminar(db: Db, networkId: number, id: number) {
  return db.selectFrom('seminars').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function deleteSeminarRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('seminars').where('id', '=', id).execute();
}

export async function listSeminars(db: Db, networkId: number, filter: { year?: number; branch?: number; page: number; pageSize: number }) {
  let query = db.selectFrom('seminars as m').where('m.network_id', '=', networkId);
  if (filter.year !== undefined) query = query.where('m.held_on', '>=', withinYear(filter.year)[0]).where('m.held_on', '<=', withinYear(filter.year)[1]);
  if (filter.branch !== undefined) {
    query = query.where(({ exists, selectFrom }) => exists(selectFrom('seminar_attendees as a')
      .innerJoin('staff_members as s', 's.id', 'a.staff_member_id')
      .whereRef('a.seminar_id', '=', 'm.id').where('s.branch_id', '=', filter.branch!).select('a.seminar_id')));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('m').orderBy('m.held_on', 'desc').orderBy('m.id', 'desc')
    .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute();
  return { total: Number(total), rows };
}

export async function listSeminarAttendees(db: Db, seminarIds: readonly number[]) {
  if (seminarIds.length === 0) return [];
  return db.selectFrom('seminar_attendees as a')
    .innerJoin('staff_members as s', 's.id', 'a.staff_member_id')
    .innerJoin('branches as b', 'b.id', 's.branch_id')
    .select(['a.seminar_id', 's.id', 's.last_name', 's.first_name', 's.middle_name', 's.branch_id', 'b.name as branch_name'])
    .where('a.seminar_id', 'in', [...seminarIds])
    .orderBy('s.last_name').orderBy('s.first_name').orderBy('s.id')
    .execute();
}
