import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Database } from '../db/database.js';
import { failInterruptedUploads, loadCatalogueSearchIndex } from '../modules/catalogue/index.js';
import { WEB_DIST } from '../server/app.js';
import { describeLocation, resolveServerConfig, type ConfigFlags, type ServerConfig } from '../server/config.js';
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

/**
 * Loads the catalogue's search index in the background (a million records take tens of seconds; searches wait
 * for it) and says when it is ready. `announce`: print the line (one process of several prints it).
 */
function loadSearchIndex(database: Database, announce: boolean): void {
  const started = performance.now();
  loadCatalogueSearchIndex(database.db).then(
    (records) => {
      if (announce) console.log(`  Поиск по каталогу готов: записей ${records}, ${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} с.`);
    },
    // The server stopped while it loaded, or the database failed: the next search tries again and reports it.
    () => undefined,
  );
}

/** Serves the open database until a signal stops the server and closes it (closed at once if the server cannot start): the address. */
async function serveDatabase(database: Database, config: ServerConfig): Promise<string> {
  const server = await startServer({ database, config }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  stopOnSignals(async () => {
    await server.close();
    await database.close();
  });
  return server.url;
}

/** A process of several (see ServerConfig.workers): the database is prepared by the first; this one serves. */
async function serveAsWorker(config: ServerConfig): Promise<void> {
  const database = await openForCommand(config.database);
  process.send!({ listening: await serveDatabase(database, config) });
  loadSearchIndex(database, cluster.worker!.id === 1);
}

/**
 * Starts `count` server processes on the same port (node:cluster: connections are handed to them in turn) and
 * waits until all listen; one that stops later is replaced. Returns the address to open.
 */
async function startWorkers(count: number): Promise<string> {
  let stopping = false;
  const urls = await Promise.all(Array.from({ length: count }, () => new Promise<string>((resolve, reject) => {
    const worker = cluster.fork();
    worker.on('message', (message: { listening?: string }) => message.listening && resolve(message.listening));
    worker.on('exit', (code) => reject(new Error(`Процесс сервера завершился при запуске (код ${code})`)));
  })));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`Процесс сервера ${worker.process.pid} завершился (${signal ?? `код ${code}`}); запускаю новый.`);
    cluster.fork();
  });
  stopOnSignals(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.process.kill('SIGTERM');
    })));
  });
  return urls[0]!;
}

export function registerServe(program: Command): void {
  addDatabaseOptions(program.command('serve'))
    .description('запустить веб-сервер; при первом запуске на пустой базе — загрузить демонстрационную сеть и создать администратора')
    .option('-p, --port <порт>', 'порт (или PORT; по умолчанию 3000; 0 — любой свободный)')
    .option('--host <адрес>', 'сетевой адрес (или HOST; по умолчанию 127.0.0.1 — только этот компьютер, 0.0.0.0 — вся сеть)')
    .option('--workers <число>', 'процессов сервера (или BIBLIOSET_WORKERS; на PostgreSQL по умолчанию — по числу ядер, на PGlite — один)')
    .action(async (flags: ConfigFlags) => {
      const config = resolveServerConfig(flags);
      if (cluster.isWorker) return serveAsWorker(config);
      const adminPassword = adminPasswordFromEnv();
      const database = await openForCommand(config.database, { migrate: true });
      let notes: string[];
      try {
        notes = await prepareDatabase(database, adminPassword);
      } catch (error) {
        await database.close();
        throw error;
      }
      let url: string;
      if (config.workers === 1) {
        url = await serveDatabase(database, config);
      } else {
        await database.close();
        url = await startWorkers(config.workers);
      }
      console.log(
        [
          `Biblioset запущен за ${process.uptime().toFixed(1).replace('.', ',')} с. База данных: ${describeLocation(config.database)}.`,
          ...notes,
          `  Откройте в браузере: ${url} (сотрудникам)`,
          `  Публичный каталог для читателей: ${new URL('/', url).href}, SRU: ${new URL('/sru', url).href}`,
          ...(config.workers > 1 ? [`  Процессов сервера: ${config.workers} (у каждого свой индекс поиска в памяти).`] : []),
          ...(existsSync(WEB_DIST) ? [] : ['  Веб-интерфейс не собран: выполните «npm run build:web» (API работает: /api/docs).']),
          ...(config.host === '127.0.0.1' ? ['  Сервер доступен только с этого компьютера; для доступа из сети: HOST=0.0.0.0.'] : []),
          'Остановить: Ctrl+C.',
        ].join('\n'),
      );
      if (config.workers === 1) loadSearchIndex(database, true);
    });
}
