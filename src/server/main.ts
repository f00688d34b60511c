/**
 * The running server: the app built over an open database, listening, with a compact
 * request log, and a clean stop on SIGINT/SIGTERM.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { buildApp } from './app.js';
import { ConfigError, type ServerConfig } from './config.js';
import { ProblemError } from './problem.js';

export interface RunningServer {
  app: FastifyInstance;
  port: number;
  /** The address to open in a browser. */
  url: string;
  /** Stops accepting requests and waits for those in progress (the database stays open). */
  close(): Promise<void>;
}

export interface Output {
  info(line: string): void;
  error(line: string): void;
}

const consoleOutput: Output = { info: (line) => console.log(line), error: (line) => console.error(line) };

const time = () => new Date().toLocaleTimeString('ru-RU', { hour12: false });

/**
 * One line per request: time, method, path (without the query, which may hold readers'
 * names), status and duration. Successful static files are left out. Errors that are
 * not the client's (500) are printed with their stack.
 */
function logRequests(app: FastifyInstance, output: Output, withRequests: boolean) {
  if (withRequests) {
    app.addHook('onResponse', async (request, reply) => {
      const path = request.url.split('?')[0]!;
      if (reply.statusCode < 400 && path.startsWith('/app/assets/')) return;
      output.info(`${time()} ${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} мс`);
    });
  }
  app.addHook('onError', async (request, _reply, error) => {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof ProblemError || (status !== undefined && status < 500)) return;
    output.error(`${time()} ${request.method} ${request.url.split('?')[0]} — ошибка сервера: ${error.stack ?? error.message}`);
  });
}

function browserUrl(host: string, port: number): string {
  const local = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}/app/`;
}

/** Builds the app over the open database and listens on the configured host and port (0: any free port). */
export async function startServer(options: { database: Database; config: ServerConfig; output?: Output }): Promise<RunningServer> {
  const { database, config, output = consoleOutput } = options;
  const app = await buildApp({ database, secureCookies: config.secureCookies, publicNetwork: config.publicNetwork });
  logRequests(app, output, config.logRequests);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`Порт ${config.port} уже занят: укажите другой (--port или PORT)`);
    if (code === 'EADDRNOTAVAIL') throw new ConfigError(`Адрес ${config.host} недоступен на этом компьютере (--host или HOST)`);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return { app, port, url: browserUrl(config.host, port), close: () => app.close() };
}

/**
 * On the first SIGINT or SIGTERM runs `stop` (close the server, then the database, so that
 * PGlite writes everything to disk) and exits; a second signal exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>, output: Output = consoleOutput): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) {
      output.error('Принудительная остановка');
      process.exit(130);
    }
    stopping = true;
    output.info('Останавливаю сервер…');
    stop().then(
      () => {
        output.info('Сервер остановлен, данные сохранены');
        process.exit(0);
      },
      (error: unknown) => {
        output.error(`Ошибка при остановке: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
