import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { SaxesParser } from 'saxes';
import { describe, expect, it, vi } from 'vitest';
import { corpusFiles } from './corpus.testkit.js';
import { seededRandom } from '../../../shared/random.js';
import { mutateXml, seedXml } from './fuzz.testkit.js';
import { readMarcXml, readMarcXmlString, readMarcXmlStringWithSaxes, type MarcXmlReadStats } from './marcxml-reader.js';
import { MarcXmlReader } from './marcxml-saxes.js';
import { writeMarcXml } from './marcxml-writer.js';
import type { MarcReadResult, MarcRecord } from './record.js';

// The fast MARCXML path must give exactly what the saxes reader alone gives — records, warnings,
// numbers, offsets, and the errors' reasons with saxes's line and column — on any input.

const record = (n: number): MarcRecord => ({
  leader: '01234nam a2200277 i 4500',
  fields: [
    { tag: '001', value: `rec-${n}` },
    { tag: '245', ind1: '1', ind2: '0', subfields: [['a', `Сказки ${n} & "былины" <избранное>`], ['c', 'А. С. Пушкин']] },
  ],
});
const collection = (count: number) => writeMarcXml(Array.from({ length: count }, (_, n) => record(n)));

/** The results of reading `xml` and what each path read (the reading's return value). */
function readCounted(xml: string): { results: MarcReadResult[]; stats: MarcXmlReadStats } {
  const reading = readMarcXmlString(xml);
  const results: MarcReadResult[] = [];
  for (let next = reading.next(); ; next = reading.next()) {
    if (next.done) return { results, stats: next.value };
    results.push(next.value);
  }
}

const agrees = (xml: string) => isDeepStrictEqual([...readMarcXmlString(xml)], [...readMarcXmlStringWithSaxes(xml)]);
const sameAsSaxes = (xml: string) => expect([...readMarcXmlString(xml)]).toEqual([...readMarcXmlStringWithSaxes(xml)]);

describe('the fast MARCXML path', () => {
  it('reads a well-formed collection without saxes, entities decoded, offsets as saxes gives them', () => {
    const xml = collection(50);
    const { results, stats } = readCounted(xml);
    expect(stats).toEqual({ fastRecords: 50, saxesReaders: 0, saxesFaults: 0 });
    expect(results).toHaveLength(50);
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  // Counted, not timed: a lost hand-back changes no result, only the speed (MARCXML at a third of its rate once).
  it('hands one odd record to saxes and goes on fast after it: a comment, a processing instruction, CDATA', () => {
    for (const odd of ['<!-- a comment -->', '<?pi data?>', '<![CDATA[]]>']) {
      const xml = collection(200).replace('<controlfield tag="001">rec-40</controlfield>', `${odd}<controlfield tag="001">rec-40</controlfield>`);
      const { results, stats } = readCounted(xml);
      expect(stats).toEqual({ fastRecords: 199, saxesReaders: 1, saxesFaults: 0 });
      expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
    }
  });

  it('leaves to saxes what XML forbids in text and the fast path does not check by itself: "]]>", a control character', () => {
    for (const odd of [']]>', '\u0001', '\r']) {
      const xml = collection(20).replace('rec-7', `rec-7 ${odd}`);
      const { results, stats } = readCounted(xml);
      expect(stats.fastRecords).toBe(19);
      expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
    }
  });

  it('goes on fast after a record saxes read, when streamed too', async () => {
    const xml = collection(200).replace('rec-40', 'rec-40 <!-- a comment -->');
    const bytes = Buffer.from(xml);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, n) => bytes.subarray(n * 1000, (n + 1) * 1000));
    const reading = readMarcXml(Readable.from(chunks));
    const results: MarcReadResult[] = [];
    let next = await reading.next();
    for (; !next.done; next = await reading.next()) results.push(next.value);
    expect(next.value).toEqual({ fastRecords: 199, saxesReaders: 1, saxesFaults: 0 });
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  it('goes on fast after a record with malformed XML, which saxes reports', () => {
    const xml = collection(200).replace('rec-40', 'rec-40 <oops');
    const { results, stats } = readCounted(xml);
    expect(stats).toEqual({ fastRecords: 199, saxesReaders: 1, saxesFaults: 1 });
    expect(results[40]).toMatchObject({ kind: 'error', index: 41, code: 'xml-malformed' });
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  it('stops saxes at the first fault of a document broken early, each time reading resumes', () => {
    // Another root than <collection>: saxes reads the whole document, from each resumption on to its end. Left to
    // parse on past a fault, it would build an Error for every later one, again after each resumption.
    const broken = Array.from({ length: 10 }, (_, n) => n * 5);
    let xml = collection(50).replace(/(<\/?)collection\b/g, '$1records');
    for (const n of broken) xml = xml.replace(`>rec-${n}<`, `>rec-${n} & <`);
    const { results, stats } = readCounted(xml);
    expect(results.map((r, n) => (r.kind === 'error' ? n : -1)).filter((n) => n >= 0)).toEqual(broken);
    expect(stats).toEqual({ fastRecords: 0, saxesReaders: 11, saxesFaults: 10 });
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  it('registers no more saxes event handlers than it needs', () => {
    // saxes slows down two to three times once a parser has eight event handlers (bench/marc-parse.ts showed it, no
    // test did): adding one is a change to make here, with the benchmark run.
    const on = vi.spyOn(SaxesParser.prototype, 'on');
    try {
      void new MarcXmlReader();
      expect(on.mock.calls.map(([event]) => event)).toEqual(['opentagstart', 'opentag', 'closetag', 'text', 'cdata', 'error']);
    } finally {
      on.mockRestore();
    }
  });

  it('gives saxes the records with warnings: missing leader, bad tag, subfield without a code', () => {
    const xml = collection(3).replace('<leader>01234nam a2200277 i 4500</leader>', '')
      .replace('<datafield tag="245"', '<datafield tag="24"')
      .replace('<subfield code="c">', '<subfield>');
    const results = [...readMarcXmlString(xml)];
    expect(results.flatMap((r) => (r.kind === 'record' ? r.warnings.map((w) => w.code) : []))).toEqual(
      expect.arrayContaining(['xml-missing-leader', 'xml-bad-tag', 'xml-missing-subfield-code']),
    );
    sameAsSaxes(xml);
  });

  it('reports malformed XML after fast records with the line, column and offset saxes gives', () => {
    const xml = collection(20).replace('</datafield>\n</record>\n<record>\n  <leader>01234nam a2200277 i 4500</leader>\n  <controlfield tag="001">rec-17<', '</datafield>\n</record>\n<record>\n  <leader>01234nam a2200277 i 4500</leader>\n  <controlfield tag="001">rec-17 & <');
    const results = [...readMarcXmlString(xml)];
    expect(results[17]).toMatchObject({ kind: 'error', index: 18, code: 'xml-malformed' });
    expect((results[17] as { reason: string }).reason).toMatch(/^XML повреждён: \d+:\d+: /);
    expect(results.slice(18).map((r) => r.kind === 'record' && r.record.fields[0])).toEqual([{ tag: '001', value: 'rec-18' }, { tag: '001', value: 'rec-19' }]);
    sameAsSaxes(xml);
  });

  it('counts lines and columns as saxes does: CRLF, lone CR, astral characters before the error', () => {
    for (const newline of ['\r\n', '\r', '\n']) {
      const xml = collection(5).replace(/\n/g, newline).replace('Сказки 1', 'Сказки 😀 1').replace('rec-3', 'rec-3 <oops');
      sameAsSaxes(xml);
      expect([...readMarcXmlString(xml)].map((r) => r.kind)).toEqual(['record', 'record', 'record', 'error', 'record']);
    }
    const oneLine = collection(5).replace(/\n/g, '').replace('Сказки 2', '𝔄𝔅 Сказки 2').replace('rec-4', 'rec-4 </x>');
    sameAsSaxes(oneLine);
  });

  it('leaves to saxes what follows the collection, an unclosed collection, nested records, other roots', () => {
    sameAsSaxes(collection(3) + '<collection/>');
    sameAsSaxes(collection(3) + 'text');
    sameAsSaxes(collection(3).replace('</collection>\n', ''));
    sameAsSaxes(collection(3).replace('<record>', '<record><record>'));
    sameAsSaxes(`<marc:collection xmlns:marc="x">${collection(2).replace(/<(\/?)(record|leader|controlfield|datafield|subfield|collection)/g, '<$1marc:$2').split('\n').slice(2).join('\n')}`);
    sameAsSaxes('\uFEFF' + collection(2));
    sameAsSaxes('<?xml version="1.0"?><!DOCTYPE collection><collection><record><leader>x</leader></record></collection>');
    sameAsSaxes('');
    sameAsSaxes('<collection>');
  });

  it('agrees with saxes on every MARCXML file of the corpus', () => {
    const differing = corpusFiles().filter((file) => file.format === 'marcxml' && !agrees(readFileSync(file.path, 'utf8')));
    expect(differing.map((file) => file.name)).toEqual([]);
  });

  it('agrees with saxes on 1,500 mutated documents', () => {
    const next = seededRandom(11);
    const seeds = seedXml();
    const differing = Array.from({ length: 1500 }, () => mutateXml(seeds, next)).flatMap((xml, n) => (agrees(xml) ? [] : [n]));
    expect(differing).toEqual([]);
  });

  it('streams: any chunking gives what reading the whole text gives', async () => {
    const next = seededRandom(5);
    const seeds = [collection(30), collection(30).replace('rec-7', 'rec-7 <!-- c -->'), collection(8).replace('rec-6', 'rec-6 &bad;')];
    for (const xml of seeds) {
      const bytes = Buffer.from(xml);
      for (let trial = 0; trial < 20; trial++) {
        const chunks: Buffer[] = [];
        for (let at = 0; at < bytes.length;) {
          const size = 1 + Math.floor(next() * (trial < 10 ? 40 : 3000));
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        const streamed: MarcReadResult[] = [];
        for await (const result of readMarcXml(Readable.from(chunks))) streamed.push(result);
        expect(streamed).toEqual([...readMarcXmlStringWithSaxes(xml)]);
      }
    }
  });
});
