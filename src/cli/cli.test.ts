import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withAdminClient } from '../../test/database.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { branches } from '../demo/kargasok.js';
import {
  countBibRecords, detectSchema, parseSearchBox, project, readIso2709Buffer, readMarcXmlString, searchCatalogue,
} from '../modules/catalogue/index.js';
import { listNetworks } from '../modules/network/index.js';

/** The command as users run it, on PGlite folders in a temporary directory (one test, on PostgreSQL only, serves a scratch database). */
const BIN = fileURLToPath(new URL('../../bin/biblioset.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'biblioset-cli-'));
const original = join(work, 'original');
const restored = join(work, 'restored');
const archive = join(work, 'backup.ndjson.gz');
/** Real MARC files of ../shared (tests may read it; the product never does). */
const MARC = fileURLToPath(new URL('../../../shared/data/marc/', import.meta.url));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment without the caller's database settings, plus `extra`. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'DATABASE_URL' || name === 'PORT' || name === 'HOST' || name.startsWith('BIBLIOSET_')) delete env[name];
  }
  return { ...env, ...extra };
}

function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { output: () => Result; exited: Promise<Result> } {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = () => ({ code: child.exitCode, stdout, stderr });
  const exited = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ ...output(), code })));
  return { output, exited };
}

const run = (args: string[], env: Record<string, string> = {}) => collect(spawnCli(args, env)).exited;

/** Starts `serve` on a free port and resolves once it prints the address. */
async function serve(dataDir: string) {
  const child = spawnCli(['serve', '--data', dataDir, '--port', '0']);
  const { output, exited } = collect(child);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /Откройте в браузере: (http:\/\/localhost:\d+)\/app\//.exec(output().stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((result) => reject(new Error(`serve ended: ${result.stderr}`)));
  });
  return { url, output, stop: () => (child.kill('SIGINT'), exited) };
}

const logIn = (url: string, login: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });

const branchCode = branches[0].code;

describe('the biblioset command', { timeout: 120_000 }, () => {
  it('creates the tables of a new folder and reports the migrations it applied', async () => {
    const first = await run(['migrate', '--data', original]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('0001_create_networks_and_branches.sql');
    const second = await run(['migrate', '--data', original]);
    expect(second.stdout).toContain('Новых миграций нет');
  });

  it('refuses to add an account before any network exists', async () => {
    const result = await run(['user', 'add', '--data', original, '--login', 'early', '--role', 'admin', '--name', 'Рано Р. Р.']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('нет ни одной сети');
  });

  it('loads the demo network once, with the administrator whose password comes from the environment', async () => {
    const loaded = await run(['demo', '--data', original], { BIBLIOSET_ADMIN_PASSWORD: 'demo admin password' });
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/логин:\s+admin/);
    expect(loaded.stdout).toContain('из переменной BIBLIOSET_ADMIN_PASSWORD');
    const again = await run(['demo', '--data', original]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('уже загружена');
  });

  it('adds a librarian of a branch named by its code, and explains in Russian what is wrong with a bad request', async () => {
    const args = ['user', 'add', '--data', original, '--login', 'petrova', '--role', 'librarian', '--name', 'Петрова Анна Ивановна'];
    const env = { BIBLIOSET_USER_PASSWORD: 'librarian password' };
    const created = await run([...args, '--branch', branchCode], env);
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Создана учётная запись «petrova» (Библиотекарь филиала)');

    const duplicate = await run([...args, '--branch', branchCode], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('--login: логин «petrova» уже занят');
    const unknownBranch = await run(
      ['user', 'add', '--data', original, '--login', 'other', '--role', 'librarian', '--name', 'Иванова И. И.', '--branch', 'nowhere'],
      env,
    );
    expect(unknownBranch.code).toBe(1);
    expect(unknownBranch.stderr).toContain('нет филиала с кодом «nowhere»');
    const badRole = await run(['user', 'add', '--data', original, '--login', 'other', '--role', 'boss', '--name', 'Иванова И. И.'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('--role:');
    const missing = await run(['user', 'add', '--data', original, '--login', 'other']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('не указан обязательный параметр --role');
  });

  it('imports a MARC file, reporting each broken record with its number and offset and keeping the good ones', async () => {
    const broken = await run(['import', 'marc', join(MARC, 'edsu_pymarc/bad_records.mrc'), '--data', original, '--json']);
    expect(broken.code, broken.stderr).toBe(0);
    expect(JSON.parse(broken.stdout)).toEqual({ read: 8, imported: 2, updated: 0, skipped: 4, failed: 2 }); // six good records, copies of two
    expect(broken.stderr).toContain('запись 4 (смещение 381)');
  });

  it('imports Windows-1251 records with their Cyrillic intact, and skips them when imported again', async () => {
    const file = join(MARC, 'edsu_pymarc/1251.dat');
    expect(JSON.parse((await run(['import', 'marc', file, '--data', original, '--json'])).stdout)).toMatchObject({ read: 6, imported: 6, failed: 0 });
    expect(JSON.parse((await run(['import', 'marc', file, '--data', original, '--json'])).stdout)).toMatchObject({ read: 6, imported: 0, skipped: 6 });
    const database = await openDatabase({ dataDir: original });
    try {
      const network = (await listNetworks(database.db))[0]!;
      const { hits } = await searchCatalogue(database.db, network.id, { query: parseSearchBox('психологические тренинги') });
      expect(hits.map((hit) => hit.title)).toContain('Психологический тренинг с подростками');
    } finally {
      await database.close();
    }
  });

  it('exports a search as MARCXML and the whole catalogue as ISO 2709, and will not overwrite a file unasked', async () => {
    const xmlFile = join(work, 'training.xml');
    const search = await run(['export', 'marc', xmlFile, '--data', original, '--format', 'marcxml', '--query', 'психологический тренинг']);
    expect(search.code, search.stderr).toBe(0);
    const fromSearch = [...readMarcXmlString(readFileSync(xmlFile, 'utf8'))].flatMap((r) => (r.kind === 'record' ? [r.record] : []));
    const titles = fromSearch.map((record) => project(record, detectSchema(record) ?? 'marc21').title);
    expect(titles.some((title) => title.startsWith('Психологический тренинг с подростками'))).toBe(true);

    const again = await run(['export', 'marc', xmlFile, '--data', original, '--format', 'marcxml']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('уже существует');

    const isoFile = join(work, 'catalogue.mrc');
    expect((await run(['export', 'marc', isoFile, '--data', original])).code).toBe(0);
    // Written beside the file and renamed once complete (write-file-whole.test.ts): nothing is left behind.
    expect(readdirSync(work).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect((await run(['export', 'marc', isoFile, '--data', original, '--force'])).code).toBe(0);
    expect(readdirSync(work).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const exported = [...readIso2709Buffer(readFileSync(isoFile))];
    expect(exported.every((r) => r.kind === 'record')).toBe(true);
    const database = await openDatabase({ dataDir: original });
    try {
      const network = (await listNetworks(database.db))[0]!;
      expect(exported).toHaveLength(await countBibRecords(database.db, network.id));
    } finally {
      await database.close();
    }
  });

  it('refuses an unknown matching rule in Russian', async () => {
    const refused = await run(['import', 'marc', join(MARC, 'edsu_pymarc/1251.dat'), '--data', original, '--on-match', 'overwrite']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--on-match: допустимо skip, replace, merge');
  });

  it('backs the database up into a file with progress on stderr, and will not overwrite it unasked', async () => {
    const result = await run(['backup', '--data', original, '--out', archive]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/branches: \d+/);
    expect(result.stdout).toContain('Готово');
    expect(existsSync(archive)).toBe(true);
    const again = await run(['backup', '--data', original, '--out', archive]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('уже существует');
  });

  it('refuses to back up a folder that holds no database, without creating it', async () => {
    const nowhere = join(work, 'nowhere');
    const result = await run(['backup', '--data', nowhere, '--out', join(work, 'nothing.gz')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('нет базы данных Biblioset');
    expect(existsSync(nowhere)).toBe(false);
  });

  it('restores the backup into a new folder once, refusing a second time', async () => {
    const result = await run(['restore', archive, '--data', restored]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/восстановлено \d+ таблиц/);
    const again = await run(['restore', archive, '--data', restored]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('не пуста');
  });

  it('serves the restored data, stops cleanly on Ctrl-C and finds it again after a restart', async () => {
    const server = await serve(restored);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await logIn(server.url, 'petrova', 'librarian password')).status).toBe(200);
    const stopped = await server.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('Сервер остановлен');
    expect(stopped.stdout).not.toContain('Создана учётная запись');

    const restarted = await serve(restored);
    try {
      expect((await logIn(restarted.url, 'admin', 'demo admin password')).status).toBe(200);
    } finally {
      expect((await restarted.stop()).code).toBe(0);
    }
  });

  it('refuses a second process on a folder the server has open', async () => {
    const server = await serve(restored);
    try {
      const result = await run(['backup', '--data', restored, '--out', join(work, 'while-serving.gz')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('уже открыта другим процессом');
    } finally {
      await server.stop();
    }
  });
});

/**
 * `serve` on PostgreSQL runs several processes (one per core by default), each with its own in-memory search
 * index kept in step with the database: a record imported by another process is found through either server
 * process at the next search. PostgreSQL only (PGlite allows one process).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('the server on PostgreSQL, in two processes', { timeout: 180_000 }, () => {
  const admin = (statement: string) => withAdminClient(process.env.TEST_DATABASE_URL!, (client) => client.query(statement));
  const name = `biblioset_cli_${process.pid}`;
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://unused');
  url.pathname = `/${name}`;

  it('serves on one port from both, and both find a record a command imported while they ran', async () => {
    await admin(`CREATE DATABASE ${name}`);
    const child = spawnCli(['serve', '--database-url', url.toString(), '--port', '0', '--workers', '2']);
    const { output, exited } = collect(child);
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', () => {
          const { stdout } = output();
          const match = /Откройте в браузере: (http:\/\/localhost:\d+)\/app\//.exec(stdout);
          if (match && /Поиск по каталогу готов/.test(stdout)) resolve(match[1]!);
        });
        void exited.then((result) => reject(new Error(`serve ended: ${result.stderr}`)));
        // Fails with what the server said rather than as a bare timeout.
        setTimeout(() => reject(new Error(`serve not ready in 150 s:\n${output().stdout}\n${output().stderr}`)), 150_000).unref();
      });
      expect(output().stdout).toContain('Процессов сервера: 2');
      const found = async (text: string) => {
        const response = await fetch(`${base}/api/catalogue/search?${new URLSearchParams({ q: text, pageSize: '1' })}`);
        return ((await response.json()) as { total: number }).total;
      };
      // The connections are handed to the processes in turn: four requests reach both.
      expect(await Promise.all([1, 2, 3, 4].map(() => found('"дисциплинарный устав"')))).toEqual([0, 0, 0, 0]);
      const imported = await run(['import', 'marc', join(MARC, 'loge-gh_rusmarc/TEST1.ISO'), '--database-url', url.toString(), '--json']);
      expect(JSON.parse(imported.stdout)).toMatchObject({ failed: 0 });
      const counts = await Promise.all([1, 2, 3, 4].map(() => found('"дисциплинарный устав"')));
      expect(counts.every((count) => count > 0)).toBe(true);
      child.kill('SIGTERM');
      expect((await exited).code).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
