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

/** «Поиск по каталогу готов: записей N, X с.» — printed once the search index is loaded (by every process, if several). */
const indexReadyLine = (records: number, seconds: number) =>
  `  Поиск по каталогу готов: записей ${records}, ${seconds.toFixed(1).replace('.', ',')} с.`;

/**
 * Loads the catalogue's search index in the background (a million records take tens of seconds; searches wait
 * for it) and reports when it is ready. A failed load is said on stderr; the next search tries again.
 */
function loadSearchIndex(database: Database, onLoaded: (records: number, seconds: number) => void): void {
  const started = performance.now();
  loadCatalogueSearchIndex(database.db).then(
    (records) => onLoaded(records, (performance.now() - started) / 1000),
    (error: unknown) => console.error(`Индекс поиска не загружен (попробую при первом поиске): ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Serves the open database (closed at once if the server cannot start): its address and how to stop it. */
async function serveDatabase(database: Database, config: ServerConfig): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await startServer({ database, config }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  return {
    url: server.url,
    stop: async () => {
      await server.close();
      await database.close();
    },
  };
}

/** What a worker and the first process tell each other. */
interface WorkerMessage {
  listening?: string;
  indexLoaded?: { records: number; seconds: number };
  stop?: true;
}

/**
 * A process of several (see ServerConfig.workers): the database is prepared by the first; this one serves.
 * Signals are the first process's to handle — Ctrl+C reaches the whole process group, and a worker taking it
 * as well would see the first process's request as a second signal and stop by force —; the first process
 * asks each worker to stop by a message, and a worker whose first process is gone stops too.
 */
async function serveAsWorker(config: ServerConfig): Promise<void> {
  const database = await openForCommand(config.database);
  const { url, stop } = await serveDatabase(database, config);
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  let stopping = false;
  const stopOnce = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0), (error: unknown) => {
      console.error(`Ошибка при остановке процесса сервера: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  };
  process.on('message', (message: WorkerMessage) => message.stop && stopOnce());
  process.on('disconnect', stopOnce);
  process.send!({ listening: url } satisfies WorkerMessage);
  loadSearchIndex(database, (records, seconds) => process.send!({ indexLoaded: { records, seconds } } satisfies WorkerMessage));
}

/**
 * Starts `count` server processes on the same port (node:cluster: connections are handed to them in turn) and
 * waits until all listen; one that stops later is replaced (a second later, so that a process failing at once
 * does not spin). Says when every process has loaded its search index — listened for before the first fork, as
 * a quick process can report its index before a slow one listens. Returns the address to open.
 */
async function startWorkers(count: number): Promise<string> {
  let stopping = false;
  const loaded = new Map<number, { records: number; seconds: number }>();
  cluster.on('message', (worker, message: WorkerMessage) => {
    if (!message.indexLoaded || loaded.size === count) return;
    loaded.set(worker.id, message.indexLoaded);
    if (loaded.size === count) {
      const slowest = Math.max(...[...loaded.values()].map((entry) => entry.seconds));
      console.log(indexReadyLine(message.indexLoaded.records, slowest));
    }
  });
  const urls = await Promise.all(Array.from({ length: count }, () => new Promise<string>((resolve, reject) => {
    const worker = cluster.fork();
    worker.on('message', (message: WorkerMessage) => message.listening && resolve(message.listening));
    worker.on('exit', (code) => reject(new Error(`Процесс сервера завершился при запуске (код ${code})`)));
  })));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    loaded.delete(worker.id);
    console.error(`Процесс сервера ${worker.process.pid} завершился (${signal ?? `код ${code}`}); запускаю новый.`);
    setTimeout(() => stopping || cluster.fork(), 1000);
  });
  stopOnSignals(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    const codes = await Promise.all(workers.map((worker) => new Promise<number | null>((resolve) => {
      worker.once('exit', (code) => resolve(code));
      worker.send({ stop: true } satisfies WorkerMessage);
    })));
    const failed = codes.filter((code) => code !== 0).length;
    if (failed > 0) throw new Error(`процессов сервера, остановившихся с ошибкой: ${failed}`);
  });
  return urls[0]!;
}

export function registerServe(program: Command): void {
  addDatabaseOptions(program.command('serve'))
    .description('запустить веб-сервер; при первом запуске на пустой базе — загрузить демонстрационную сеть и создать администратора')
    .option('-p, --port <порт>', 'порт (или PORT; по умолчанию 3000; 0 — любой свободный)')
    .option('--host <адрес>', 'сетевой адрес (или HOST; по умолчанию 127.0.0.1 — только этот компьютер, 0.0.0.0 — вся сеть)')
    .option('--workers <число>', 'процессов сервера (или BIBLIOSET_WORKERS; на PostgreSQL по умолчанию — по числу ядер, не больше 4, на PGlite — один)')
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
        const served = await serveDatabase(database, config);
        stopOnSignals(served.stop);
        url = served.url;
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
      if (config.workers === 1) loadSearchIndex(database, (records, seconds) => console.log(indexReadyLine(records, seconds)));
    });
}
