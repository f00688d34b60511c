// Test support (not product code): deterministic mutation of corpus records, shared by the fuzz test
// and bench/marc-fuzz.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusRoot } from './corpus.testkit.js';
import { readIso2709Buffer } from './iso2709-reader.js';
import { MarcWriteError, writeIso2709Record } from './iso2709-writer.js';
import { readMarcXmlString } from './marcxml-reader.js';
import type { MarcReadResult } from './record.js';
import { seededRandom } from '../../../shared/random.js';

/** Seed files: UTF-8 MARC21 and UNIMARC, CP1251 RUSMARC, MARC-8 with ANSEL, Cyrillic, Hebrew, CJK escapes. */
const SEED_FILES = [
  'loge-gh_rusmarc/TEST1.ISO',
  'amironov73_ManagedIrbis/TEST1.ISO',
  'evergreen-library-system_Evergreen/jazz_1k.mrc',
  'evergreen-library-system_Evergreen/hebrew.marc',
  'evergreen-library-system_Evergreen/FSL.marc',
  'marc4j_marc4j/cyrillic_capital_e.mrc',
  'xbib_marc/IRMARC8.bin',
  'ndlrf-rnd_neb-catalog/heritage-rumorgb-2019-0000001-0000013.mrc',
  'edsu_pymarc/bad_records.mrc',
];
const SEED_XML = ['loge-gh_rusmarc/TEST1_derived_utf8.marcxml.xml', 'marc4j_marc4j/sample1a.xml'];


/** The raw bytes of seed records (cut at record terminators), at most `perFile` from each file. */
export function seedRecords(perFile = 40): Buffer[] {
  const seeds: Buffer[] = [];
  for (const name of SEED_FILES) {
    const bytes = readFileSync(path.join(corpusRoot, name));
    let start = 0;
    for (let count = 0; count < perFile; count++) {
      const end = bytes.indexOf(0x1d, start);
      if (end < 0) break;
      seeds.push(bytes.subarray(start, end + 1));
      start = end + 1;
    }
  }
  return seeds;
}

export function seedXml(): string[] {
  return SEED_XML.map((name) => readFileSync(path.join(corpusRoot, name), 'utf8').slice(0, 40_000));
}

const DIGITS_AND_SEPARATORS = [0x30, 0x39, 0x1d, 0x1e, 0x1f, 0x1b, 0x20, 0xff, 0xc0, 0x80];

/** One mutated input: 1–3 seed records, then 1–4 mutations, biased towards the leader and directory. */
export function mutate(seeds: readonly Buffer[], next: () => number): Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(seeds));
  let bytes = Buffer.from(Buffer.concat(parts));
  const mutations = 1 + Math.floor(next() * 4);
  for (let m = 0; m < mutations && bytes.length > 0; m++) {
    // Half the mutations hit the structure (first 24 + directory bytes), half anywhere.
    const at = next() < 0.5 ? Math.floor(next() * Math.min(bytes.length, 200)) : Math.floor(next() * bytes.length);
    const kind = Math.floor(next() * 6);
    if (kind === 0) bytes[at] = Math.floor(next() * 256);
    else if (kind === 1) bytes[at] = pick(DIGITS_AND_SEPARATORS);
    else if (kind === 2)
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([pick(DIGITS_AND_SEPARATORS), Math.floor(next() * 256)]),
        bytes.subarray(at),
      ]);
    else if (kind === 3)
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(next() * 30)))]);
    else if (kind === 4) bytes = bytes.subarray(0, Math.max(1, at));
    else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.floor(next() * bytes.length))]);
  }
  // Empty input, or only the filler allowed between records, legitimately yields nothing.
  // eslint-disable-next-line no-control-regex
  return /^[\r\n\0 \x1a]*$/.test(bytes.toString('latin1')) ? Buffer.from('0') : bytes;
}

export function mutateXml(seeds: readonly string[], next: () => number): string {
  let text = seeds[Math.floor(next() * seeds.length)]!;
  const mutations = 1 + Math.floor(next() * 3);
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(next() * text.length);
    const kind = Math.floor(next() * 4);
    if (kind === 0) text = text.slice(0, at) + '<>&"\u0001'.charAt(Math.floor(next() * 5)) + text.slice(at);
    else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
    else if (kind === 2) text = text.slice(0, at);
    else text = text.slice(0, at) + text.slice(Math.floor(next() * text.length));
  }
  return text;
}

export interface FuzzCounts {
  cases: number;
  records: number;
  errors: number;
  recordsWithWarnings: number;
  /** Inputs that produced neither a record nor an error report (must stay 0). */
  silent: number;
  /** Records the writer refused (a bad tag, or over ISO 2709's limits); all others must read back as one record. */
  unwritable: number;
  slowestCaseMs: number;
}

/**
 * Runs `cases` ISO 2709 and `xmlCases` MARCXML mutations. Throws on the first broken invariant:
 * an exception escaping a reader, an input yielding nothing, record numbers out of sequence, or
 * a record read from garbage that the writer cannot write back readably.
 */
export function fuzz(cases: number, xmlCases: number, seed = 1): FuzzCounts {
  const next = seededRandom(seed);
  const seeds = seedRecords();
  const xmlSeeds = seedXml();
  const counts: FuzzCounts = { cases: 0, records: 0, errors: 0, recordsWithWarnings: 0, silent: 0, unwritable: 0, slowestCaseMs: 0 };
  const tally = (results: MarcReadResult[], label: string): void => {
    counts.cases++;
    if (results.length === 0) counts.silent++;
    results.forEach((result, position) => {
      if (result.index !== position + 1) throw new Error(`${label}: record number ${result.index} at position ${position + 1}`);
      if (result.kind === 'error') {
        counts.errors++;
        return;
      }
      counts.records++;
      if (result.warnings.length > 0) counts.recordsWithWarnings++;
      let written: Buffer;
      try {
        written = writeIso2709Record(result.record);
      } catch (error) {
        if (!(error instanceof MarcWriteError)) throw error;
        counts.unwritable++;
        return;
      }
      const back = [...readIso2709Buffer(written)];
      if (back.length !== 1 || back[0]!.kind !== 'record') throw new Error(`${label}: the writer's output does not read back`);
    });
  };
  for (let n = 0; n < cases; n++) {
    const input = mutate(seeds, next);
    const started = performance.now();
    const results = [...readIso2709Buffer(input)];
    counts.slowestCaseMs = Math.max(counts.slowestCaseMs, performance.now() - started);
    tally(results, `ISO 2709 case ${n}`);
  }
  for (let n = 0; n < xmlCases; n++) {
    const input = mutateXml(xmlSeeds, next);
    const started = performance.now();
    const results = [...readMarcXmlString(input)];
    counts.slowestCaseMs = Math.max(counts.slowestCaseMs, performance.now() - started);
    // An XML document cut before its first record legitimately holds nothing.
    if (results.length === 0 && !/<(\w+:)?record[\s>]/.test(input)) counts.cases++;
    else tally(results, `MARCXML case ${n}`);
  }
  return counts;
}
