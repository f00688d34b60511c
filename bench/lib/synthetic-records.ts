/**
 * Synthetic catalogue records for benchmarks: deterministic, varied, built from the real corpus.
 *
 * API (all a benchmark needs):
 *
 *   import { syntheticRecords } from './lib/synthetic-records.js';
 *   for (const { record, schema } of syntheticRecords(1_000_000)) { … }          // sync iterator
 *   for await (const { record, schema } of syntheticRecords(1_000_000)) { … }    // works too
 *   syntheticRecords(n, { seed: 2, start: 500_000 })   // another seed; numbering from `start` (resume a load)
 *
 * The same (n, seed, start) always gives the same records. Each record is a clean corpus record (ISO 2709
 * files of ../shared/data/marc read through our readers: MARC21 and RUSMARC/UNIMARC, UTF-8, CP1251 and MARC-8
 * sources, IRBIS's large records among them) with what makes a record itself rewritten:
 * - 001: `SYN<seed>-<n>` — unique, so re-import matching by control number never collapses two records
 *   (003 is removed, so nothing else decides the control key);
 * - template: one with a Cyrillic title 60 % of the time (a Russian library), else a Latin one;
 * - title (245 $a / 200 $a): 1–6 words recombined from real corpus titles, Cyrillic words for a Cyrillic
 *   template, Latin words otherwise, now and then a word of the other script; `$b`/`$e` subtitle kept;
 * - the main person (100 / 700, else added): a real corpus surname with the forenames of another name,
 *   both of the template's script;
 * - year 1900–2024 in 260/264 $c (210 $d) and in 008/07–10 (100 $a/09–12);
 * - one valid ISBN-13 (the template's other 020 / 010 fields dropped) (978-5-…, check digit computed) in 020 $a / 010 $a, unique per n (a bijection of n),
 *   so matching by ISBN never collapses two records either.
 * So title + author + year and ISBN are varied too, and search sees realistic Russian and Latin text.
 *
 * `syntheticTemplates()` returns the distinct corpus templates (for figures: how many, how big).
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../src/shared/random.js';
import { corpusFiles } from '../../src/modules/catalogue/marc/corpus.testkit.js';
import {
  detectSchema, isControlField, project, readIso2709Buffer, writeIso2709Record,
  type DataField, type MarcField, type MarcRecord, type MarcSchema, type Subfield,
} from '../../src/modules/catalogue/index.js';

export interface SyntheticRecord {
  record: MarcRecord;
  schema: MarcSchema;
}

export interface SyntheticOptions {
  /** Changes every choice (default 1). */
  seed?: number;
  /** Number of the first record (default 0): `syntheticRecords(n, { start: k })` continues a run of k records. */
  start?: number;
}

interface Template extends SyntheticRecord {
  cyrillic: boolean;
}

interface Pools {
  templates: Template[];
  cyrillicWords: string[];
  latinWords: string[];
  /** [surname, forenames] pairs, split from corpus names "Surname, Forenames", by script. */
  cyrillicNames: Array<[string, string]>;
  latinNames: Array<[string, string]>;
}

let pools: Pools | undefined;

const CYRILLIC = /[\u0400-\u04FF]/;
const WORD = /^[\p{L}][\p{L}'-]*$/u;

/** Clean corpus records (read without warnings, schema known, a title, writable as ISO 2709, under 20 KB). */
function loadPools(): Pools {
  if (pools) return pools;
  const templates: Template[] = [];
  const cyrillicWords = new Set<string>();
  const latinWords = new Set<string>();
  const names = new Map<string, [string, string]>();
  for (const file of corpusFiles()) {
    if (file.format !== 'iso2709') continue;
    for (const result of readIso2709Buffer(readFileSync(file.path))) {
      if (result.kind !== 'record' || result.warnings.length > 0) continue;
      const schema = detectSchema(result.record);
      if (!schema) continue;
      let size: number;
      try {
        size = writeIso2709Record(result.record).length;
      } catch {
        continue;
      }
      if (size > 20_000) continue;
      const projection = project(result.record, schema);
      if (projection.title === '') continue;
      const cyrillic = CYRILLIC.test(projection.title);
      templates.push({ record: result.record, schema, cyrillic });
      for (const raw of projection.title.split(/[\s.,:;!?()[\]«»"/]+/)) {
        const word = raw.toLowerCase();
        if (word.length < 2 || !WORD.test(word)) continue;
        (CYRILLIC.test(word) ? cyrillicWords : latinWords).add(word);
      }
      for (const person of projection.persons) {
        if (person.kind !== 'person') continue;
        const comma = person.name.indexOf(', ');
        if (comma <= 1) continue;
        names.set(person.name, [person.name.slice(0, comma), person.name.slice(comma + 2)]);
      }
    }
  }
  const sortedNames = [...names.values()].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
  pools = {
    templates,
    cyrillicWords: [...cyrillicWords].sort(),
    latinWords: [...latinWords].sort(),
    cyrillicNames: sortedNames.filter(([surname]) => CYRILLIC.test(surname)),
    latinNames: sortedNames.filter(([surname]) => !CYRILLIC.test(surname)),
  };
  return pools;
}

export function syntheticTemplates(): SyntheticRecord[] {
  return loadPools().templates.map(({ record, schema }) => ({ record, schema }));
}


/** A valid ISBN-13 978-5-…, distinct for every n below 10^8 (n times an odd multiplier modulo 10^8 is a bijection). */
export function syntheticIsbn(n: number, seed = 1): string {
  const body = `9785${String((((n + seed * 7_919) % 100_000_000) * 48_271) % 100_000_000).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

/** Share of records made from templates with a Cyrillic title. */
const CYRILLIC_SHARE = 0.6;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** N synthetic records (see the top of this file). A sync generator: `for` and `for await` both work. */
export function* syntheticRecords(count: number, options: SyntheticOptions = {}): Generator<SyntheticRecord> {
  const { templates, cyrillicWords, latinWords, cyrillicNames, latinNames } = loadPools();
  const cyrillicTemplates = templates.filter((template) => template.cyrillic);
  const latinTemplates = templates.filter((template) => !template.cyrillic);
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  for (let n = start; n < start + count; n++) {
    // One generator per record, seeded by (seed, n): record n is the same whatever `start` was.
    const next = seededRandom(Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b));
    next();
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    // A Russian library's catalogue: most records Cyrillic, though the corpus holds more Latin ones.
    const template = next() < CYRILLIC_SHARE ? pick(cyrillicTemplates) : pick(latinTemplates);
    const words = template.cyrillic ? cyrillicWords : latinWords;
    const other = template.cyrillic ? latinWords : cyrillicWords;
    const names = template.cyrillic ? cyrillicNames : latinNames;
    const length = 1 + Math.floor(next() * 4) + (next() < 0.2 ? Math.floor(next() * 4) : 0);
    const titleWords: string[] = [];
    for (let w = 0; w < length; w++) titleWords.push(next() < 0.06 ? pick(other) : pick(words));
    const title = capitalise(titleWords.join(' '));
    const [surname] = pick(names);
    const [, forenames] = pick(names);
    const year = 1900 + Math.floor(next() * 125);
    const isbn = syntheticIsbn(n, seed);
    yield {
      record: rewrite(template, { controlNumber: `SYN${seed}-${n}`, title, surname, forenames, year: String(year), isbn }),
      schema: template.schema,
    };
  }
}

interface Identity {
  controlNumber: string;
  title: string;
  surname: string;
  forenames: string;
  year: string;
  isbn: string;
}

const TAGS = {
  marc21: { title: '245', person: '100', publication: ['260', '264'], date: 'c', isbn: '020', fixed: '008' },
  rusmarc: { title: '200', person: '700', publication: ['210', '214'], date: 'd', isbn: '010', fixed: '100' },
} as const;

function setSubfield(subfields: Subfield[], code: string, value: string): Subfield[] {
  const at = subfields.findIndex(([c]) => c === code);
  if (at < 0) return [[code, value], ...subfields];
  const copy = subfields.slice();
  copy[at] = [code, value];
  return copy;
}

function splice(text: string, start: number, value: string): string {
  return text.length >= start + value.length ? text.slice(0, start) + value + text.slice(start + value.length) : text;
}

/** The template with its identity replaced; fields not touched are shared with the template (never mutated). */
function rewrite(template: Template, id: Identity): MarcRecord {
  const tags = TAGS[template.schema];
  const fields: MarcField[] = [{ tag: '001', value: id.controlNumber }];
  let person = false;
  let isbn = false;
  let date = false;
  for (const field of template.record.fields) {
    if (field.tag === '001' || field.tag === '003') continue;
    if (isControlField(field)) {
      fields.push(field.tag === tags.fixed ? { tag: field.tag, value: splice(field.value, 7, id.year) } : field);
      continue;
    }
    const data = field as DataField;
    if (data.tag === tags.title) {
      fields.push({ ...data, subfields: setSubfield(data.subfields, 'a', id.title) });
    } else if (data.tag === tags.person && !person) {
      person = true;
      const subfields = template.schema === 'marc21'
        ? setSubfield(data.subfields, 'a', `${id.surname}, ${id.forenames}`)
        : setSubfield(setSubfield(data.subfields.filter(([c]) => c !== 'b'), 'g', id.forenames), 'a', id.surname);
      fields.push({ ...data, subfields });
    } else if (data.tag === tags.isbn) {
      // One ISBN, ours: a template's other ISBNs would be shared by all its copies.
      if (isbn) continue;
      isbn = true;
      fields.push({ ...data, subfields: setSubfield(data.subfields.filter(([c]) => c !== 'z'), 'a', id.isbn) });
    } else if ((tags.publication as readonly string[]).includes(data.tag) && !date) {
      date = true;
      fields.push({ ...data, subfields: setSubfield(data.subfields, tags.date, id.year) });
    } else if (template.schema === 'rusmarc' && data.tag === '100') {
      fields.push({ ...data, subfields: data.subfields.map(([c, v]): Subfield => (c === 'a' ? [c, splice(v, 9, id.year)] : [c, v])) });
    } else {
      fields.push(data);
    }
  }
  const add = (field: DataField) => {
    const at = fields.findIndex((f) => f.tag > field.tag);
    fields.splice(at < 0 ? fields.length : at, 0, field);
  };
  if (!isbn) add({ tag: tags.isbn, ind1: ' ', ind2: ' ', subfields: [['a', id.isbn]] });
  if (!person) {
    add(template.schema === 'marc21'
      ? { tag: '100', ind1: '1', ind2: ' ', subfields: [['a', `${id.surname}, ${id.forenames}`]] }
      : { tag: '700', ind1: ' ', ind2: '1', subfields: [['a', id.surname], ['g', id.forenames]] });
  }
  if (!date) {
    add(template.schema === 'marc21'
      ? { tag: '260', ind1: ' ', ind2: ' ', subfields: [['c', id.year]] }
      : { tag: '210', ind1: ' ', ind2: ' ', subfields: [['d', id.year]] });
  }
  return { leader: template.record.leader, fields };
}
