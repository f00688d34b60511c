import type { ProgressListener } from '../db/backup.js';

import { countOf } from '../shared/plural.js';

export const tablesAndRows = (summary: { tables: unknown[]; rows: number }) =>
  `${countOf(summary.tables.length, ['таблица', 'таблицы', 'таблиц'])}, ${countOf(summary.rows, ['строка', 'строки', 'строк'])}`;

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} КБ`;
  return `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}

/**
 * Shows backup and restore progress on stderr: a line rewritten in place on a
 * terminal, one line per finished table otherwise (logs, cron mail).
 */
export function tableProgress(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  return ({ table, done, total }) => {
    const finished = done === total;
    if (stream.isTTY) {
      stream.write(`\r\x1b[K  ${table}: ${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}${finished ? '\n' : ''}`);
    } else if (finished) {
      stream.write(`  ${table}: ${total.toLocaleString('ru-RU')}\n`);
    }
  };
}

/**
 * Shows the catalogue's projection refresh (after an upgrade) on stderr: a line rewritten in place on a
 * terminal; otherwise one line when it starts and one when it ends.
 */
export function projectionProgress(stream: NodeJS.WriteStream = process.stderr) {
  let started = false;
  return ({ refreshed, total }: { refreshed: number; total: number }) => {
    const records = countOf(total, ['записи', 'записей', 'записей']);
    if (stream.isTTY) {
      stream.write(`\r\x1b[K  Каталог: обновление данных поиска после новой версии программы — ${refreshed.toLocaleString('ru-RU')} из ${records}`);
      if (refreshed >= total) stream.write('\n');
    } else if (!started) stream.write(`  Каталог: обновление данных поиска после новой версии программы, записей: ${total.toLocaleString('ru-RU')}…\n`);
    else if (refreshed >= total) stream.write('  Каталог: данные поиска обновлены\n');
    started = true;
  };
}
