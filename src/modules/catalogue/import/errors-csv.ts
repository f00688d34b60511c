import { countOf } from '../../../shared/plural.js';
import type { ImportRecordError } from './import-marc.js';

const HEADER = ['№ записи', 'Смещение, байт', 'Код', 'Причина'];

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The bad records' reports as CSV for Excel: UTF-8 with a BOM (else Excel reads it as Windows-1251),
 * «;» between cells (Russian Excel's list separator), CRLF line ends. When the import had more bad
 * records than were kept, a last line says how many are not listed.
 */
export function errorsCsv(errors: ImportRecordError[], failed: number): string {
  const lines = [HEADER.join(';')];
  for (const error of errors) lines.push([error.index, error.byteOffset, error.code, error.reason].map(cell).join(';'));
  if (failed > errors.length) lines.push(['', '', '', `…и ещё ${countOf(failed - errors.length, ['запись', 'записи', 'записей'])} с ошибками (в отчёт не вошли)`].map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
