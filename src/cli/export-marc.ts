import { existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { exportMarc, parseSearchBox, type ExportSelection } from '../modules/catalogue/index.js';
import type { ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { resolveNetwork } from './network.js';
import { countOf } from '../shared/plural.js';
import { writeFileWhole } from './write-file-whole.js';

interface ExportMarcFlags extends ConfigFlags {
  format: 'iso2709' | 'marcxml';
  ids?: string;
  query?: string;
  network?: string;
  force?: boolean;
}

function format(value: string): 'iso2709' | 'marcxml' {
  if (value !== 'iso2709' && value !== 'marcxml') throw new CliError('--format: допустимо iso2709, marcxml');
  return value;
}

/**
 * The catalogue (or the records named by --ids) into one file, page by page in constant memory; each
 * record as stored, in its own schema, UTF-8. Records ISO 2709 cannot hold are named on stderr (MARCXML holds them).
 */
async function exportMarcFile(path: string, flags: ExportMarcFlags): Promise<void> {
  if (existsSync(path) && !flags.force) throw new CliError(`Файл ${path} уже существует: укажите другой или добавьте --force`);
  let selection: ExportSelection = { kind: 'all' };
  if (flags.ids !== undefined) {
    if (!/^\d+(,\d+)*$/.test(flags.ids)) throw new CliError('--ids: номера записей через запятую, например 1,2,3');
    selection = { kind: 'ids', ids: flags.ids.split(',').map(Number) };
  } else if (flags.query !== undefined) {
    const query = parseSearchBox(flags.query);
    if (query) selection = { kind: 'search', request: { query } };
  }
  let written = 0;
  let left = 0;
  await withDatabase(flags, { mustExist: true, migrate: true }, async ({ db }) => {
    const network = await resolveNetwork(db, flags.network);
    const chunks = exportMarc({
      db, networkId: network.id, selection, format: flags.format,
      onSkipped: ({ id, title, reason }) => {
        left++;
        process.stderr.write(`запись ${id} «${title}» не выгружена в ISO 2709: ${reason}\n`);
      },
      onProgress: (count) => {
        written = count;
        if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  выгружено ${count.toLocaleString('ru-RU')}`);
      },
    });
    await writeFileWhole(path, { force: flags.force === true }, (out) => pipeline(Readable.from(chunks), out));
    if (process.stderr.isTTY && written > 0) process.stderr.write('\n');
  });
  console.log(`Выгружено ${countOf(written, ['запись', 'записи', 'записей'])} в ${path}${left ? `; не выгружено в ISO 2709: ${left} (см. выше, MARCXML примет их)` : ''}`);
}

export function registerExport(program: Command): void {
  const group = program.command('export').description('выгрузить данные в файлы');
  addDatabaseOptions(group.command('marc <файл>'))
    .description('выгрузить библиографические записи в ISO 2709 или MARCXML (UTF-8, каждая запись в своей схеме)')
    .option('--format <формат>', 'iso2709 или marcxml', format, 'iso2709')
    .option('--query <запрос>', 'только найденные, как в строке поиска: «автор:Пушкин сказки», «год:1990-2000»')
    .option('--ids <номера>', 'только эти записи: номера через запятую (по умолчанию — весь каталог)')
    .option('--network <код>', 'сеть (если в базе их несколько)')
    .option('--force', 'перезаписать существующий файл')
    .action((file: string, flags: ExportMarcFlags) => exportMarcFile(file, flags));
}
