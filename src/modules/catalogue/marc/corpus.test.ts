import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparableText, comparableYazText, corpusFiles, yazRecords, type CorpusFile, type YazRecord } from './corpus.testkit.js';
import { readIso2709Buffer } from './iso2709-reader.js';
import { MarcWriteError, writeIso2709, writeIso2709Record } from './iso2709-writer.js';
import { readMarcXmlString } from './marcxml-reader.js';
import { writeMarcXml } from './marcxml-writer.js';
import type { MarcEncoding, MarcReadRecord, MarcReadResult, MarcRecord } from './record.js';

interface FileSummary {
  /** Records yaz-marcdump printed. */
  yaz: number;
  /** Records we returned, and the errors we reported by code. */
  records: number;
  errors: Record<string, number>;
  /** Record pairs (ours, yaz's) with the same text, and those that differ. */
  agree: number;
  differ: number;
}

/**
 * Files where yaz and we do not agree record for record, with what we do. Every difference is also
 * required to be explained: either we warned about the record, or yaz did.
 */
const KNOWN: Record<string, FileSummary> = {
  // Text before the first subfield delimiter: we keep it under code '', yaz takes its first byte as a delimiter.
  'amironov73_ManagedIrbis/ibis32_derived_utf8.iso': { yaz: 269, records: 269, errors: {}, agree: 269, differ: 0 },
  // Broken East Asian (EACC) MARC-8: yaz drops or guesses the bad bytes, we write U+FFFD and warn.
  'edsu_pymarc/bad_eacc_encoding.dat': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
  'marc4j_marc4j/chinese_mangled_multibyte.mrc': { yaz: 4, records: 4, errors: {}, agree: 3, differ: 1 },
  'marc4j_marc4j/incomplete_esc_seq.mrc': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
  // A bad escape sequence: yaz drops the rest of the subfield, we decode it and warn.
  'edsu_pymarc/bad_marc8_escape.dat': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
  // Greek without the escape back: yaz drops unknown bytes, we write U+FFFD and warn.
  'marc4j_marc4j/greekmissingcharsetchange.mrc': { yaz: 3, records: 3, errors: {}, agree: 2, differ: 1 },
  'evergreen-library-system_Evergreen/hebrew.marc': { yaz: 20, records: 20, errors: {}, agree: 19, differ: 1 },
  // Structurally broken records: we refuse the ones whose directory is not a multiple of 12, yaz guesses.
  'edsu_pymarc/bad_records.mrc': { yaz: 8, records: 6, errors: { 'directory-invalid': 2 }, agree: 3, differ: 3 },
  'marc4j_marc4j/bad_oversize_field_bad_directory.mrc': { yaz: 5, records: 4, errors: { 'directory-invalid': 1 }, agree: 4, differ: 0 },
  'marc4j_marc4j/pride-and-prejudice-with-many-errors.mrc': {
    yaz: 383,
    records: 367,
    errors: { 'directory-invalid': 16 },
    agree: 367,
    differ: 0,
  },
  // Wrong lengths in the leader: yaz follows them and cuts text (or reads nothing), we read to the terminator and warn.
  'ndlrf-rnd_neb-catalog/1251-split.mrc': { yaz: 6, records: 6, errors: {}, agree: 1, differ: 5 },
  'ndlrf-rnd_neb-catalog/marc-schema-test.mrc': { yaz: 100, records: 100, errors: {}, agree: 70, differ: 30 },
  'marc4j_marc4j/bad_hathi_records.mrc': { yaz: 3, records: 5, errors: {}, agree: 0, differ: 0 },
  'marc4j_marc4j/bad_too_long_plus_2.mrc': { yaz: 0, records: 3, errors: {}, agree: 0, differ: 0 },
  // A record over 99,999 bytes: yaz reads nothing, we report its directory.
  'marc4j_marc4j/datos-20161010-slice.mrc': { yaz: 0, records: 0, errors: { 'directory-invalid': 1 }, agree: 0, differ: 0 },
  // No record terminator at the end of the file: both skip the tail, we report it.
  'marc4j_marc4j/008008027.mrc': { yaz: 18, records: 18, errors: { 'record-truncated': 1 }, agree: 18, differ: 0 },
  'xbib_marc/SWB1.marc21': { yaz: 0, records: 0, errors: { 'record-truncated': 1 }, agree: 0, differ: 0 },
  'xbib_marc/SWB3.marc21': { yaz: 0, records: 0, errors: { 'record-truncated': 1 }, agree: 0, differ: 0 },
  'xbib_marc/SWB4.marc21': { yaz: 0, records: 0, errors: { 'record-truncated': 1 }, agree: 0, differ: 0 },
  'xbib_marc/zdblokutf8.mrc': { yaz: 292, records: 292, errors: { 'record-truncated': 1 }, agree: 292, differ: 0 },
  'xbib_marc/zdbtitutf8.mrc': { yaz: 7, records: 7, errors: { 'record-truncated': 1 }, agree: 7, differ: 0 },
  // Broken leaders (non-ASCII bytes, wrong lengths-of-length): yaz rewrites them, we keep them and warn.
  'ndlrf-rnd_neb-catalog/rsl_10_broken.mrc': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
  'edsu_pymarc/bad_subfield_code.dat': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
  // MARCXML: yaz reads the OAI envelope's <record>s too; we read the 50 MARC records inside.
  'xbib_marc/zdb-oai-marc.xml': { yaz: 100, records: 50, errors: {}, agree: 0, differ: 0 },
  // Seven root <record>s, which XML forbids: yaz reads the first; we read each as a document of its own (all seven,
  // each as yaz reads it alone: marcxml.test.ts).
  'evergreen-library-system_Evergreen/serials_marc21.xml': { yaz: 1, records: 7, errors: {}, agree: 0, differ: 0 },
  // Unclosed <collection>: both read the two records, we report the end.
  'ndlrf-rnd_neb-catalog/svod-18-partial.mrx': { yaz: 2, records: 2, errors: { 'xml-malformed': 1 }, agree: 2, differ: 0 },
  // yaz refuses the file; it is well-formed MARCXML.
  'amironov73_ManagedIrbis/ibis32_derived_utf8.marcxml.xml': { yaz: 0, records: 269, errors: {}, agree: 0, differ: 0 },
  // Not MARCXML (RBA "UNISlim" schema, no leader): one record without a leader, with a warning.
  'xbib_marc/rusmarc.xml': { yaz: 0, records: 1, errors: {}, agree: 0, differ: 0 },
  // Invalid tag "42": yaz prints it and a leader with '#' in place of blanks; we keep both as read and warn.
  'edsu_pymarc/bad_tag.xml': { yaz: 1, records: 1, errors: {}, agree: 0, differ: 1 },
};

function read(file: CorpusFile): MarcReadResult[] {
  return file.format === 'iso2709'
    ? [...readIso2709Buffer(readFileSync(file.path))]
    : [...readMarcXmlString(readFileSync(file.path, 'utf8'))];
}

/** Compares one file with yaz-marcdump; returns the summary and the differences nobody warned about. */
function compareWithYaz(file: CorpusFile, results: MarcReadResult[]): { summary: FileSummary; unexplained: string[] } {
  const yazRuns = new Map<MarcEncoding | undefined, YazRecord[]>();
  const yaz = (encoding: MarcEncoding | undefined): YazRecord[] => {
    let records = yazRuns.get(encoding);
    if (!records) {
      records = yazRecords(file.path, encoding, file.format === 'iso2709' ? 'marc' : 'marcxml');
      yazRuns.set(encoding, records);
    }
    return records;
  };
  const records = results.filter((result): result is MarcReadRecord => result.kind === 'record');
  const errors: Record<string, number> = {};
  for (const result of results) if (result.kind === 'error') errors[result.code] = (errors[result.code] ?? 0) + 1;
  const yazCount = yaz('utf-8').length;

  // Pair records: by position when yaz printed one record per result, or ours in order when yaz
  // skipped exactly what we reported as errors.
  let pairs: Array<[MarcReadRecord, number]> = [];
  if (results.length === yazCount) {
    results.forEach((result, position) => {
      if (result.kind === 'record') pairs.push([result, position]);
    });
  } else if (records.length === yazCount) {
    pairs = records.map((record, position) => [record, position]);
  }
  let agree = 0;
  let differ = 0;
  const unexplained: string[] = [];
  for (const [ours, position] of pairs) {
    const theirs = yaz(ours.encoding)[position]!;
    // Text before the first delimiter is kept by us and misread by yaz: those fields are compared by neither.
    const skip = new Set<number>();
    ours.record.fields.forEach((field, index) => {
      if ('subfields' in field && field.subfields[0]?.[0] === '' && field.subfields[0][1] !== '') skip.add(index);
    });
    if (comparableText(ours.record, skip) === comparableYazText(theirs, skip)) {
      agree++;
      continue;
    }
    differ++;
    if (ours.warnings.length === 0 && theirs.warnings.length === 0) unexplained.push(`запись ${ours.index}`);
  }
  return { summary: { yaz: yazCount, records: records.length, errors, agree, differ }, unexplained };
}

// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const NOT_IN_ISO2709 = /[\u001d-\u001f]/g;

/**
 * The record as a writer reproduces it: ISO 2709 computes leader positions, writes a non-ASCII or
 * control indicator as blank and its separators inside values as U+FFFD; XML 1.0 cannot carry
 * control characters (U+FFFD). Nothing else may change.
 */
function normalised(record: MarcRecord, format: 'iso2709' | 'marcxml'): MarcRecord {
  const text = (value: string): string => value.replace(format === 'iso2709' ? NOT_IN_ISO2709 : NOT_IN_XML, '\uFFFD');
  const indicator = (value: string): string => (format === 'iso2709' ? (/^[\x20-\x7e]$/.test(value) ? value : ' ') : text(value));
  const leader = format === 'iso2709' ? record.leader.slice(5, 9) + record.leader.slice(17, 20) : text(record.leader);
  return {
    leader,
    fields: record.fields.map((field) =>
      'value' in field
        ? { tag: field.tag, value: text(field.value) }
        : {
            tag: field.tag,
            ind1: indicator(field.ind1),
            ind2: indicator(field.ind2),
            subfields: field.subfields
              .filter(([code, value], index) => !(format === 'iso2709' && index === 0 && code === '' && value === ''))
              .map(([code, value]): [string, string] => [text(code), text(value)]),
          },
    ),
  };
}

const files = corpusFiles();

describe('the corpus read by us and by yaz-marcdump', () => {
  it('contains ISO 2709 and MARCXML files', () => {
    expect(files.filter((file) => file.format === 'iso2709').length).toBeGreaterThan(90);
    expect(files.filter((file) => file.format === 'marcxml').length).toBeGreaterThan(30);
  });

  it.each(files.map((file) => [file.name, file] as const))(
    '%s: every record agrees with yaz or differs as pinned, and every difference is warned',
    (name, file) => {
      const { summary, unexplained } = compareWithYaz(file, read(file));
      expect(unexplained).toEqual([]);
      const known = KNOWN[name];
      if (known) expect(summary).toEqual(known);
      else expect(summary).toEqual({ yaz: summary.yaz, records: summary.yaz, errors: {}, agree: summary.yaz, differ: 0 });
    },
  );
});

describe('round trips over the corpus', () => {
  it.each(files.map((file) => [file.name, file] as const))(
    '%s: read → write ISO 2709 → read and → MARCXML → read give the same records',
    (_name, file) => {
      const records = read(file).flatMap((result) => (result.kind === 'record' ? [result.record] : []));
      // What ISO 2709 cannot hold (a record over 99,999 bytes read by its terminator, a two-letter tag
      // from MARCXML) is refused by the writer, never cut.
      const fitting = records.filter((record) => {
        try {
          writeIso2709Record(record);
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(MarcWriteError);
          return false;
        }
      });
      expect(fitting.length).toBe(
        UNWRITABLE_AS_ISO2709[file.name] === undefined ? records.length : records.length - UNWRITABLE_AS_ISO2709[file.name]!,
      );
      const viaIso = [...readIso2709Buffer(writeIso2709(fitting))];
      expect(viaIso.every((result) => result.kind === 'record' && result.encoding === 'utf-8')).toBe(true);
      expect(viaIso.map((result) => normalised((result as MarcReadRecord).record, 'iso2709'))).toEqual(
        fitting.map((record) => normalised(record, 'iso2709')),
      );
      const viaXml = [...readMarcXmlString(writeMarcXml(records))];
      expect(viaXml.map((result) => (result as MarcReadRecord).record)).toEqual(records.map((record) => normalised(record, 'marcxml')));
    },
  );
});

/** Records the ISO 2709 writer refuses, per file. */
const UNWRITABLE_AS_ISO2709: Record<string, number> = {
  'marc4j_marc4j/bad_hathi_records.mrc': 1, // over 99,999 bytes
  'marc4j_marc4j/bad_too_long_plus_2.mrc': 1, // over 99,999 bytes
  'edsu_pymarc/bad_tag.xml': 1, // tag "42"
};
