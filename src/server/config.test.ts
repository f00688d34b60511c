import { describe, expect, it, vi } from 'vitest';
import { describeLocation, resolveServerConfig } from './config.js';

/** A machine of 32 cores, where the default number of server processes is capped. */
vi.mock('node:os', async (original) => ({ ...await original<typeof import('node:os')>(), availableParallelism: () => 32 }));

const cwd = '/srv/biblioset';
const resolveWith = (flags: Parameters<typeof resolveServerConfig>[0], env: Record<string, string> = {}) =>
  resolveServerConfig(flags, env, cwd);

describe('configuration', () => {
  it('uses ./data on port 3000, reachable from this computer only, when nothing is set', () => {
    expect(resolveWith({})).toEqual({
      database: { dataDir: '/srv/biblioset/data' },
      port: 3000,
      host: '127.0.0.1',
      secureCookies: false,
      logRequests: true,
      publicNetwork: undefined,
      workers: 1,
    });
  });

  it('takes PostgreSQL from DATABASE_URL instead of the data folder', () => {
    const config = resolveWith({}, { DATABASE_URL: 'postgres://app:secret@db:5432/biblioset', BIBLIOSET_DATA: '/var/lib/x' });
    expect(config.database).toEqual({ databaseUrl: 'postgres://app:secret@db:5432/biblioset' });
    expect(describeLocation(config.database)).toBe('PostgreSQL db:5432/biblioset');
  });

  it('lets command-line flags win over the environment', () => {
    const env = { DATABASE_URL: 'postgres://db/one', PORT: '8080', HOST: '0.0.0.0' };
    expect(resolveWith({ data: 'archive', port: '3200', host: '10.0.0.5' }, env)).toMatchObject({
      database: { dataDir: '/srv/biblioset/archive' },
      port: 3200,
      host: '10.0.0.5',
    });
    expect(
      resolveWith({}, { BIBLIOSET_DATA: '/var/lib/biblioset', PORT: '8080', BIBLIOSET_SECURE_COOKIES: '1', BIBLIOSET_LOG_REQUESTS: '0', BIBLIOSET_PUBLIC_NETWORK: 'kargasok' }),
    ).toEqual({ database: { dataDir: '/var/lib/biblioset' }, port: 8080, host: '127.0.0.1', secureCookies: true, logRequests: false, publicNetwork: 'kargasok', workers: 1 });
  });

  it('runs one server process per core on PostgreSQL, at most 4, and one on PGlite, unless told', () => {
    const postgres = { DATABASE_URL: 'postgres://db/x' };
    expect(resolveWith({}, postgres).workers).toBe(4);
    expect(resolveWith({ workers: '32' }, postgres).workers).toBe(32);
    expect(resolveWith({ workers: '3' }, postgres).workers).toBe(3);
    expect(resolveWith({}, { ...postgres, BIBLIOSET_WORKERS: '1' }).workers).toBe(1);
    expect(resolveWith({}).workers).toBe(1);
    expect(() => resolveWith({ workers: '2' })).toThrow(/PGlite открывает только один процесс/);
    expect(() => resolveWith({ workers: '0' }, postgres)).toThrow(/от 1 до 64/);
    expect(() => resolveWith({ workers: 'два' }, postgres)).toThrow(/от 1 до 64/);
  });

  it('refuses a bad port, a non-PostgreSQL URL and both database flags at once, in Russian', () => {
    expect(() => resolveWith({ port: '70000' })).toThrow(/Порт должен быть числом/);
    expect(() => resolveWith({}, { PORT: '3o00' })).toThrow(/Порт должен быть числом/);
    expect(() => resolveWith({ databaseUrl: 'mysql://db/x' })).toThrow(/postgres:\/\//);
    expect(() => resolveWith({ data: 'd', databaseUrl: 'postgres://db/x' })).toThrow(/что-то одно/);
  });
});
