/**
 * Storage rate of saveBibRecords: records (projection included) stored per second, in batches of 1,000,
 * into a fresh database — in-memory PGlite, or PostgreSQL with DATABASE_URL (a scratch database is
 * created on that server and dropped). Records are the Russian corpus records (IRBIS RUSMARC, NEB MARC21
 * and RUSMARC) with varied control numbers and titles, so each one is new; then the same records are
 * saved again with 'skip' (the re-import path: matching only).
 * Run: npx tsx bench/save-bib-records.ts [records, default 5000]
 *      DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/save-bib-records.ts 5000
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openScratchDatabase } from '../test/database.js';
import { systemActor } from '../src/modules/auth/index.js';
import { detectSchema, readIso2709Buffer, saveBibRecords, type MarcRecord, type MarcSchema } from '../src/modules/catalogue/index.js';
import { createNetwork } from '../src/modules/network/index.js';
import { corpusRoot } from '../src/modules/catalogue/marc/corpus.testkit.js';

const total = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 5_000);
const batchSize = 1_000;

function sourceRecords(): { record: MarcRecord; schema: MarcSchema }[] {
  const neb = 'ndlrf-rnd_neb-catalog';
  const files = ['amironov73_ManagedIrbis/ibis32_derived_utf8.iso', ...readdirSync(path.join(corpusRoot, neb))
    .filter((file) => /^(0100|RuMoRGB|NLR)/.test(file) && /\.(mrc|iso)$/.test(file)).map((file) => `${neb}/${file}`)];
  return files.flatMap((file) => [...readIso2709Buffer(readFileSync(path.join(corpusRoot, file)))].flatMap((result) => {
    const schema = result.kind === 'record' ? detectSchema(result.record) : undefined;
    return result.kind === 'record' && schema ? [{ record: result.record, schema }] : [];
  }));
}

/** The n-th copy of a record: its own 001, and the title's first subfield numbered so titles vary. */
function variant({ record, schema }: { record: MarcRecord; schema: MarcSchema }, n: number) {
  const titleTag = schema === 'marc21' ? '245' : '200';
  const fields = record.fields.filter((field) => field.tag !== '001').map((field) => field.tag === titleTag && 'subfields' in field
    ? { ...field, subfields: field.subfields.map(([code, value], i): [string, string] => (i === 0 ? [code, `${value} ${n}`] : [code, value])) }
    : field);
  return { record: { leader: record.leader, fields: [{ tag: '001', value: `bench-${n}` }, ...fields] }, schema };
}

const sources = sourceRecords();
const records = Array.from({ length: total }, (_, n) => variant(sources[n % sources.length]!, n));
const database = await openScratchDatabase(process.env.DATABASE_URL, 'biblioset_bench');
try {
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'bench', name: 'Бенчмарк', fullName: 'Бенчмарк' } }));
  const actor = systemActor(network.id);
  for (const onMatch of ['skip', 'skip'] as const) {
    const started = performance.now();
    const counts = { imported: 0, updated: 0, skipped: 0 };
    for (let at = 0; at < records.length; at += batchSize) {
      const result = await database.db.transaction().execute((trx) =>
        saveBibRecords({ trx, actor, records: records.slice(at, at + batchSize), onMatch }));
      counts.imported += result.imported; counts.updated += result.updated; counts.skipped += result.skipped;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${database.engine}: ${records.length} records (${sources.length} distinct sources) in ${seconds.toFixed(2)} s = `
      + `${Math.round(records.length / seconds)} records/s, ${JSON.stringify(counts)}`);
  }
} finally {
  await database.close();
}
