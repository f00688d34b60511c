import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { restoreBackup } from '../db/backup.js';
import { describeLocation, type ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { tableProgress, tablesAndRows } from './progress.js';

export function registerRestore(program: Command): void {
  addDatabaseOptions(program.command('restore'))
    .argument('<архив>', 'файл, записанный командой backup')
    .description(
      'восстановить базу данных из архива — только в пустую базу (новая папка PGlite или новая база PostgreSQL); при любой ошибке ничего не записывается',
    )
    .action(async (file: string, flags: ConfigFlags) => {
      const source = resolve(file);
      if (!existsSync(source)) throw new CliError(`Нет файла ${source}`);
      await withDatabase(flags, { migrate: true }, async ({ db }, location) => {
        console.error(`Восстановление: ${source} → ${describeLocation(location)}`);
        const summary = await restoreBackup(db, createReadStream(source), { onProgress: tableProgress() });
        console.log(`Готово: восстановлено ${tablesAndRows(summary)}`);
      });
    });
}
