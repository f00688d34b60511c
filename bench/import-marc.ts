/**
 * Import end to end: a MARC file through the real import path (`importMarc`, the use-case the CLI and the
 * upload share: read → project → match → store with the search index, in batches, each in its own
 * transaction) into a fresh database — a scratch PostgreSQL database (created on DATABASE_URL's server,
 * default postgres://postgres@127.0.0.1:5432/postgres, dropped after) and/or in-memory PGlite.
 * Prints records/s, the summary, and the process's RSS at each quarter of the file and its peak
 * (memory must stay flat whatever the file's size).
 *
 * The file: bench/generate-marc-file.ts N FILE (synthetic records from the corpus); built here when missing.
 * Run: npx tsx bench/import-marc.ts [FILE, default /tmp/synthetic-200k.mrc] [--records N, default 200000]
 *        [--engine postgresql|pglite|both, default postgresql] [--batch N] [--twice]
 *   --twice imports the file a second time (on-match skip: the re-import path, matching only).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { openScratchDatabase } from '../test/database.js';
import type { DB } from '../src/db/schema.js';
import { systemActor } from '../src/modules/auth/index.js';
import { importMarc } from '../src/modules/catalogue/index.js';
import { createNetwork } from '../src/modules/network/index.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const records = Number(option('--records') ?? 200_000);
const file = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? `/tmp/synthetic-${records / 1000}k.mrc`;
const engines = option('--engine') === 'both' ? ['postgresql', 'pglite'] : [option('--engine') ?? 'postgresql'];
const batchSize = option('--batch') ? Number(option('--batch')) : undefined;
const twice = args.includes('--twice');
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (!existsSync(file)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  console.log(`building ${file} (${records} synthetic records)…`);
  const run = spawnSync('npx', ['tsx', path.join(here, 'generate-marc-file.ts'), String(records), file], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/**
 * CPU seconds (user + system) the database's server processes serving this database have used, read from
 * /proc — so only when PostgreSQL runs on this machine; null otherwise (and on PGlite, which runs in this process).
 */
async function serverCpuSeconds(db: Kysely<DB>): Promise<number | null> {
  const { rows } = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  const ticksPerSecond = 100; // USER_HZ on Linux
  try {
    return rows.reduce((sum, { pid }) => {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th of them.
      // A server on another machine: its pids here are other programs (or none) — no figure.
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') throw new Error('not a PostgreSQL process');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    }, 0);
  } catch {
    return null;
  }
}
const size = statSync(file).size;
console.log(`${file}: ${mb(size)}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; batch ${batchSize ?? 'default'}`);

for (const engine of engines) {
  const database = await openScratchDatabase(engine === 'pglite' ? undefined : baseUrl, 'biblioset_bench');
  try {
      const network = await database.db.transaction().execute((trx) =>
      createNetwork({ trx, input: { code: 'bench', name: 'Бенчмарк', fullName: 'Бенчмарк' } }));
    const actor = systemActor(network.id);
    for (const pass of twice ? ['first', 'again'] : ['first']) {
      const rss: string[] = [];
      let quarter = 1;
      const serverBefore = engine === 'pglite' ? null : await serverCpuSeconds(database.db);
      const ownBefore = process.cpuUsage();
      const started = performance.now();
      const summary = await importMarc({
        db: database.db, actor, source: createReadStream(file, { highWaterMark: 1 << 20 }),
        options: { onMatch: 'skip', ...(batchSize ? { batchSize } : {}) },
        onProgress: ({ bytesRead }) => {
          if (bytesRead >= (size * quarter) / 4) {
            rss.push(`${quarter * 25}%: ${mb(process.memoryUsage().rss)}`);
            quarter++;
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(`${engine} (${pass === 'first' ? 'new records' : 'again, on-match skip'}): ${summary.read} records in ${seconds.toFixed(1)} s = `
        + `${Math.round(summary.read / seconds).toLocaleString('en-US')} records/s; ${JSON.stringify(summary)}`);
      console.log(`  RSS ${rss.join(', ')}; peak ${mb(process.resourceUsage().maxRSS * 1024)}; load average ${os.loadavg()[0]!.toFixed(2)}`);
      // Where the CPU went, per record: this process (reading, projection, the rows' JSON) and the database server.
      const own = process.cpuUsage(ownBefore);
      const serverAfter = serverBefore === null ? null : await serverCpuSeconds(database.db);
      const perRecord = (seconds: number) => `${Math.round((seconds * 1e6) / summary.read)} µs a record`;
      console.log(`  CPU: this process ${((own.user + own.system) / 1e6).toFixed(1)} s (${perRecord((own.user + own.system) / 1e6)})`
        + (serverAfter === null || serverBefore === null ? '' : `, database server ${(serverAfter - serverBefore).toFixed(1)} s (${perRecord(serverAfter - serverBefore)})`));
    }
  } finally {
    await database.close();
  }
}
