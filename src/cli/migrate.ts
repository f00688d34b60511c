import type { Command } from 'commander';
import { migrate } from '../db/migrate.js';
import { describeLocation, type ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';

export function registerMigrate(program: Command): void {
  addDatabaseOptions(program.command('migrate'))
    .description('создать или обновить таблицы базы данных (применить новые миграции)')
    .action(async (flags: ConfigFlags) => {
      await withDatabase(flags, {}, async (database, location) => {
        const applied = await migrate(database.db);
        console.log(`База данных: ${describeLocation(location)}`);
        console.log(
          applied.length
            ? `Применены миграции:\n${applied.map((name) => `  ${name}`).join('\n')}`
            : 'Новых миграций нет: база данных в актуальном состоянии',
        );
      });
    });
}
