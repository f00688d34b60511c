import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { writeBackup } from '../db/backup.js';
import { describeLocation, type ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { fileSize, tableProgress, tablesAndRows } from './progress.js';
import { writeFileWhole } from './write-file-whole.js';

interface BackupFlags extends ConfigFlags {
  out: string;
  force?: boolean;
}

export function registerBackup(program: Command): void {
  addDatabaseOptions(program.command('backup'))
    .description('сохранить всю базу данных в переносимый архив (gzip, NDJSON); восстанавливается командой restore на PGlite и PostgreSQL')
    .requiredOption('-o, --out <файл>', 'куда записать архив, например biblioset-2025-01-31.ndjson.gz')
    .option('-f, --force', 'перезаписать файл, если он уже есть')
    .action(async (flags: BackupFlags) => {
      const target = resolve(flags.out);
      if (existsSync(target) && !flags.force) throw new CliError(`Файл ${target} уже существует (перезаписать: --force)`);
      await withDatabase(flags, { mustExist: true }, async (database, location) => {
        console.error(`Резервная копия: ${describeLocation(location)} → ${target}`);
        const summary = await writeFileWhole(target, { force: flags.force === true }, (out) => writeBackup(database, out, { onProgress: tableProgress() }));
        console.log(`Готово: ${tablesAndRows(summary)}, ${fileSize(statSync(target).size)} — ${target}`);
      });
    });
}
