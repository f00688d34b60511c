import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from './corpus.testkit.js';
import { seededRandom } from '../../../shared/random.js';
import { mutateXml, seedXml } from './fuzz.testkit.js';
import { FastMarcXmlReader } from './marcxml-fast.js';
import { readMarcXml, readMarcXmlString, readMarcXmlStringWithSaxes } from './marcxml-reader.js';
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

/** How many times the fast reader handed text to saxes while reading `xml`. */
function handOvers(xml: string): { results: MarcReadResult[]; handOvers: number } {
  const prototype = FastMarcXmlReader.prototype as unknown as { primedSaxes: (at: number) => unknown };
  const original = prototype.primedSaxes;
  let count = 0;
  prototype.primedSaxes = function (this: unknown, at: number) {
    count++;
    return original.call(this, at);
  };
  try {
    return { results: [...readMarcXmlString(xml)], handOvers: count };
  } finally {
    prototype.primedSaxes = original;
  }
}

const agrees = (xml: string) => isDeepStrictEqual([...readMarcXmlString(xml)], [...readMarcXmlStringWithSaxes(xml)]);
const sameAsSaxes = (xml: string) => expect([...readMarcXmlString(xml)]).toEqual([...readMarcXmlStringWithSaxes(xml)]);

describe('the fast MARCXML path', () => {
  it('reads a well-formed collection without saxes, entities decoded, offsets as saxes gives them', () => {
    const xml = collection(50);
    const { results, handOvers: count } = handOvers(xml);
    expect(count).toBe(0);
    expect(results).toHaveLength(50);
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  it('hands one odd record to saxes and goes on fast after it', () => {
    const xml = collection(10).replace('<controlfield tag="001">rec-4</controlfield>', '<!-- a comment --><controlfield tag="001">rec-4</controlfield>');
    const { results, handOvers: count } = handOvers(xml);
    expect(count).toBe(1);
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
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
