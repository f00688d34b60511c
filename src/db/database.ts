import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.js';
import type { DB } from './schema.js';

export type Engine = 'pglite' | 'postgresql';

/** Where the data lives: a PostgreSQL URL, a PGlite data folder, or (tests) memory. */
export type DatabaseLocation = { databaseUrl: string } | { dataDir: string } | { memory: true };

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * One way of reading values on both engines, so that the API and backups do not
 * depend on the engine: ids and counts (int8) and posts (numeric) as numbers,
 * dates as 'YYYY-MM-DD' strings (a JS Date would shift them by the time zone).
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (value) => Number(value),
  [OID.numeric]: (value) => Number(value),
  [OID.date]: (value) => value,
};

async function openPGlite(dataDir: string | undefined): Promise<PGlite> {
  // pg_trgm (catalogue typo tolerance) is a contrib extension PGlite loads only when asked.
  const pglite = await PGlite.create(dataDir, { parsers, extensions: { pg_trgm } });
  await pglite.exec(`SET TimeZone = 'UTC'`);
  return pglite;
}

/**
 * JIT compilation off: PostgreSQL compiles a statement whose estimated cost passes jit_above_cost
 * (100,000) — a catalogue search over a million records often does — and compiling took 31 ms of a
 * 134 ms search (auto_explain, 1,000,000 records), more than most searches take in all. Our statements
 * are short; none gains from it. PGlite has no JIT.
 */
function openPostgresPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    options: '-c TimeZone=UTC -c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Queued before the connection's first statement; a server without lz4 keeps its default, quietly.
  pool.on('connect', (client) => void client.query(LZ4_WHERE_AVAILABLE).catch(() => undefined));
  return pool;
}

/**
 * New values too large for a row (a catalogue record's JSON: 99 % of them, ~2.2 KB each, stored in ~0.9 KB) are
 * compressed with lz4 instead of pglz where the server has it: importing 200,000 records took 3,391–3,449
 * records/s against 3,098–3,258 (session 5, `bench/import-marc.ts`, runs alternated). Not a connection option:
 * a server built without lz4 would refuse the connection. PGlite keeps its default.
 */
const LZ4_WHERE_AVAILABLE = `DO $$ BEGIN SET default_toast_compression = 'lz4'; EXCEPTION WHEN invalid_parameter_value THEN NULL; END $$`;

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if ('databaseUrl' in location) {
    const pool = openPostgresPool(location.databaseUrl);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgresql', close: () => db.destroy() };
  }
  const pglite = await openPGlite('dataDir' in location ? location.dataDir : undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
