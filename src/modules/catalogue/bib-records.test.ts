import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/database.js';
import { systemActor, type Actor } from '../auth/index.js';
import { createNetwork } from '../network/index.js';
import {
  countBibRecords, findBibRecord, parseSearchBox, readIso2709Buffer, saveBibRecords, searchCatalogue,
  type MarcRecord, type OnMatch,
} from './index.js';
import { bibRecordCounts } from './catalogue.queries.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/data/marc');

function readAll(file: string): MarcRecord[] {
  return [...readIso2709Buffer(readFileSync(path.join(corpus, file)))]
    .flatMap((result) => (result.kind === 'record' ? [result.record] : []));
}

/** 269 RUSMARC records exported from IRBIS (ManagedIrbis), each with a 001. */
const irbis = readAll('amironov73_ManagedIrbis/ibis32_derived_utf8.iso').map((record) => ({ record, schema: 'rusmarc' as const }));
const isbnBookMarc21 = readAll('ndlrf-rnd_neb-catalog/01003120729.mrc')[0]!;
const isbnBookRusmarc = readAll('ndlrf-rnd_neb-catalog/01003120729.iso')[0]!;

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'cat', name: 'ЦБС каталога', fullName: 'МБУК «ЦБС каталога»' } }));
  actor = systemActor(network.id);
});
afterAll(() => database.close());

/** Hits of the one search box, without typo correction. */
const searchBox = async (text: string) =>
  (await searchCatalogue(database.db, actor.networkId, { query: parseSearchBox(text), correctTypos: false, limit: 100 })).hits;

const save = (records: { record: MarcRecord; schema: 'marc21' | 'rusmarc' }[], onMatch: OnMatch, as: Actor = actor) =>
  database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: as, records, onMatch }));

describe('saving catalogue records', () => {
  it('imports a whole corpus file in one batch and writes one audit entry for it', async () => {
    expect(await save(irbis, 'skip')).toEqual({ imported: 269, updated: 0, skipped: 0 });
    expect(await countBibRecords(database.db, actor.networkId)).toBe(269);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'bib_record_batch').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ onMatch: 'skip', received: 269, imported: 269 });
  });

  it('changes nothing when the same file is imported again with skip, nor with replace', async () => {
    expect(await save(irbis, 'skip')).toEqual({ imported: 0, updated: 0, skipped: 269 });
    expect(await save(irbis, 'replace')).toEqual({ imported: 0, updated: 0, skipped: 269 });
    expect(await countBibRecords(database.db, actor.networkId)).toBe(269);
    expect(await database.db.selectFrom('audit_log').select('id').where('entity', '=', 'bib_record_batch').execute()).toHaveLength(1);
  });

  it('stores the record losslessly beside its projection', async () => {
    await save([{ record: isbnBookMarc21, schema: 'marc21' }], 'skip');
    const { id } = await database.db.selectFrom('bib_records').select('id')
      .where('network_id', '=', actor.networkId).where('control_number', '=', '003120729').executeTakeFirstOrThrow();
    const row = (await findBibRecord(database.db, actor.networkId, id))!;
    expect(row.record).toEqual(isbnBookMarc21);
    expect(row).toMatchObject({
      schema: 'marc21', control_number: '003120729', control_number_source: null,
      title: 'Международный стандартный книжный номер (ISBN)', subtitle: 'пособие для издателей', year: 2007,
      isbns: ['9785901202500'], bbk: ['Ч617ц.я8', 'Ч751.22я8'], udc: ['655.535.2'], publisher: 'РКП', languages: ['rus'],
      persons: [
        { name: 'Калинин, Сергей Юрьевич', kind: 'person', roles: ['com'], primary: false },
        { name: 'Российская книжная палата', kind: 'organisation', roles: [], primary: false },
      ],
    });
  });

  it('matches the same book in the other schema by its ISBN', async () => {
    expect(await save([{ record: isbnBookRusmarc, schema: 'rusmarc' }], 'skip')).toEqual({ imported: 0, updated: 0, skipped: 1 });
  });

  it('replaces a stored record matched by control number, and the projection follows', async () => {
    const edited: MarcRecord = {
      leader: isbnBookMarc21.leader,
      fields: [...isbnBookMarc21.fields, { tag: '521', ind1: ' ', ind2: ' ', subfields: [['a', '12+']] }],
    };
    expect(await save([{ record: edited, schema: 'marc21' }], 'replace')).toEqual({ imported: 0, updated: 1, skipped: 0 });
    const row = await database.db.selectFrom('bib_records').select(['age_rating', 'record'])
      .where('control_number', '=', '003120729').executeTakeFirstOrThrow();
    expect(row.age_rating).toBe('12+');
    expect(row.record).toEqual(edited);
    expect(await countBibRecords(database.db, actor.networkId)).toBe(270);
  });

  it('merges in the fields a stored record lacks, keeping those it has', async () => {
    const incoming: MarcRecord = {
      leader: isbnBookMarc21.leader,
      fields: [
        ...isbnBookMarc21.fields.filter((field) => field.tag !== '521'),
        { tag: '520', ind1: ' ', ind2: ' ', subfields: [['a', 'Пособие о правилах присвоения книжных номеров.']] },
      ],
    };
    expect(await save([{ record: incoming, schema: 'marc21' }], 'merge')).toEqual({ imported: 0, updated: 1, skipped: 0 });
    const row = await database.db.selectFrom('bib_records').select(['age_rating', 'annotation', 'record'])
      .where('control_number', '=', '003120729').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ age_rating: '12+', annotation: 'Пособие о правилах присвоения книжных номеров.' });
    const fields = (row.record as MarcRecord).fields;
    const at = fields.findIndex((field) => field.tag === '520');
    expect([fields[at - 1]?.tag, fields[at + 1]?.tag]).toEqual(['490', '650']);
    expect(fields.filter((field) => field.tag !== '520')).toEqual([...isbnBookMarc21.fields, { tag: '521', ind1: ' ', ind2: ' ', subfields: [['a', '12+']] }]);
  });

  it('never merges in another record\'s 001 or 003 (the stored record would take its identity and collide with it)', async () => {
    const book = (fields: MarcRecord['fields']): MarcRecord => ({
      leader: '00000nam2 2200000   450 ',
      fields: [...fields, { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Книга об идентичности']] }],
    });
    const isbn: MarcRecord['fields'][number] = { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '978-5-389-11562-0']] };
    expect(await save([
      { record: book([{ tag: '001', value: 'ID-K' }, isbn]), schema: 'rusmarc' },
      { record: book([{ tag: '001', value: 'ID-K' }, { tag: '003', value: 'SRC' }]), schema: 'rusmarc' },
    ], 'skip')).toEqual({ imported: 2, updated: 0, skipped: 0 });
    // Matches the first by ISBN; its 003 would give the first the second's (001, 003).
    const incoming = book([{ tag: '001', value: 'ID-OTHER' }, { tag: '003', value: 'SRC' }, isbn,
      { tag: '330', ind1: ' ', ind2: ' ', subfields: [['a', 'Аннотация из другого источника.']] }]);
    expect(await save([{ record: incoming, schema: 'rusmarc' }], 'merge')).toEqual({ imported: 0, updated: 1, skipped: 0 });
    const merged = await database.db.selectFrom('bib_records').select(['record', 'control_number_source', 'annotation'])
      .where('control_number', '=', 'ID-K').where('control_number_source', 'is', null).executeTakeFirstOrThrow();
    expect(merged.annotation).toBe('Аннотация из другого источника.');
    expect((merged.record as MarcRecord).fields.filter((field) => ['001', '003'].includes(field.tag))).toEqual([{ tag: '001', value: 'ID-K' }]);
  });

  it('keeps two volumes apart when they share an ISBN but not a control number', async () => {
    const volume = (number: string, part: string): MarcRecord => ({
      leader: '00000nam2 2200000   450 ',
      fields: [
        { tag: '001', value: `vol-${number}` },
        { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '5-93093-342-1']] },
        { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', part]] },
      ],
    });
    expect(await save([{ record: volume('1', 'Т. 1'), schema: 'rusmarc' }, { record: volume('2', 'Т. 2'), schema: 'rusmarc' }], 'skip'))
      .toEqual({ imported: 2, updated: 0, skipped: 0 });
  });

  it('stores a record repeated within one batch once, the later copy winning with replace', async () => {
    const copy = (title: string): MarcRecord => ({
      leader: '00000nam0 2200000   450 ',
      fields: [{ tag: '001', value: 'twice-1' }, { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', title]] }],
    });
    expect(await save([{ record: copy('Первый вариант'), schema: 'rusmarc' }, { record: copy('Второй вариант'), schema: 'rusmarc' }], 'replace'))
      .toEqual({ imported: 1, updated: 1, skipped: 0 });
    const rows = await database.db.selectFrom('bib_records').select('title').where('control_number', '=', 'twice-1').execute();
    expect(rows).toEqual([{ title: 'Второй вариант' }]);
  });

  it('refuses librarians: compiling the catalogue is the administrator\'s and methodologist\'s', async () => {
    const librarian: Actor = { ...actor, userId: null, role: 'librarian' };
    await expect(save(irbis.slice(0, 1), 'skip', librarian)).rejects.toMatchObject({ status: 403 });
  });
});

describe('searching the stored records', () => {
  it('finds «книга» when asked for «книги» (Russian morphology)', async () => {
    const hits = await searchBox('книги');
    expect(hits.map((hit) => hit.title).some((title) => title.includes('божественная книга сия'))).toBe(true);
  });

  it('treats ё as е and finds words of the persons, ranking title words first', async () => {
    const hits = await searchBox('калинин');
    expect(hits[0]?.title).toBe('Международный стандартный книжный номер (ISBN)');
    await save([{ record: {
      leader: '00000nam0 2200000   450 ',
      fields: [{ tag: '001', value: 'yo-1' }, { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Ёжик в тумане']] },
        { tag: '210', ind1: ' ', ind2: ' ', subfields: [['d', '2020']] }],
    }, schema: 'rusmarc' }], 'skip');
    expect((await searchBox('ежик')).map((hit) => hit.title)).toEqual(['Ёжик в тумане']);
    expect((await searchBox('ёжика')).map((hit) => hit.title)).toEqual(['Ёжик в тумане']);
  });

  it('finds a title despite a typo, and says what it searched for instead', async () => {
    const result = await searchCatalogue(database.db, actor.networkId, { query: parseSearchBox('Междунродный стандартный книжный номер') });
    expect(result.corrected?.text).toBe('Международный стандартный книжный номер');
    expect(result.hits[0]?.title).toBe('Международный стандартный книжный номер (ISBN)');
  });
});

describe('the planner statistics matching relies on', () => {
  it('are refreshed once the catalogue has grown to twice what the last ANALYZE saw', async () => {
    const own = await openTestDatabase();
    try {
      const network = await own.db.transaction().execute((trx) =>
        createNetwork({ trx, input: { code: 'stat', name: 'ЦБС', fullName: 'МБУК «ЦБС»' } }));
      const ownActor = systemActor(network.id);
      // Only our code may analyse the table here: PostgreSQL's autovacuum could otherwise do it mid-test.
      await sql`ALTER TABLE bib_records SET (autovacuum_enabled = false)`.execute(own.db);
      // Copies of the IRBIS file under other control numbers: new records (volumes of a set, to matching).
      const copies = (suffix: string) => irbis.map(({ record, schema }) => ({
        schema, record: { ...record, fields: record.fields.map((field) => (field.tag === '001' && 'value' in field ? { ...field, value: `${field.value}-${suffix}` } : field)) },
      }));
      const saveOwn = (records: ReturnType<typeof copies>) =>
        own.db.transaction().execute((trx) => saveBibRecords({ trx, actor: ownActor, records, onMatch: 'skip' }));
      for (const suffix of ['a', 'b', 'c', 'd']) expect((await saveOwn(copies(suffix))).imported).toBe(irbis.length);
      expect((await bibRecordCounts(own.db)).analyzed).toBeLessThan(1000);
      // The statistics system counts the new rows within about a second.
      for (let tries = 0; (await bibRecordCounts(own.db)).live < 1000; tries++) {
        expect(tries).toBeLessThan(50);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await saveOwn(copies('e'));
      expect((await bibRecordCounts(own.db)).analyzed).toBeGreaterThanOrEqual(1000);
    } finally {
      await own.close();
    }
  });
});
