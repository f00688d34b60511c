import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/database.js';
import {
  countBibRecords, parseSearchBox, project, recordFromForm, searchCatalogue, type CatalogueHit,
} from '../../modules/catalogue/index.js';
import { isValidIsbn13 } from '../../shared/isbn.js';
import { loadDemoNetwork } from '../index.js';
import { authorMark } from './author-mark.js';
import { buildDemoCatalogue, demoCatalogue } from './catalogue.js';
import { DEMO_CATALOGUE_BATCH_SIZE } from './load.js';

const records = demoCatalogue();
const PUSHKIN = 'Пушкин, Александр Сергеевич';

describe('the demo catalogue data', () => {
  it('holds a few thousand records of every part of a district library', () => {
    expect(records.length).toBeGreaterThanOrEqual(2500);
    expect(records.length).toBeLessThanOrEqual(4000);
    const byKind = new Map<string, number>();
    for (const { kind } of records) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    expect(byKind.get('russian-classics')).toBeGreaterThan(500);
    expect(byKind.get('children')).toBeGreaterThan(500);
    expect(byKind.get('foreign')).toBeGreaterThan(300);
    expect(byKind.get('soviet-and-modern-classics')).toBeGreaterThan(300);
    expect(byKind.get('modern')).toBeGreaterThan(100);
    expect(byKind.get('non-fiction')).toBeGreaterThan(150);
    expect(byKind.get('local-history')).toBeGreaterThan(25);
  });

  it('is the same on every build (no unseeded randomness)', () => {
    expect(JSON.stringify(buildDemoCatalogue())).toBe(JSON.stringify(records));
  });

  it('gives every record a title, a year, an age rating, a ББК index with an author mark and a unique control number', () => {
    const ages = new Set(['0+', '6+', '12+', '16+', '18+']);
    for (const { form, controlNumber } of records) {
      expect(form.title, controlNumber).not.toBe('');
      expect(form.year, controlNumber).toBeGreaterThanOrEqual(1970);
      expect(form.year, controlNumber).toBeLessThanOrEqual(2024);
      expect(ages.has(form.ageRating ?? ''), controlNumber).toBe(true);
      expect(form.bbk, controlNumber).toMatch(/^\d\d/);
      expect(form.authorMark, controlNumber).toMatch(/^[А-ЯЁA-Z]\d\d$/);
      expect(form.publisher && form.place && form.extent, controlNumber).toBeTruthy();
    }
    expect(new Set(records.map((r) => r.controlNumber)).size).toBe(records.length);
  });

  it('gives ISBNs with valid check digits, none twice, to every edition but Soviet ones and the library\'s own booklets', () => {
    const seen = new Set<string>();
    for (const { form, controlNumber } of records) {
      for (const isbn of form.isbns) {
        const digits = isbn.replaceAll('-', '');
        expect(isValidIsbn13(digits), `${controlNumber} ${isbn}`).toBe(true);
        expect(seen.has(digits), `${controlNumber} ${isbn}`).toBe(false);
        seen.add(digits);
      }
      if (form.isbns.length === 0) expect(form.year! < 1987 || form.publisher === 'Каргасокская ЦРБ', controlNumber).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(records.length * 0.75);
  });

  it('rates children\'s books 0+/6+, school classics 12+ and adult modern prose 16+/18+', () => {
    const rating = (title: string, author?: string) => records.find(({ form }) =>
      form.title === title && (!author || form.persons[0]?.name === author))?.form.ageRating;
    expect(rating('Сказка о рыбаке и рыбке')).toBe('0+');
    expect(rating('Денискины рассказы')).toBe('6+');
    expect(rating('Капитанская дочка')).toBe('12+');
    expect(rating('Мастер и Маргарита')).toBe('16+');
    expect(rating('Обитель')).toBe('18+');
  });

  it('writes ББК as Russian libraries do, by period and literature', () => {
    const bbkOf = (title: string) => records.find(({ form }) => form.title === title)?.form.bbk;
    expect(bbkOf('Капитанская дочка')).toBe('84(2Рос=Рус)1');
    expect(bbkOf('Мастер и Маргарита')).toBe('84(2Рос=Рус)6');
    expect(bbkOf('Винни-Пух и все-все-все')).toBe('84(4Вел)6');
    expect(bbkOf('Каргасокский район')).toBe('63.3(2Рос-4Том)');
    expect(authorMark(PUSHKIN)).toBe('П91');
  });

  it('names translators, illustrators and retellers with their roles', () => {
    const winnie = records.find(({ form }) => form.title === 'Винни-Пух и все-все-все')!.form;
    expect(winnie.persons).toEqual(expect.arrayContaining([
      { name: 'Милн, Алан Александр', role: 'aut' }, { name: 'Заходер, Борис Владимирович', role: 'adp' },
    ]));
    const tales = records.filter(({ form }) => form.title === 'Сказки' && form.persons[0]?.name === PUSHKIN);
    expect(tales.some(({ form }) => form.persons.some((p) => p.role === 'ill' && p.name === 'Билибин, Иван Яковлевич'))).toBe(true);
  });

  it('makes RUSMARC records whose projection gives back the form (a sample of every part; the stored rows are checked below)', () => {
    for (const { form, controlNumber } of records.filter((_, index) => index % 25 === 0)) {
      const p = project(recordFromForm(form, 'rusmarc', { controlNumber }), 'rusmarc');
      expect(p.controlNumber).toBe(controlNumber);
      expect(p.title, controlNumber).toBe(form.title);
      expect(p.subtitle, controlNumber).toBe(form.subtitle);
      expect(p.year, controlNumber).toBe(form.year);
      expect(p.ageRating, controlNumber).toBe(form.ageRating);
      expect(p.isbns.length, controlNumber).toBe(form.isbns.length);
      expect(p.bbk, controlNumber).toEqual([form.bbk]);
      expect(p.authorMark, controlNumber).toBe(form.authorMark);
      expect(p.persons.map((person) => person.name), controlNumber).toEqual(form.persons.map((person) => person.name));
      expect(p.documentType, controlNumber).toBe('book');
    }
  });
});

describe('the demo catalogue in the database', () => {
  let database: Database;
  let networkId: number;
  let loadMs: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    const started = performance.now();
    ({ networkId } = await loadDemoNetwork(database.db));
    loadMs = performance.now() - started;
    // The whole demo network, a few thousand records with it: seconds on an idle machine, more on a busy one.
  }, 240_000);
  afterAll(async () => {
    await database.close();
  });

  const search = async (text: string, limit = 20) =>
    searchCatalogue(database.db, networkId, { query: parseSearchBox(text), limit });
  const byPushkin = (hit: CatalogueHit) => hit.authors.includes(PUSHKIN);

  it('is loaded with the demo network, every record, one audit entry per batch', async () => {
    console.log(`demo network with ${records.length} catalogue records loaded in ${Math.round(loadMs)} ms`);
    expect(await countBibRecords(database.db, networkId)).toBe(records.length);
    const stored = await database.db.selectFrom('bib_records').where('network_id', '=', networkId)
      .select(['control_number', 'title', 'year', 'age_rating', 'isbns', 'invalid_isbns', 'bbk', 'author_mark', 'schema']).execute();
    expect(stored.map((row) => row.control_number).sort()).toEqual(records.map((r) => r.controlNumber).sort());
    for (const row of stored) {
      expect(row.schema).toBe('rusmarc');
      expect(row.title && row.year && row.age_rating && row.author_mark, row.control_number!).toBeTruthy();
      expect(row.invalid_isbns, row.control_number!).toEqual([]);
      expect(row.bbk.length, row.control_number!).toBe(1);
    }
    expect(stored.reduce((sum, row) => sum + row.isbns.length, 0)).toBe(records.reduce((sum, r) => sum + r.form.isbns.length, 0));
    const audit = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM audit_log WHERE network_id = ${networkId} AND entity = 'bib_record_batch'`.execute(database.db);
    expect(audit.rows[0]!.count).toBe(Math.ceil(records.length / DEMO_CATALOGUE_BATCH_SIZE));
  });

  it('«Пушкин» gives Pushkin\'s books first', async () => {
    const { hits, total } = await search('Пушкин');
    expect(total).toBeGreaterThan(60);
    // Books by Pushkin, and books about him whose title names him (Цветаева's «Мой Пушкин»), nothing else.
    expect(hits.every((hit) => byPushkin(hit) || hit.title.includes('Пушкин'))).toBe(true);
    expect(hits.slice(0, 10).filter(byPushkin).length).toBeGreaterThanOrEqual(9);
  });

  it('«сказки пушкина» gives Pushkin\'s tales', async () => {
    const { hits } = await search('сказки пушкина');
    expect(hits.length).toBeGreaterThanOrEqual(10);
    for (const hit of hits.slice(0, 10)) {
      expect(byPushkin(hit), hit.title).toBe(true);
      expect(hit.title, hit.title).toMatch(/^Сказк|сказки/i);
    }
  });

  it('«"капитанская дочка"» gives the editions of «Капитанская дочка» first', async () => {
    const editions = records.filter(({ form }) => form.title === 'Капитанская дочка').length;
    const { hits } = await search('"капитанская дочка"');
    expect(hits.slice(0, editions).map((hit) => hit.title)).toEqual(Array(editions).fill('Капитанская дочка'));
    expect(hits.slice(0, editions).every(byPushkin)).toBe(true);
  });

  it('corrects «Пушкн» and «капитанская дочька» to the right results', async () => {
    const misspelt = await search('Пушкн');
    expect(misspelt.corrected?.text.toLowerCase()).toBe('пушкин');
    expect(misspelt.hits.slice(0, 10).filter(byPushkin).length).toBeGreaterThanOrEqual(9);

    const editions = records.filter(({ form }) => form.title === 'Капитанская дочка').length;
    const phrase = await search('капитанская дочька');
    expect(phrase.corrected?.text.toLowerCase()).toBe('капитанская дочка');
    expect(phrase.hits.slice(0, editions).map((hit) => hit.title)).toEqual(Array(editions).fill('Капитанская дочка'));
  });
});
