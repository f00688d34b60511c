import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped on close).
 */
export function openTestDatabase(): Promise<Database> {
  return openScratchDatabase(process.env.TEST_DATABASE_URL, 'biblioset_test');
}

/**
 * A fresh, migrated, throw-away database (tests and benchmarks): in-memory PGlite without a server URL,
 * else a new database `<prefix>_<random>` on that PostgreSQL server, dropped when the database is closed.
 */
export async function openScratchDatabase(serverUrl: string | undefined, prefix: string): Promise<Database> {
  if (!serverUrl) {
    const database = await openDatabase({ memory: true });
    await migrate(database.db);
    return database;
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await migrate(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await withAdminClient(serverUrl, (client) => dropWhenLeft(client, name));
    },
  };
}

/**
 * Drops a database once its sessions are gone. The pool has told its sessions to end, but their server
 * processes may take a moment to exit; FORCE at once would kill them while they end, and the client
 * then receives a FATAL "terminating connection" it no longer listens for (an uncaught error in a
 * test run on a busy machine). So: plain DROP, retried while the database is in use, FORCE as the last resort.
 */
async function dropWhenLeft(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Runs `work` with a client of its own on the server at `url` (creating and dropping databases), closed after. */
export async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
