import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { openDatabase, type Database, type DatabaseLocation } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { refreshCatalogueProjection } from '../modules/catalogue/index.js';
import { resolveDatabaseLocation, type ConfigFlags } from '../server/config.js';
import { lockDataDir } from './data-lock.js';
import { CliError } from './errors.js';
import { projectionProgress } from './progress.js';

/** The options every command takes to find the database. */
export function addDatabaseOptions(command: Command): Command {
  return command
    .option('--data <папка>', 'папка встроенной базы PGlite (или BIBLIOSET_DATA; по умолчанию ./data)')
    .option('--database-url <адрес>', 'база PostgreSQL postgres://… вместо PGlite (или DATABASE_URL)');
}

export interface OpenOptions {
  /** Refuse a PGlite folder with no database in it instead of creating one (commands that only read). */
  mustExist?: boolean;
  /** Apply pending migrations after opening, and bring the catalogue's projection up to date. */
  migrate?: boolean;
}

/**
 * Opens the database for a command: a PGlite folder is locked for this process and
 * created if missing (unless `mustExist`); close() releases it.
 */
export async function openForCommand(location: DatabaseLocation, options: OpenOptions = {}): Promise<Database> {
  if (!('dataDir' in location)) return prepare(await openDatabase(location), options);
  const { dataDir } = location;
  if (options.mustExist && !existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new CliError(`В папке ${dataDir} нет базы данных Biblioset: укажите папку с данными (--data или BIBLIOSET_DATA)`);
  }
  const release = lockDataDir(dataDir);
  let database: Database;
  try {
    database = await openDatabase(location);
  } catch (error) {
    release();
    throw error;
  }
  return prepare(
    {
      ...database,
      async close() {
        try {
          await database.close();
        } finally {
          release();
        }
      },
    },
    options,
  );
}

async function prepare(database: Database, options: OpenOptions): Promise<Database> {
  if (!options.migrate) return database;
  try {
    await migrate(database.db);
    const { failed } = await refreshCatalogueProjection({ db: database.db, onProgress: projectionProgress() });
    for (const { id, reason } of failed) process.stderr.write(`  Каталог: запись ${id} оставлена как была: ${reason}\n`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Runs `work` on the database named by the flags and closes it whatever happens. */
export async function withDatabase<T>(
  flags: ConfigFlags,
  options: OpenOptions,
  work: (database: Database, location: DatabaseLocation) => Promise<T>,
): Promise<T> {
  const location = resolveDatabaseLocation(flags);
  const database = await openForCommand(location, options);
  try {
    return await work(database, location);
  } finally {
    await database.close();
  }
}
