import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../db/database.js';
import { failInterruptedUploads } from '../modules/catalogue/index.js';
import { WEB_DIST } from '../server/app.js';
import { describeLocation, resolveServerConfig, type ConfigFlags } from '../server/config.js';
import { startServer, stopOnSignals } from '../server/main.js';
import { addDatabaseOptions, openForCommand } from './database.js';
import { adminPasswordFromEnv, ensureAdministrator, formatAdministrator, isEmptyDatabase } from './first-start.js';

async function prepareDatabase(database: Database, adminPassword: string | undefined): Promise<string[]> {
  const notes: string[] = [];
  if (await isEmptyDatabase(database.db)) {
    console.log('Первый запуск: загружаю демонстрационную сеть…');
    // Loaded only here, so that later starts do not pay for the demo data.
    const { loadDemoNetwork } = await import('../demo/index.js');
    const demo = await loadDemoNetwork(database.db);
    notes.push(`  Загружена демонстрационная сеть (код ${demo.networkCode}).`);
  }
  const admin = await ensureAdministrator(database.db, adminPassword);
  if (admin) notes.push(formatAdministrator(admin));
  const interrupted = await failInterruptedUploads(database.db);
  if (interrupted > 0) notes.push(`  Загрузок каталога, прерванных остановкой сервера: ${interrupted} (отмечены как неудачные).`);
  return notes;
}

export function registerServe(program: Command): void {
  addDatabaseOptions(program.command('serve'))
    .description('запустить веб-сервер; при первом запуске на пустой базе — загрузить демонстрационную сеть и создать администратора')
    .option('-p, --port <порт>', 'порт (или PORT; по умолчанию 3000; 0 — любой свободный)')
    .option('--host <адрес>', 'сетевой адрес (или HOST; по умолчанию 127.0.0.1 — только этот компьютер, 0.0.0.0 — вся сеть)')
    .action(async (flags: ConfigFlags) => {
      const config = resolveServerConfig(flags);
      const adminPassword = adminPasswordFromEnv();
      const database = await openForCommand(config.database, { migrate: true });
      let notes: string[];
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        notes = await prepareDatabase(database, adminPassword);
        server = await startServer({ database, config });
      } catch (error) {
        await database.close();
        throw error;
      }
      stopOnSignals(async () => {
        await server.close();
        await database.close();
      });
      console.log(
        [
          `Biblioset запущен за ${process.uptime().toFixed(1).replace('.', ',')} с. База данных: ${describeLocation(config.database)}.`,
          ...notes,
          `  Откройте в браузере: ${server.url} (сотрудникам)`,
          `  Публичный каталог для читателей: ${new URL('/', server.url).href}, SRU: ${new URL('/sru', server.url).href}`,
          ...(existsSync(WEB_DIST) ? [] : ['  Веб-интерфейс не собран: выполните «npm run build:web» (API работает: /api/docs).']),
          ...(config.host === '127.0.0.1' ? ['  Сервер доступен только с этого компьютера; для доступа из сети: HOST=0.0.0.0.'] : []),
          'Остановить: Ctrl+C.',
        ].join('\n'),
      );
    });
}
