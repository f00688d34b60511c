import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, StaffMembersTable, StaffPositionsTable, TrainingsTable } from '../../db/schema.js';

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
