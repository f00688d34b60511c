import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../modules/auth/index.js';
import { runCatalogueImport, type ImportMarcSummary, type MarcEncoding, type MarcSchema, type OnMatch } from '../modules/catalogue/index.js';
import type { ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { resolveNetwork } from './network.js';
import { countOf } from '../shared/plural.js';

interface ImportMarcFlags extends ConfigFlags {
  format?: 'iso2709' | 'marcxml';
  schema?: MarcSchema;
  encoding?: MarcEncoding;
  onMatch: OnMatch;
  json?: boolean;
  network?: string;
}

export type ImportSummary = ImportMarcSummary;

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
 * A thin shell over the catalogue's import (runCatalogueImport → importMarc): the file streamed in,
 * every bad record reported on stderr (its number, offset and reason), a progress bar on a terminal,
 * the summary on stdout. The import is recorded in catalogue_imports like an upload from the web page.
 */
async function importMarcFile(path: string, flags: ImportMarcFlags): Promise<void> {
  const size = (await stat(path).catch(() => { throw new CliError(`Нет такого файла: ${path}`); })).size;
  let summary: ImportSummary = { read: 0, imported: 0, updated: 0, skipped: 0, failed: 0 };
  await withDatabase(flags, { mustExist: true, migrate: true }, async ({ db }) => {
    const network = await resolveNetwork(db, flags.network);
    const stream = createReadStream(path);
    const progress = progressLine(size);
    try {
      const row = await runCatalogueImport({
        db, actor: systemActor(network.id), source: stream,
        input: {
          fileName: basename(path), fileSize: size,
          options: { format: flags.format, schema: flags.schema, encoding: flags.encoding, onMatch: flags.onMatch },
        },
        onProgress: ({ bytesRead, summary: soFar }) => progress.update(bytesRead, soFar),
        // On a terminal, clear the progress line first.
        onError: (error) => process.stderr.write(
          `${process.stderr.isTTY ? '\r\x1b[K' : ''}запись ${error.index}${error.byteOffset === null ? '' : ` (смещение ${error.byteOffset})`}: ${error.reason}\n`),
      });
      progress.done();
      if (row.status === 'failed') throw new CliError(row.message);
      summary = {
        read: row.read_count, imported: row.imported_count, updated: row.updated_count, skipped: row.skipped_count, failed: row.failed_count,
      };
    } finally {
      stream.destroy();
    }
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
    .option('--encoding <кодировка>', 'для ISO 2709: utf-8, cp1251 или marc-8 (по умолчанию — определяется по каждой записи; MARCXML читается в кодировке, объявленной в файле)', choices('--encoding', ['utf-8', 'cp1251', 'marc-8'] as const))
    .option('--on-match <правило>', 'если запись уже есть: skip, replace или merge', choices('--on-match', ['skip', 'replace', 'merge'] as const), 'skip')
    .option('--network <код>', 'сеть (если в базе их несколько)')
    .option('--json', 'итог одной строкой JSON: {"read","imported","updated","skipped","failed"}')
    .action((file: string, flags: ImportMarcFlags) => importMarcFile(file, flags));
}
