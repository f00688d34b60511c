import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../modules/auth/index.js';
import {
  detectSchema, readIso2709, readMarcXml, saveBibRecords,
  type MarcEncoding, type MarcReadResult, type MarcRecord, type MarcSchema, type OnMatch,
} from '../modules/catalogue/index.js';
import type { ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { resolveNetwork } from './network.js';
import { countOf } from './progress.js';

/** Records saved per transaction: large enough for one multi-row INSERT to pay, small enough to keep memory flat. */
const BATCH_SIZE = 1000;

interface ImportMarcFlags extends ConfigFlags {
  format?: 'iso2709' | 'marcxml';
  schema?: MarcSchema;
  encoding?: MarcEncoding;
  onMatch: OnMatch;
  json?: boolean;
  network?: string;
}

export interface ImportSummary {
  read: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** ISO 2709 unless the file starts (after a BOM or blanks) with '<'. */
async function detectFormat(path: string): Promise<'iso2709' | 'marcxml'> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    const start = buffer.subarray(0, bytesRead).toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
    return start.startsWith('<') ? 'marcxml' : 'iso2709';
  } finally {
    await file.close();
  }
}

function choices<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!allowed.includes(value as T)) throw new CliError(`${name}: допустимо ${allowed.join(', ')}`);
    return value as T;
  };
}

/** Progress on stderr as a share of the file read: a line rewritten in place on a terminal, nothing otherwise. */
function progressLine(totalBytes: number, stream: NodeJS.WriteStream = process.stderr) {
  let shown = -1;
  return {
    update(bytesRead: number, summary: ImportSummary) {
      if (!stream.isTTY || totalBytes === 0) return;
      const percent = Math.min(100, Math.floor((bytesRead / totalBytes) * 100));
      if (percent === shown) return;
      shown = percent;
      const bar = '█'.repeat(Math.round(percent / 4)).padEnd(25, '░');
      stream.write(`\r\x1b[K  ${bar} ${percent}%  прочитано ${summary.read.toLocaleString('ru-RU')}, ошибок ${summary.failed}`);
    },
    done() {
      if (stream.isTTY && shown >= 0) stream.write('\n');
    },
  };
}

/**
 * Reads a MARC file record by record, saves the good ones in batches and reports every bad one
 * (its number, offset and reason) on stderr; the rest import whatever the bad ones are.
 */
async function importMarc(path: string, flags: ImportMarcFlags): Promise<void> {
  const size = (await stat(path).catch(() => { throw new CliError(`Нет такого файла: ${path}`); })).size;
  const format = flags.format ?? (await detectFormat(path));
  const summary: ImportSummary = { read: 0, imported: 0, updated: 0, skipped: 0, failed: 0 };
  await withDatabase(flags, { mustExist: true, migrate: true }, async ({ db }) => {
    const network = await resolveNetwork(db, flags.network);
    const actor = systemActor(network.id);
    const stream = createReadStream(path);
    const progress = progressLine(size);
    const results: AsyncIterable<MarcReadResult> = format === 'marcxml'
      ? readMarcXml(stream)
      : readIso2709(stream, { encoding: flags.encoding ?? 'auto' });
    let batch: { record: MarcRecord; schema: MarcSchema }[] = [];
    const save = async () => {
      if (batch.length === 0) return;
      const records = batch;
      batch = [];
      const saved = await db.transaction().execute((trx) => saveBibRecords({ trx, actor, records, onMatch: flags.onMatch }));
      summary.imported += saved.imported;
      summary.updated += saved.updated;
      summary.skipped += saved.skipped;
    };
    for await (const result of results) {
      summary.read++;
      if (result.kind === 'error') {
        summary.failed++;
        // On a terminal, clear the progress line first.
        process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}запись ${result.index} (смещение ${result.byteOffset}): ${result.reason}\n`);
      } else {
        batch.push({ record: result.record, schema: flags.schema ?? detectSchema(result.record) ?? 'marc21' });
        if (batch.length >= BATCH_SIZE) await save();
      }
      progress.update(stream.bytesRead, summary);
    }
    await save();
    progress.done();
  });
  if (flags.json) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log([
    `Прочитано ${countOf(summary.read, ['запись', 'записи', 'записей'])}:`,
    `  новых ${summary.imported}, обновлено ${summary.updated}, пропущено (уже есть) ${summary.skipped}, с ошибками ${summary.failed}`,
  ].join('\n'));
}

export function registerImport(program: Command): void {
  const group = program.command('import').description('загрузить данные из файлов');
  addDatabaseOptions(group.command('marc <файл>'))
    .description('загрузить библиографические записи из файла ISO 2709 или MARCXML (MARC21, RUSMARC/UNIMARC)')
    .option('--format <формат>', 'iso2709 или marcxml (по умолчанию — по содержимому файла)', choices('--format', ['iso2709', 'marcxml'] as const))
    .option('--schema <схема>', 'marc21 или rusmarc (по умолчанию — по записи)', choices('--schema', ['marc21', 'rusmarc'] as const))
    .option('--encoding <кодировка>', 'utf-8, cp1251 или marc-8 (по умолчанию — определяется)', choices('--encoding', ['utf-8', 'cp1251', 'marc-8'] as const))
    .option('--on-match <правило>', 'если запись уже есть: skip, replace или merge', choices('--on-match', ['skip', 'replace', 'merge'] as const), 'skip')
    .option('--network <код>', 'сеть (если в базе их несколько)')
    .option('--json', 'итог одной строкой JSON: {"read","imported","updated","skipped","failed"}')
    .action((file: string, flags: ImportMarcFlags) => importMarc(file, flags));
}
