/**
 * Configuration of every command, resolved once from command-line flags and the
 * environment. A flag wins over the environment, the environment over the default.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { DatabaseLocation } from '../db/database.js';

/** The flags a command was given (commander's option names). */
export interface ConfigFlags {
  data?: string;
  databaseUrl?: string;
  port?: string;
  host?: string;
  workers?: string;
}

export interface ServerConfig {
  database: DatabaseLocation;
  port: number;
  /**
   * 127.0.0.1 by default: a fresh installation holds a demo administrator, so it is
   * reachable from this computer only until HOST=0.0.0.0 opens it to the network.
   */
  host: string;
  /** Session cookie with the Secure flag: set BIBLIOSET_SECURE_COOKIES=1 behind HTTPS. */
  secureCookies: boolean;
  /** One line per request on stdout; BIBLIOSET_LOG_REQUESTS=0 turns it off. */
  logRequests: boolean;
  /** The network the public catalogue and SRU serve (BIBLIOSET_PUBLIC_NETWORK, a network code); default the first. */
  publicNetwork: string | undefined;
  /**
   * Server processes sharing the port (--workers or BIBLIOSET_WORKERS): on PostgreSQL one per processor core by
   * default, at most DEFAULT_MAX_WORKERS — a search runs in the process that received it, on its own copy of the catalogue's search index —
   * on PGlite always one (only one process may open its folder).
   */
  workers: number;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/** A setting the user got wrong; the message is in Russian. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);

/**
 * PostgreSQL when --database-url or DATABASE_URL is given, else a PGlite folder:
 * --data, BIBLIOSET_DATA or ./data (made absolute against `cwd`).
 */
export function resolveDatabaseLocation(flags: ConfigFlags, env: Env = process.env, cwd = process.cwd()): DatabaseLocation {
  const flagUrl = nonEmpty(flags.databaseUrl);
  const flagData = nonEmpty(flags.data);
  if (flagUrl && flagData) throw new ConfigError('Укажите что-то одно: --data (папка PGlite) или --database-url (PostgreSQL)');
  if (flagUrl) return { databaseUrl: checkedUrl(flagUrl) };
  if (flagData) return { dataDir: resolve(cwd, flagData) };
  const envUrl = nonEmpty(env.DATABASE_URL);
  if (envUrl) return { databaseUrl: checkedUrl(envUrl) };
  return { dataDir: resolve(cwd, nonEmpty(env.BIBLIOSET_DATA) ?? DEFAULT_DATA_DIR) };
}

function checkedUrl(url: string): string {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new ConfigError('Адрес базы данных должен иметь вид postgres://пользователь:пароль@сервер:5432/база');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError('Адрес базы данных должен начинаться с postgres:// или postgresql://');
  }
  return url;
}

/** The whole number `value` spells, from `min` to `max`; else a ConfigError with `message`. */
function wholeNumber(value: string, min: number, max: number, message: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) throw new ConfigError(message);
  return number;
}

const isOn = (value: string | undefined) => value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
const isOff = (value: string | undefined) => value !== undefined && ['0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());

export function resolveServerConfig(flags: ConfigFlags, env: Env = process.env, cwd = process.cwd()): ServerConfig {
  const port = nonEmpty(flags.port) ?? nonEmpty(env.PORT);
  const database = resolveDatabaseLocation(flags, env, cwd);
  return {
    database,
    port: port === undefined ? DEFAULT_PORT : wholeNumber(port, 0, 65535, `Порт должен быть числом от 0 до 65535, а не «${port}»`),
    host: nonEmpty(flags.host) ?? nonEmpty(env.HOST) ?? DEFAULT_HOST,
    secureCookies: isOn(env.BIBLIOSET_SECURE_COOKIES),
    logRequests: !isOff(env.BIBLIOSET_LOG_REQUESTS),
    publicNetwork: nonEmpty(env.BIBLIOSET_PUBLIC_NETWORK),
    workers: resolveWorkers(nonEmpty(flags.workers) ?? nonEmpty(env.BIBLIOSET_WORKERS), database),
  };
}

/**
 * Processes by default on PostgreSQL: one per core, at most this many — each holds its own search index in memory
 * (1.6–1.7 GB for a million records) and up to 10 connections (PostgreSQL allows 100 by default).
 */
export const DEFAULT_MAX_WORKERS = 4;

function resolveWorkers(value: string | undefined, database: DatabaseLocation): number {
  const pglite = !('databaseUrl' in database);
  if (value === undefined) return pglite ? 1 : Math.min(availableParallelism(), DEFAULT_MAX_WORKERS);
  const workers = wholeNumber(value, 1, 64, `Число процессов сервера должно быть от 1 до 64, а не «${value}»`);
  if (pglite && workers > 1) throw new ConfigError('Встроенную базу PGlite открывает только один процесс: --workers 1, или база PostgreSQL (DATABASE_URL)');
  return workers;
}

/** Where the data is, for messages: the folder, or the PostgreSQL server and database without the password. */
export function describeLocation(location: DatabaseLocation): string {
  if ('dataDir' in location) return `PGlite, папка ${location.dataDir}`;
  if ('memory' in location) return 'PGlite в памяти';
  const url = new URL(location.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
