/**
 * Catalogue search through the HTTP API (issue 4: 1,000,000 records on PostgreSQL, p95 < 50 ms with one
 * client, ≥ 300 searches/s with 16 concurrent clients; figures on PGlite for 100,000 records).
 *
 * Loads N synthetic records (bench/lib/synthetic-records.ts) into a fresh database with saveBibRecords in
 * batches (the import's own save path, search index and typo dictionary included), VACUUM ANALYZE, starts the
 * product's server as `npm start` does («biblioset serve»: on PostgreSQL one process per core, `--workers N` to
 * choose), waits until it has loaded its search index, then sends a fixed mix of queries built from the loaded data: words, phrases, authors,
 * field prefixes, ISBNs, ББК, years, typos, facets with filters, sorts. Prints p50/p95/p99 with one client
 * (the mix twice, the first pass warming up) and the throughput of 16 concurrent clients, with the load average.
 *
 * --load K loads only K records through saveBibRecords and fills up to N with SQL copies of them (new control
 * numbers, no ISBN, same text): on this shared 2-core machine saveBibRecords ran at ~200 records/s under the other
 * helpers' load, so 1,000,000 would take over an hour. Word frequencies grow linearly with N in the synthetic
 * generator either way (its word pools are fixed), so single-word selectivity is that of an N-record load;
 * whole titles repeat N/K times.
 *
 * Run: npx tsx bench/search.ts [--records 1000000] [--load 200000] [--engine postgresql|pglite] [--reuse] [--clients 16] [--seconds 20] [--workers N]
 *   PostgreSQL: database biblioset_bench_search_<N> on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres);
 *   PGlite: /tmp/biblioset-bench-search-<N>. --reuse keeps a database already loaded with N records (else it is rebuilt).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { withAdminClient } from '../test/database.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { systemActor } from '../src/modules/auth/index.js';
import { saveBibRecords } from '../src/modules/catalogue/index.js';
import { createNetwork } from '../src/modules/network/index.js';
import { syntheticRecords } from './lib/synthetic-records.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const records = Number(option('--records') ?? 1_000_000);
const engine = (option('--engine') ?? 'postgresql') as 'postgresql' | 'pglite';
const reuse = args.includes('--reuse');
const loadCount = Math.min(records, Number(option('--load') ?? records));
const clients = Number(option('--clients') ?? 16);
const seconds = Number(option('--seconds') ?? 20);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `biblioset_bench_search_${records}`;
const dataDir = `/tmp/biblioset-bench-search-${records}`;

function location() {
  if (engine === 'pglite') return { dataDir };
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  return { databaseUrl: url.toString() };
}

await main();

function admin(statement: string) {
  return withAdminClient(baseUrl, (client) => client.query(statement));
}

async function prepare(): Promise<void> {
  let fresh: boolean;
  if (engine === 'postgresql') {
    const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${dbName}'`)).rowCount === 1;
    fresh = !(exists && reuse);
    if (fresh) {
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${dbName}`);
    }
  } else {
    fresh = !(existsSync(dataDir) && reuse);
    if (fresh) rmSync(dataDir, { recursive: true, force: true });
  }
  const database = await openDatabase(location());
  try {
    // A reused database gets the migrations added since it was loaded (new indexes the search may use).
    const applied = await migrate(database.db);
    if (!fresh && applied.length > 0) console.log(`migrated the reused database: ${applied.join(', ')}`);
    const network = fresh
      ? await database.db.transaction().execute((trx) =>
        createNetwork({ trx, input: { code: 'bench', name: 'ЦБС', fullName: 'МБУК «Централизованная библиотечная система»' } }))
      : (await database.db.selectFrom('networks').select('id').orderBy('id').executeTakeFirstOrThrow());
    const count = async () => Number((await sql<{ count: number }>`SELECT count(*) AS count FROM bib_records`.execute(database.db)).rows[0]!.count);
    let stored = await count();
    if (stored === records) return console.log(`reusing ${engine === 'pglite' ? dataDir : dbName} (${records} records)`);
    if (stored < loadCount) await load(database, network.id, stored, loadCount - stored);
    stored = await count();
    if (stored < records) await replicate(database, stored, records - stored);
    console.log('VACUUM ANALYZE…');
    await sql`VACUUM ANALYZE bib_records`.execute(database.db);
    await sql`VACUUM ANALYZE catalogue_words`.execute(database.db);
  } finally {
    await database.close();
  }
}

/** Copies of the first records up to N (see the top): indexes dropped and rebuilt around the bulk insert. */
async function replicate(database: Database, stored: number, missing: number) {
  const started = performance.now();
  console.log(`copying ${missing} records from the ${stored} loaded…`);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`SELECT indexname AS name, indexdef AS definition
    FROM pg_indexes WHERE tablename = 'bib_records' AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(database.db);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(database.db);
  const columns = sql.raw(`network_id, schema, record, control_number, control_number_source, title, subtitle, parallel_titles,
    responsibility, persons, edition, place, publisher, year, extent, series, isbns, invalid_isbns, issns, languages, document_type,
    bbk, author_mark, udc, subjects, keywords, annotation, age_rating, match_key, search_vector, title_key, author_keys, bbk_divisions, bbk_key,
    projection_version`);
  const copied = sql.raw(`network_id, schema, record, control_number || '-copy' || g, control_number_source, title, subtitle,
    parallel_titles, responsibility, persons, edition, place, publisher, year, extent, series, '{}', invalid_isbns, issns, languages,
    document_type, bbk, author_mark, udc, subjects, keywords, annotation, age_rating, NULL, search_vector, title_key, author_keys,
    bbk_divisions, bbk_key, projection_version`);
  const rounds = Math.ceil(missing / stored);
  await sql`INSERT INTO bib_records (${columns})
    SELECT ${copied} FROM generate_series(1, ${rounds}) AS g, bib_records b LIMIT ${missing}`.execute(database.db);
  await database.db.connection().execute(async (connection) => {
    if (engine === 'postgresql') await sql`SET maintenance_work_mem = '256MB'`.execute(connection);
    for (const index of indexes) await sql.raw(index.definition).execute(connection);
  });
  console.log(`copied ${missing} records in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function load(database: Database, networkId: number, start: number, count: number) {
  const actor = systemActor(networkId);
  const batchSize = 2_000;
  const started = performance.now();
  let batch: { record: import('../src/modules/catalogue/index.js').MarcRecord; schema: 'marc21' | 'rusmarc' }[] = [];
  let done = 0;
  const flush = async () => {
    const chunk = batch;
    batch = [];
    await database.db.transaction().execute((trx) => saveBibRecords({ trx, actor, records: chunk, onMatch: 'skip' }));
    done += chunk.length;
    if (done % 50_000 < batchSize) {
      const rate = done / ((performance.now() - started) / 1000);
      console.log(`loaded ${done} records, ${Math.round(rate)} rec/s, load average ${os.loadavg()[0]!.toFixed(1)}`);
    }
  };
  for (const record of syntheticRecords(count, { start })) {
    batch.push(record);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  console.log(`loaded ${done} records in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

interface MixQuery { kind: string; url: string }

/** The fixed query mix, built from the loaded data (the same data gives the same mix). */
async function buildMix(): Promise<MixQuery[]> {
  const database = await openDatabase(location());
  const { rows } = await sql<{ id: number; title: string; name: string | null; isbn: string | null; bbk: string | null; year: number | null }>`
    SELECT id, title, persons->0->>'name' AS name, isbns[1] AS isbn, bbk[1] AS bbk, year
    FROM bib_records WHERE id % ${Math.max(1, Math.floor(records / 240))} = 0 ORDER BY id LIMIT 240`.execute(database.db);
  await database.close();
  const q = (kind: string, params: Record<string, string | string[]>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) search.append(key, v);
    return { kind, url: `/api/catalogue/search?${search}` };
  };
  const words = (text: string) => text.match(/[\p{L}]{4,}/gu) ?? [];
  const typo = (word: string) => word.slice(0, Math.floor(word.length / 2)) + word.slice(Math.floor(word.length / 2) + 1);
  const mix: MixQuery[] = [];
  const common = ['история', 'россия', 'москва', 'сказки', 'литература', 'стихи', 'война', 'library', 'history', 'развитие'];
  common.forEach((word, i) => mix.push(q('common word', { q: word, ...(i % 2 ? { facets: 'true' } : {}) })));
  for (const [i, row] of rows.entries()) {
    const titleWords = words(row.title);
    const surname = row.name?.split(',')[0]?.trim();
    switch (i % 12) {
      case 0: if (titleWords[0]) mix.push(q('word', { q: titleWords[0] })); break;
      case 1: if (titleWords.length >= 2) mix.push(q('phrase', { q: `"${titleWords.slice(0, 2).join(' ')}"` })); break;
      case 2: if (surname) mix.push(q('author', { q: surname })); break;
      case 3: if (surname) mix.push(q('prefix', { q: `автор:${surname} ${titleWords[0] ?? ''}`.trim() })); break;
      case 4: if (titleWords[0]) mix.push(q('typo', { q: [typo(titleWords[0]), ...titleWords.slice(1, 2)].join(' ') })); break;
      case 5: if (row.isbn) mix.push(q('isbn', { q: `isbn:${row.isbn.slice(0, 3)}-${row.isbn.slice(3)}` })); break;
      case 6: mix.push(q('title', { q: row.title })); break;
      case 7: if (titleWords[0]) mix.push(q('facets+filters', { q: titleWords[0], facets: 'true', yearFrom: '1950', yearTo: '2024', language: 'rus' })); break;
      case 8: if (titleWords[0]) mix.push(q('sort', { q: titleWords[0], sort: ['title', 'year-desc', 'year-asc'][Math.floor(i / 12) % 3]! })); break;
      case 9: if (row.bbk) mix.push(q('bbk', { q: `ббк:${row.bbk.slice(0, 4)}` })); break;
      case 10: if (row.year && titleWords[0]) mix.push(q('year', { q: `${titleWords[0]} год:${row.year - 5}-${row.year + 5}` })); break;
      case 11: if (surname) mix.push(q('typo', { q: typo(surname) })); break;
    }
  }
  mix.push(q('browse', { facets: 'true' }), q('browse', { sort: 'year-desc' }), q('browse', { type: 'book', sort: 'title', page: '3' }));
  mix.push(q('facets+filters', { q: 'история', facets: 'true', type: 'book', yearFrom: '1990', yearTo: '2000' }));
  mix.push(q('facets+filters', { q: 'россия', facets: 'true', age: '12+' }));
  mix.push(q('and/or/not', { q: '(история ИЛИ литература) -война' }));
  mix.push(q('and/or/not', { q: 'заглавие:история тема:россия' }));
  mix.push(q('typo', { q: 'Пушкн' }), q('typo', { q: 'капитанская дочька' }), q('author', { q: 'Пушкин' }), q('phrase', { q: '"капитанская дочка"' }));
  return mix;
}

/** The resident memory (Linux) of the server: its process and the server processes it started. */
function serverMemory(pid: number): string {
  const rss = (id: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const children = (id: number) => readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  try {
    const processes = [pid, ...children(pid)];
    return `${processes.map((id) => `${Math.round(rss(id))}`).join(' + ')} MB resident (${processes.length} processes)`;
  } catch {
    return 'unknown';
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(base: string, query: MixQuery): Promise<number> {
  const start = performance.now();
  const response = await fetch(base + query.url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${query.url}: ${response.status} ${body.slice(0, 200)}`);
  return performance.now() - start;
}

async function main() {
  console.log(`search benchmark: ${records} records on ${engine}, ${os.cpus().length} cores`);
  await prepare();
  const mix = await buildMix();
  console.log(`query mix: ${mix.length} queries (${[...new Set(mix.map((m) => m.kind))].join(', ')})`);

  // The product's own server, as `npm start` runs it: «biblioset serve» (on PostgreSQL one process per core,
  // each with its copy of the search index; --workers N to choose), on a port the system picks (--port 0).
  const where = engine === 'pglite' ? ['--data', dataDir] : ['--database-url', (location() as { databaseUrl: string }).databaseUrl];
  const workers = option('--workers');
  const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/biblioset.mjs', import.meta.url)), 'serve', '--port', '0', ...where,
    ...(workers ? ['--workers', workers] : [])], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BIBLIOSET_LOG_REQUESTS: '0' } });
  const started = performance.now();
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Откройте в браузере: (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      // Ready when the search index is loaded in every server process (the server says so; searches before would wait).
      if (url && /Поиск по каталогу готов/.test(output)) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  console.log(`server ready in ${((performance.now() - started) / 1000).toFixed(1)} s (its search index loaded), memory ${serverMemory(child.pid!)}`);
  try {
    const health: number[] = [];
    for (let i = 0; i < 100; i++) health.push(await timed(base, { kind: 'health', url: '/api/health' }));
    health.sort((a, b) => a - b);
    console.log(`floor: GET /api/health p50 ${percentile(health, 50).toFixed(1)} ms, p95 ${percentile(health, 95).toFixed(1)} ms (the machine's share of CPU; load average ${os.loadavg()[0]!.toFixed(2)})`);
    for (const query of mix) await timed(base, query); // warm-up pass
    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    for (const query of mix) {
      const ms = await timed(base, query);
      times.push(ms);
      byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    }
    times.sort((a, b) => a - b);
    const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`one client, ${times.length} queries: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (load average ${load})`);
    for (const [kind, list] of [...byKind].sort()) {
      list.sort((a, b) => a - b);
      console.log(`  ${kind.padEnd(16)} n=${String(list.length).padStart(3)}  p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms  max ${list.at(-1)!.toFixed(1).padStart(7)} ms`);
    }

    let completed = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const concurrent: number[] = [];
    await Promise.all(Array.from({ length: clients }, async (_, c) => {
      for (let i = c * 7; performance.now() < deadline; i++) {
        concurrent.push(await timed(base, mix[i % mix.length]!));
        completed++;
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    concurrent.sort((a, b) => a - b);
    console.log(`server memory after the runs: ${serverMemory(child.pid!)}`);
    console.log(`${clients} clients, ${elapsed.toFixed(1)} s: ${(completed / elapsed).toFixed(0)} searches/s, p50 ${percentile(concurrent, 50).toFixed(1)} ms, p95 ${percentile(concurrent, 95).toFixed(1)} ms (load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')})`);
  } finally {
    child.kill('SIGTERM');
  }
}

