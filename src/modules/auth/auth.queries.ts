import { sql, type Kysely } from 'kysely';
import type { AuditAction, DB, Role } from '../../db/schema.js';
import type { Actor } from './policy.js';

type Db = Kysely<DB>;

export interface UserRow {
  id: number;
  network_id: number;
  login: string;
  full_name: string;
  role: Role;
  is_active: boolean;
  created_at: Date;
  branch_ids: number[];
}

const userColumns = (db: Db) =>
  db.selectFrom('users as u').select([
    'u.id', 'u.network_id', 'u.login', 'u.full_name', 'u.role', 'u.is_active', 'u.created_at',
    sql<number[]>`coalesce((SELECT array_agg(ub.branch_id::int ORDER BY ub.branch_id) FROM user_branches ub WHERE ub.user_id = u.id), '{}')`.as('branch_ids'),
  ]);

export async function findUserById(db: Db, networkId: number, id: number): Promise<UserRow | undefined> {
  return userColumns(db).where('u.network_id', '=', networkId).where('u.id', '=', id).executeTakeFirst();
}

export async function findUserForLogin(db: Db, login: string) {
  return db.selectFrom('users').select(['id', 'network_id', 'password_hash', 'is_active']).where('login', '=', login).executeTakeFirst();
}

export async function loginExists(db: Db, login: string): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst());
}

export async function listUsers(db: Db, networkId: number): Promise<UserRow[]> {
  return userColumns(db).where('u.network_id', '=', networkId).orderBy('u.login').execute();
}

export async function insertUser(
  db: Db,
  values: { network_id: number; login: string; password_hash: string; full_name: string; role: Role },
): Promise<number> {
  const { id } = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateUserRow(
  db: Db,
  id: number,
  values: Partial<{ full_name: string; role: Role; is_active: boolean; password_hash: string }>,
): Promise<void> {
  await db.updateTable('users').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function replaceUserBranches(db: Db, networkId: number, userId: number, branchIds: number[]): Promise<void> {
  await db.deleteFrom('user_branches').where('user_id', '=', userId).execute();
  if (branchIds.length) {
    await db.insertInto('user_branches')
      .values(branchIds.map((branch_id) => ({ network_id: networkId, user_id: userId, branch_id })))
      .execute();
  }
}

export async function insertSession(db: Db, values: { token_hash: string; network_id: number; user_id: number; expires_at: Date }) {
  await db.insertInto('sessions').values(values).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** The actor behind a live session of an active user, or undefined. */
export async function findSessionActor(db: Db, tokenHash: string): Promise<Actor | undefined> {
  const row = await userColumns(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .where('u.is_active', '=', true)
    .executeTakeFirst();
  return row && { userId: row.id, networkId: row.network_id, login: row.login, fullName: row.full_name, role: row.role, branchIds: row.branch_ids };
}

export async function countRecentLoginFailures(db: Db, login: string, since: Date): Promise<number> {
  const { count } = await db.selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('login', '=', login).where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertLoginFailure(db: Db, login: string): Promise<void> {
  await db.insertInto('login_failures').values({ login }).execute();
}

export async function deleteLoginFailures(db: Db, login: string): Promise<void> {
  await db.deleteFrom('login_failures').where('login', '=', login).execute();
}

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: number | null;
  before?: object | null;
  after?: object | null;
}

export async function insertAuditEntries(db: Db, networkId: number, userId: number | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('audit_log').values(entries.map((entry) => ({
    network_id: networkId,
    user_id: userId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
  }))).execute();
}

export interface AuditFilter {
  entity?: string;
  entityId?: number;
  userId?: number;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAuditEntries(db: Db, networkId: number, filter: AuditFilter) {
  let query = db.selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .where('a.network_id', '=', networkId);
  if (filter.entity) query = query.where('a.entity', '=', filter.entity);
  if (filter.entityId) query = query.where('a.entity_id', '=', filter.entityId);
  if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
  if (filter.from) query = query.where('a.at', '>=', new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) query = query.where('a.at', '<', sql<Date>`${filter.to}::date + 1`);
  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query.select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'a.user_id', 'u.login', 'u.full_name'])
      .orderBy('a.id', 'desc')
      .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { total: Number(total), items };
}
