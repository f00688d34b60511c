import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { BranchEventsTable, BranchesTable, DB, ServicePointsTable } from '../../db/schema.js';
import { hasChanges } from '../../db/changes.js';

type Db = Kysely<DB>;

export type BranchRow = Selectable<BranchesTable> & {
  opened_on: string | null;
  liquidated_on: string | null;
  is_active: boolean;
  days_active_in_year?: number;
};

/** First opening, and the liquidation date if the branch is closed today. */
const lifeColumns = [
  sql<string | null>`(SELECT min(p.started_on) FROM branch_periods p WHERE p.branch_id = b.id)`.as('opened_on'),
  sql<boolean>`EXISTS (SELECT 1 FROM branch_periods p WHERE p.branch_id = b.id
      AND p.started_on <= current_date AND (p.ended_on IS NULL OR p.ended_on > current_date))`.as('is_active'),
  sql<string | null>`(SELECT max(p.ended_on) FROM branch_periods p WHERE p.branch_id = b.id
      AND p.ended_on <= current_date)`.as('liquidated_on'),
] as const;

/** Days of year Y on which the branch existed (periods clipped to the year). */
const daysActiveInYear = (year: number) => sql<number>`(SELECT coalesce(sum(greatest(0,
    least(coalesce(p.ended_on, 'infinity'::date), make_date(${year}::int + 1, 1, 1))
    - greatest(p.started_on, make_date(${year}::int, 1, 1)))), 0)::int
  FROM branch_periods p WHERE p.branch_id = b.id)`;

/**
 * The branch aliased `b` existed on some day of year Y. Exported for other modules' queries that
 * list branches of a year (plans, statistics): the meaning of "existed" stays here, with the periods.
 */
export const branchExistedInYear = (year: number) => sql<boolean>`${daysActiveInYear(year)} > 0`;

/** Whether one branch of the network existed on some day of year Y. */
export async function didBranchExistInYear(db: Db, networkId: number, branchId: number, year: number): Promise<boolean> {
  const row = await db.selectFrom('branches as b').select(branchExistedInYear(year).as('existed'))
    .where('b.network_id', '=', networkId).where('b.id', '=', branchId).executeTakeFirst();
  return row?.existed ?? false;
}

const activeOn = (date: string) => sql<boolean>`EXISTS (SELECT 1 FROM branch_periods p WHERE p.branch_id = b.id
    AND p.started_on <= ${date}::date AND (p.ended_on IS NULL OR p.ended_on > ${date}::date))`;

export interface BranchFilter {
  activeOn?: string;
  year?: number;
  type?: BranchesTable['type'];
  q?: string;
  page: number;
  pageSize: number;
}

export async function listBranches(db: Db, networkId: number, filter: BranchFilter): Promise<{ total: number; rows: BranchRow[] }> {
  let query = db.selectFrom('branches as b').where('b.network_id', '=', networkId);
  if (filter.activeOn) query = query.where(activeOn(filter.activeOn));
  if (filter.year !== undefined) query = query.where(branchExistedInYear(filter.year));
  if (filter.type) query = query.where('b.type', '=', filter.type);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('b.name', 'ilike', pattern), eb('b.code', 'ilike', pattern), eb('b.settlement', 'ilike', pattern)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('b')
    .select(lifeColumns)
    .$if(filter.year !== undefined, (q) => q.select(daysActiveInYear(filter.year!).as('days_active_in_year')))
    .orderBy(sql`CASE b.type WHEN 'central' THEN 0 WHEN 'children' THEN 1 ELSE 2 END`)
    .orderBy('b.name')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { total: Number(total), rows: rows as BranchRow[] };
}

export async function findBranch(db: Db, networkId: number, id: number): Promise<BranchRow | undefined> {
  return db.selectFrom('branches as b').selectAll('b').select(lifeColumns)
    .where('b.network_id', '=', networkId).where('b.id', '=', id).executeTakeFirst();
}

export async function isBranchActiveOn(db: Db, branchId: number, date: string): Promise<boolean> {
  const row = await db.selectFrom('branches as b').select(activeOn(date).as('active')).where('b.id', '=', branchId).executeTakeFirst();
  return row?.active ?? false;
}

/**
 * Of the given (branch, day) pairs, those on which the branch did not exist (or is not the
 * network's): one query for a whole batch, e.g. a year of events checked against their branches.
 */
export async function findInactiveBranchDays(db: Db, networkId: number, days: { branchId: number; date: string }[]) {
  if (days.length === 0) return [];
  const { rows } = await sql<{ branchId: number; date: string }>`SELECT d.branch_id AS "branchId", d.day::text AS date
    FROM unnest(${days.map((day) => day.branchId)}::bigint[], ${days.map((day) => day.date)}::date[]) AS d(branch_id, day)
    WHERE NOT EXISTS (SELECT 1 FROM branch_periods p WHERE p.network_id = ${networkId} AND p.branch_id = d.branch_id
      AND p.started_on <= d.day AND (p.ended_on IS NULL OR p.ended_on > d.day))`.execute(db);
  return rows;
}

export async function findBranchIdByCode(db: Db, networkId: number, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('branches').select('id').where('network_id', '=', networkId).where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function findMissingBranchIds(db: Db, networkId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('branches').select('id').where('network_id', '=', networkId).where('id', 'in', ids).execute();
  const foundIds = new Set(found.map((row) => row.id));
  return ids.filter((id) => !foundIds.has(id));
}

export async function insertBranch(db: Db, values: Insertable<BranchesTable>): Promise<number> {
  const { id } = await db.insertInto('branches').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateBranchRow(db: Db, id: number, values: Updateable<BranchesTable>) {
  await db.updateTable('branches').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function insertBranchEvent(
  db: Db,
  values: Pick<Selectable<BranchEventsTable>, 'network_id' | 'branch_id' | 'kind' | 'occurred_on' | 'basis_kind' | 'basis'> & { details: Record<string, unknown> },
): Promise<number> {
  const { id } = await db.insertInto('branch_events')
    .values({ ...values, details: JSON.stringify(values.details) })
    .returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listBranchEvents(db: Db, branchId: number) {
  return db.selectFrom('branch_events').selectAll().where('branch_id', '=', branchId).orderBy('occurred_on').orderBy('id').execute();
}

export async function listServicePoints(db: Db, networkId: number, branchId?: number) {
  return db.selectFrom('service_points').selectAll().where('network_id', '=', networkId)
    .$if(branchId !== undefined, (q) => q.where('branch_id', '=', branchId!))
    .orderBy('name').execute();
}

export async function findServicePoint(db: Db, networkId: number, id: number) {
  return db.selectFrom('service_points').selectAll().where('network_id', '=', networkId).where('id', '=', id).executeTakeFirst();
}

export async function insertServicePoint(db: Db, values: Insertable<ServicePointsTable>): Promise<number> {
  const { id } = await db.insertInto('service_points').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateServicePointRow(db: Db, id: number, values: Updateable<ServicePointsTable>) {
  if (!hasChanges(values)) return;
  await db.updateTable('service_points').set(values).where('id', '=', id).execute();
}

export async function findNetwork(db: Db, id: number) {
  return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listNetworks(db: Db) {
  return db.selectFrom('networks').selectAll().orderBy('id').execute();
}

export async function findNetworkByCode(db: Db, code: string) {
  return db.selectFrom('networks').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertNetwork(db: Db, values: { code: string; name: string; full_name: string }): Promise<number> {
  const { id } = await db.insertInto('networks').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}
