// Test support (not product code): the MARC corpus in ../shared and a bridge to yaz-marcdump.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isControlField, type MarcEncoding, type MarcRecord } from './record.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/data/marc');

export interface CorpusFile {
  /** Path relative to the corpus root. */
  name: string;
  path: string;
  format: 'iso2709' | 'marcxml';
}

const NOT_MARC = /(\.md|README|\.mst|\.xrf)$/;

/** Every MARC file of the corpus; the format is read from the content (some MARCXML files are named .mrc). */
export function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const directory of readdirSync(corpusRoot, { withFileTypes: true })) {
    if (!directory.isDirectory() || directory.name === 'reference') continue;
    for (const entry of readdirSync(path.join(corpusRoot, directory.name)).sort()) {
      if (NOT_MARC.test(entry)) continue;
      const filePath = path.join(corpusRoot, directory.name, entry);
      const head = readFileSync(filePath)
        .subarray(0, 64)
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
        .trimStart();
      files.push({ name: `${directory.name}/${entry}`, path: filePath, format: head.startsWith('<') ? 'marcxml' : 'iso2709' });
    }
  }
  return files;
}

/** One record as yaz-marcdump prints it with `-o line`, split into its lines; warnings are set apart. */
export interface YazRecord {
  lines: string[];
  warnings: string[];
}

const YAZ_FROM: Record<MarcEncoding, string[]> = {
  'utf-8': [],
  cp1251: ['-f', 'CP1251', '-t', 'UTF-8'],
  'marc-8': ['-f', 'MARC-8', '-t', 'UTF-8'],
};

/** Runs `yaz-marcdump -o line` (converting ISO 2709 from `encoding` to UTF-8 unless it is UTF-8; MARCXML is decoded by its
 *  declaration) and splits its output by record. */
export function yazRecords(filePath: string, encoding: MarcEncoding | undefined, inputFormat: 'marc' | 'marcxml' = 'marc'): YazRecord[] {
  // yaz exits non-zero after a broken record but still prints what it read.
  const stdout = spawnSync('yaz-marcdump', ['-i', inputFormat, '-o', 'line', ...(inputFormat === 'marc' && encoding ? YAZ_FROM[encoding] : []), filePath], {
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).stdout.toString('utf8');
  const records: YazRecord[] = [];
  for (const block of stdout.split('\n\n')) {
    if (block.trim() === '') continue;
    const lines = block.split('\n').filter((line) => line !== '');
    const isWarning = (line: string): boolean => line.startsWith('(') || line.startsWith('<!--');
    const content = lines.filter((line) => !isWarning(line));
    if (content.length === 0) continue; // "<!-- EOF while searching for RS -->": no record
    records.push({ lines: content, warnings: lines.filter(isWarning) });
  }
  return records;
}

/** Our record in yaz's `-o line` format: the reduced leader, then one line per field. */
function asYazLines(record: MarcRecord): string[] {
  const lines = [comparableLeader(record.leader)];
  for (const field of record.fields) {
    if (isControlField(field)) {
      lines.push(`${field.tag} ${field.value}`);
      continue;
    }
    let line = `${field.tag} ${field.ind1}${field.ind2}`;
    for (const [code, value] of field.subfields) {
      if (code === '' && value === '') continue; // a bare delimiter: yaz prints nothing
      line += code === '' ? ` ${value}` : ` $${code} ${value}`;
    }
    lines.push(line);
  }
  return lines.map((line) => line.normalize('NFC'));
}

/** Our record as comparable text: yaz's line format, leader reduced, NFC, whitespace runs collapsed
 * (yaz's line format cannot show a line break inside a value). */
export function comparableText(record: MarcRecord, skipFields: ReadonlySet<number> = new Set()): string {
  return asYazLines(record)
    .filter((_line, position) => !skipFields.has(position - 1))
    .join('\n')
    .replace(/\s+/g, ' ');
}

/** yaz's record as comparable text (see comparableText). */
export function comparableYazText(yaz: YazRecord, skipFields: ReadonlySet<number> = new Set()): string {
  return yaz.lines
    .map((line, position) => (position === 0 ? comparableLeader(line) : line.normalize('NFC')))
    .filter((_line, position) => !skipFields.has(position - 1))
    .join('\n')
    .replace(/\s+/g, ' ');
}

/** Leader positions that describe the record rather than its structure (yaz rewrites 0–4, 09–16, 20–23). */
export function comparableLeader(leader: string): string {
  return `${leader.slice(5, 9)}_${leader.slice(17, 20)}`;
}
