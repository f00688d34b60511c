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
