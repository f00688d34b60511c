import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant: serialises concurrent runners (several servers starting on one PostgreSQL). */
const MIGRATION_LOCK_KEY = 7_301_001;

export async function listMigrations(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name)).sort();
}

/**
 * Applies the forward-only migrations not yet recorded, each in its own
 * transaction together with its record. Returns the names it applied.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: string[] = [];
  for (const name of await listMigrations()) {
    const text = await readFile(MIGRATIONS_DIR + name, 'utf8');
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await trx.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst();
      if (done) return false;
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (didApply) applied.push(name);
  }
  return applied;
}
