import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.js';
import { branchInput } from '../../../../test/factories.js';
import type { DataField, MarcRecord } from '../marc/record.js';
import { saveBibRecords } from '../save-bib-records.js';
import { emptyBibForm, type BibForm } from './bib-form.js';
import { marc21Book, TRANSLATOR_IN_WORDS } from '../../../../test/bib-records.js';

let t: TestApp;
let admin: Client;
let librarian: Client;
let director: Client;
let methodologist: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  const branchId = (await admin.post('/api/branches', branchInput())).json().id;
  librarian = await t.signIn('librarian', [branchId]);
  director = await t.signIn('director');
  methodologist = await t.signIn('methodologist');
});
afterAll(() => t.close());

const form = (changes: Partial<BibForm>): BibForm => ({
  ...emptyBibForm(),
  title: 'Капитанская дочка',
  subtitle: 'повесть',
  persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }],
  place: 'Москва', publisher: 'Детская литература', year: 2019,
  isbns: ['978-5-08-005955-1'],
  ageRating: '12+',
  ...changes,
});

async function create(client: Client, body: object) {
  return client.post('/api/catalogue/records', body);
}

describe('POST /api/catalogue/records', () => {
  it('catalogues a RUSMARC record from the form with the network\'s control number, and writes the audit log', async () => {
    const response = await create(librarian, { form: form({ title: 'Пиковая дама', isbns: [] }) });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({
      schema: 'rusmarc', title: 'Пиковая дама', subtitle: 'повесть', year: 2019, ageRating: '12+',
      controlNumber: `test-${view.id}`, controlNumberSource: null, responsibility: 'А. С. Пушкин',
      persons: [{ name: 'Пушкин, Александр Сергеевич', roles: ['aut'], primary: true }],
    });
    expect(view.description).toContain('Пиковая дама : повесть / А. С. Пушкин');
    const fields = (view.record as MarcRecord).fields;
    expect(fields.find((field) => field.tag === '001')).toEqual({ tag: '001', value: `test-${view.id}` });
    expect(fields.find((field) => field.tag === '801')).toMatchObject({ subfields: [['a', 'RU'], ['b', 'test'], ['c', expect.any(String)], ['g', 'rcr']] });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'bib_record').where('entity_id', '=', view.id).execute();
    expect(audit).toEqual([{ action: 'create', entity: 'bib_record' }]);
  });

  it('catalogues a MARC21 record, with 003 naming the network, and takes a whole MARC record from an expert', async () => {
    const marc21 = await create(admin, { schema: 'marc21', form: form({ title: 'Евгений Онегин', isbns: [] }) });
    expect(marc21.statusCode).toBe(201);
    expect(marc21.json()).toMatchObject({ schema: 'marc21', controlNumber: `test-${marc21.json().id}`, controlNumberSource: 'test', title: 'Евгений Онегин' });

    const record: MarcRecord = {
      leader: '00000nam0 2200000 i 450 ',
      fields: [
        { tag: '001', value: 'foreign-1' },
        { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Сказка о рыбаке и рыбке']] },
        { tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', '0+']] },
        { tag: '999', ind1: ' ', ind2: ' ', subfields: [['z', 'местное поле']] },
      ],
    };
    const expert = await create(methodologist, { record });
    expect(expert.statusCode).toBe(201);
    const view = expert.json();
    expect(view).toMatchObject({ title: 'Сказка о рыбаке и рыбке', ageRating: '0+', controlNumber: `test-${view.id}` });
    expect(view.record.fields.map((field: { tag: string }) => field.tag)).toEqual(['001', '005', '200', '333', '999']);

    // An expert's whole record may use a language code or a role in words that the form's lists do not hold.
    const foreign = marc21Book({ title: 'Долгая дорога', language: 'xho', age: '16+', fields: [TRANSLATOR_IN_WORDS] });
    const pasted = await create(methodologist, { record: foreign, schema: 'marc21' });
    expect(pasted.statusCode, pasted.body).toBe(201);
    expect(pasted.json()).toMatchObject({ languages: ['xho'], persons: [expect.objectContaining({ name: 'Оранский, Игорь' })] });
  });

  it('refuses a form without a title, with a bad ISBN, a year out of range or no age label, naming each field in Russian', async () => {
    const response = await create(librarian, { form: form({ title: ' ', isbns: ['978-5-08-005955-2'], year: 3000, ageRating: null }) });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.errors).toEqual([
      { field: 'form.title', message: 'Заглавие: обязательное поле' },
      { field: 'form.year', message: expect.stringMatching(/^Год издания: от 1000 до \d{4}$/) },
      { field: 'form.isbns.0', message: 'ISBN 978-5-08-005955-2 : неверная контрольная цифра' },
      { field: 'form.ageRating', message: 'Возрастное ограничение: обязательное поле (маркировка по закону 436-ФЗ)' },
    ]);
    expect(problem.detail).toContain('ISBN 978-5-08-005955-2 : неверная контрольная цифра');
  });

  it('keeps an ISBN misprinted in the book when the cataloguer says so ($z), and refuses a good number or no number there', async () => {
    const response = await create(librarian, { form: form({ title: 'Сказка о золотом петушке', isbns: [], invalidIsbns: ['978-5-08-005955-2'] }) });
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ isbns: [], invalidIsbns: ['9785080059552'] });
    expect(view.description).toContain('ISBN 9785080059552 (ошибоч.)');
    expect((view.record as MarcRecord).fields.filter((field) => field.tag === '010')).toEqual([{ tag: '010', ind1: ' ', ind2: ' ', subfields: [['z', '978-5-08-005955-2']] }]);
    const loaded = (await librarian.get(`/api/catalogue/records/${view.id}/form`)).json();
    expect(loaded.form).toMatchObject({ isbns: [], invalidIsbns: ['978-5-08-005955-2'] });

    const wrong = await create(librarian, { form: form({ title: 'Сказка о царе Салтане', invalidIsbns: ['978-5-08-005955-1', 'без номера'] }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: 'form.invalidIsbns.0', message: 'Ошибочный ISBN 978-5-08-005955-1 : номер верный — его место в поле «ISBN»' },
      { field: 'form.invalidIsbns.1', message: 'Ошибочный ISBN без номера : нет номера — нужны цифры, как напечатано в книге' },
    ]);
  });

  it('writes ISSNs (RUSMARC 011) and refuses a wrong one, naming the field', async () => {
    const serial = await create(librarian, { form: form({ title: 'Мурзилка', documentType: 'serial', isbns: [], issns: ['0131-6141'] }) });
    expect(serial.statusCode).toBe(201);
    expect(serial.json().issns).toEqual(['0131-6141']);
    expect((serial.json().record as MarcRecord).fields).toContainEqual({ tag: '011', ind1: ' ', ind2: ' ', subfields: [['a', '0131-6141']] });
    const wrong = await create(librarian, { form: form({ title: 'Костёр', isbns: [], issns: ['0130-1234', 'нет'] }) });
    expect(wrong.json().errors).toEqual([
      { field: 'form.issns.0', message: 'ISSN 0130-1234 : неверная контрольная цифра' },
      { field: 'form.issns.1', message: 'ISSN нет : нужно 8 цифр (последняя может быть X), например 0131-6141' },
    ]);
  });

  it('refuses a language or a person\'s role the catalogue does not know, naming the field', async () => {
    const response = await create(librarian, { form: form({ language: 'xyz', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }, { name: 'Билибин, Иван Яковлевич', role: 'painter' }] }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'form.persons.1.role', message: 'Лицо 2 (Билибин, Иван Яковлевич): роль «painter» — не из списка ролей; выберите роль из списка (автор, составитель, редактор…)' },
      { field: 'form.language', message: 'Язык: код «xyz» не из списка языков каталога — выберите язык из списка (rus — русский, eng — английский…)' },
    ]);
  });

  it('refuses a contents line without a title rather than dropping it, naming the line', async () => {
    const response = await create(librarian, { form: form({ isbns: [], contents: ['Выстрел', ' / А. С. Пушкин', ''] }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'form.contents.1', message: 'Содержание, строка 2 («/ А. С. Пушкин»): нет заглавия произведения — пишите «Заглавие / Авторы»' },
    ]);
  });

  it('refuses a body with both or neither of form and record, and a MARC21 record sent as RUSMARC', async () => {
    expect((await create(librarian, {})).statusCode).toBe(400);
    const both = await create(librarian, { form: form({}), record: { leader: '', fields: [] } });
    expect(both.statusCode).toBe(400);
    const wrong = await create(librarian, { schema: 'rusmarc', record: { leader: '00000nam a2200000 i 4500', fields: [{ tag: '245', ind1: '1', ind2: '0', subfields: [['a', 'X']] }] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('запись похожа на MARC21');
  });

  it('refuses control characters in the form and a MARC record of bad structure, naming what is wrong in Russian', async () => {
    const nul = await create(librarian, { form: form({ title: 'Капитанская\u0000дочка' }) });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors).toContainEqual({ field: 'form.title', message: expect.stringContaining('недопустимый управляющий символ') });
    const broken = await create(admin, {
      schema: 'marc21',
      record: { leader: 'x', fields: [{ tag: '24', ind1: 'ab', ind2: ' ', subfields: [['aa', 'Заглавие\u001e']] }] },
    });
    expect(broken.statusCode).toBe(400);
    const messages = (broken.json().errors as { message: string }[]).map((error) => error.message).join('\n');
    for (const text of ['маркер записи: 24 символа ASCII', 'метка поля: три цифры или латинские буквы', 'индикатор: одна цифра',
      'код подполя: одна цифра или латинская буква', 'недопустимый управляющий символ']) expect(messages).toContain(text);
    expect(await t.database.db.selectFrom('bib_records').select('id').where('title', 'like', 'Заглавие%').execute()).toEqual([]);
  });

  it('lets a director read but not catalogue (403)', async () => {
    expect((await create(director, { form: form({ title: 'Руслан и Людмила' }) })).statusCode).toBe(403);
  });

  it('refuses a likely duplicate with 409 listing it, and saves it when confirmed', async () => {
    const first = await create(librarian, { form: form({ title: 'Сказки', persons: [{ name: 'Бажов, Павел Петрович', role: 'aut' }], isbns: ['978-5-901202-50-0'] }) });
    expect(first.statusCode).toBe(201);
    const again = await create(librarian, { form: form({ title: 'Сказки', persons: [{ name: 'Бажов, Павел Петрович', role: 'aut' }], isbns: ['9785901202500'] }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(`«Сказки» (№ ${first.json().id}: тот же ISBN 9785901202500)`);
    const confirmed = await create(librarian, { confirmDuplicate: true, form: form({ title: 'Сказки', persons: [{ name: 'Бажов, Павел Петрович', role: 'aut' }], isbns: ['9785901202500'] }) });
    expect(confirmed.statusCode).toBe(201);
  });
});

describe('GET /api/catalogue/duplicates', () => {
  it('finds the same ISBN, or a similar title with the same author or year, each with its reason', async () => {
    const original = (await create(admin, {
      confirmDuplicate: true,
      form: form({ title: 'Путешествие из Петербурга в Москву', persons: [{ name: 'Радищев, Александр Николаевич', role: 'aut' }], year: 1790, isbns: ['5-93093-342-1'] }),
    })).json();
    const ask = async (query: string) => (await librarian.get(`/api/catalogue/duplicates?${query}`)).json().candidates as { id: number; reason: string }[];

    expect(await ask('isbn=978-5-93093-342-0')).toEqual([expect.objectContaining({ id: original.id, reason: 'тот же ISBN 978-5-93093-342-0' })]);
    // Any of a record's ISBNs: the second one matches.
    expect(await ask('isbn=978-5-00-000123-3,5-93093-342-1')).toEqual([expect.objectContaining({ id: original.id, reason: 'тот же ISBN 5-93093-342-1' })]);
    expect(await ask(`title=${encodeURIComponent('Путешествие из Петербурга в Москву')}&author=${encodeURIComponent('Радищев А. Н.')}`))
      .toEqual([expect.objectContaining({ id: original.id, reason: 'похожее заглавие и тот же автор (Радищев)' })]);
    expect(await ask(`title=${encodeURIComponent('Путешествие из Петербурга в Москву.')}&year=1790`))
      .toEqual([expect.objectContaining({ id: original.id, reason: 'похожее заглавие и тот же год издания (1790)' })]);
    // A similar title alone, another author, another year: not a duplicate. The record itself is excluded.
    expect(await ask(`title=${encodeURIComponent('Путешествие из Петербурга в Москву')}&author=${encodeURIComponent('Иванов')}&year=2000`)).toEqual([]);
    expect(await ask(`isbn=5-93093-342-1&excludeId=${original.id}`)).toEqual([]);
    expect(await ask('title=%D0%BD')).toEqual([]);
  });
});

describe('GET and PATCH /api/catalogue/records/:id', () => {
  it('loads the form and saves a change, keeping fields the form does not show', async () => {
    const record: MarcRecord = {
      leader: '00000nam0 2200000 i 450 ',
      fields: [
        { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Полтава'], ['f', 'А. Пушкин']] },
        { tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', '12+']] },
        { tag: '300', ind1: ' ', ind2: ' ', subfields: [['a', 'Общее примечание']] },
        { tag: '700', ind1: ' ', ind2: '1', subfields: [['a', 'Пушкин'], ['g', 'Александр Сергеевич'], ['f', '1799-1837'], ['4', '070']] },
      ],
    };
    const created = (await create(admin, { record })).json();
    const loaded = (await librarian.get(`/api/catalogue/records/${created.id}/form`)).json();
    expect(loaded).toMatchObject({ id: created.id, schema: 'rusmarc', updatedAt: created.updatedAt });
    expect(loaded.form).toMatchObject({ title: 'Полтава', responsibility: 'А. Пушкин', ageRating: '12+', persons: [{ name: 'Пушкин, Александр Сергеевич', role: 'aut' }] });

    const changed = await librarian.patch(`/api/catalogue/records/${created.id}`, {
      updatedAt: loaded.updatedAt, form: { ...loaded.form, title: 'Полтава : поэма', year: 1829, subjects: ['Полтавская битва'] },
    });
    expect(changed.statusCode).toBe(200);
    const view = changed.json();
    expect(view).toMatchObject({ title: 'Полтава : поэма', year: 1829, subjects: ['Полтавская битва'] });
    expect(view.updatedAt).not.toBe(created.updatedAt);
    const fields = view.record.fields as MarcRecord['fields'];
    expect(fields).toContainEqual({ tag: '300', ind1: ' ', ind2: ' ', subfields: [['a', 'Общее примечание']] });
    expect(fields).toContainEqual(record.fields[3]);
    expect(fields.find((field) => field.tag === '005')).toMatchObject({ value: expect.stringMatching(/^\d{14}\.0$/) });
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'bib_record').where('entity_id', '=', created.id).orderBy('id').execute();
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('loads the form of an imported record whatever its lengths (a role in words, a long title)', async () => {
    // A MARC21 record as the national catalogues send it: a role in words, a title longer than the form lets one type.
    const long = 'Очень длинное заглавие '.repeat(60).trim();
    const record = marc21Book({
      title: long, age: '12+',
      fields: [{ tag: '100', ind1: '1', ind2: ' ', subfields: [['a', 'Роулинг, Джоан'], ['e', 'автор.']] }, TRANSLATOR_IN_WORDS],
    });
    await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, onMatch: 'skip', records: [{ record, schema: 'marc21' }] }));
    const { id } = await t.database.db.selectFrom('bib_records').select('id').where('title', '=', long).executeTakeFirstOrThrow();
    const loaded = await librarian.get(`/api/catalogue/records/${id}/form`);
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json().form.title).toBe(long);
    expect(loaded.json().form.persons).toContainEqual({ name: 'Оранский, Игорь', role: 'переводчик с английского' });
  });

  it('saves an edit of an imported record whose language and roles our lists do not know, but checks a newly chosen one', async () => {
    const record = marc21Book({
      title: 'Долгий путь к свободе', language: 'xho', age: '16+',
      fields: [{ tag: '041', ind1: '0', ind2: ' ', subfields: [['a', 'xho']] }, { tag: '100', ind1: '1', ind2: ' ', subfields: [['a', 'Мандела, Нельсон'], ['4', 'win']] }],
    });
    await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, onMatch: 'skip', records: [{ record, schema: 'marc21' }] }));
    const { id } = await t.database.db.selectFrom('bib_records').select('id').where('title', '=', 'Долгий путь к свободе').executeTakeFirstOrThrow();
    const loaded = (await librarian.get(`/api/catalogue/records/${id}/form`)).json();
    expect(loaded.form).toMatchObject({ language: 'xho', persons: [{ name: 'Мандела, Нельсон', role: 'win' }] });
    const saved = await librarian.patch(`/api/catalogue/records/${id}`, { updatedAt: loaded.updatedAt, form: { ...loaded.form, year: 1994 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 1994, languages: ['xho'] });
    const changed = await librarian.patch(`/api/catalogue/records/${id}`, {
      updatedAt: saved.json().updatedAt, form: { ...loaded.form, language: 'zul', persons: [...loaded.form.persons, { name: 'Мандела, Винни', role: 'win' }] },
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors.map((error: { field: string }) => error.field)).toEqual(['form.persons.1.role', 'form.language']);
  });

  it('lets the administrator and the methodologist replace a stored record by a whole MARC record, not a librarian (403)', async () => {
    const created = (await create(librarian, { form: form({ title: 'Граф Нулин', isbns: [] }) })).json();
    const cut: MarcRecord = { leader: created.record.leader, fields: (created.record as MarcRecord).fields.filter((field) => ['001', '200', '333'].includes(field.tag)) };
    const refused = await librarian.patch(`/api/catalogue/records/${created.id}`, { updatedAt: created.updatedAt, record: cut });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toBe('Заменять запись MARC целиком могут администратор и методист; библиотекарь правит запись формой');
    expect((await admin.get(`/api/catalogue/records/${created.id}`)).json().record).toEqual(created.record);

    const replaced = await methodologist.patch(`/api/catalogue/records/${created.id}`, { updatedAt: created.updatedAt, record: cut });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect((replaced.json().record as MarcRecord).fields.map((field) => field.tag)).toEqual(['001', '005', '200', '333']);
  });

  it('writes the contents of a collection, keeps them when a form leaves them out, clears them when emptied', async () => {
    const created = (await create(admin, { form: form({ title: 'Повести покойного Ивана Петровича Белкина', isbns: [],
      contents: ['Выстрел / А. С. Пушкин', 'Метель'] }) })).json();
    expect(created.contents).toEqual(['Выстрел / А. С. Пушкин', 'Метель']);
    expect((created.record as MarcRecord).fields.filter((field) => field.tag === '464')).toHaveLength(2);
    // A work of the collection finds it (contents are searched).
    const found = (await admin.get(`/api/catalogue/search?${new URLSearchParams({ q: 'метель' })}`)).json();
    expect(found.hits.map((hit: { id: number }) => hit.id)).toContain(created.id);

    const withoutContents: Record<string, unknown> = { ...(await admin.get(`/api/catalogue/records/${created.id}/form`)).json().form };
    delete withoutContents.contents;
    const kept = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: created.updatedAt, form: { ...withoutContents, year: 1831 } });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ year: 1831, contents: ['Выстрел / А. С. Пушкин', 'Метель'] });

    const cleared = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: kept.json().updatedAt, form: { ...withoutContents, year: 1831, contents: [] } });
    expect(cleared.json().contents).toEqual([]);
    expect((cleared.json().record as MarcRecord).fields.some((field) => field.tag === '464')).toBe(false);
  });

  it('refuses a stale edit with 409 in Russian, and saves an unchanged form without writing anything', async () => {
    const created = (await create(admin, { form: form({ title: 'Медный всадник', isbns: [] }) })).json();
    const loaded = (await admin.get(`/api/catalogue/records/${created.id}/form`)).json();
    const first = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: loaded.updatedAt, form: { ...loaded.form, edition: '2-е изд.' } });
    expect(first.statusCode).toBe(200);
    const stale = await librarian.patch(`/api/catalogue/records/${created.id}`, { updatedAt: loaded.updatedAt, form: { ...loaded.form, year: 2020 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/^updatedAt: запись уже изменена другим пользователем .* Откройте запись заново/);
    expect((await admin.get(`/api/catalogue/records/${created.id}`)).json()).toMatchObject({ edition: '2-е изд.', year: 2019 });

    const unchanged = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: first.json().updatedAt, form: (await admin.get(`/api/catalogue/records/${created.id}/form`)).json().form });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json().updatedAt).toBe(first.json().updatedAt);
  });

  it('keeps a wrong ISBN the record already had but checks a newly typed one; refuses to take the age label away', async () => {
    const record: MarcRecord = {
      leader: '00000nam0 2200000 i 450 ',
      fields: [
        { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '5-7654-0000-1']] },
        { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Стихотворения']] },
        { tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', '6+']] },
      ],
    };
    // An imported record: a wrong ISBN as printed in the book (new records from the form or MARC get it checked).
    expect((await create(admin, { record })).json().errors).toEqual([{ field: 'record.isbns.0', message: 'ISBN 5-7654-0000-1 : неверная контрольная цифра' }]);
    await t.database.db.transaction().execute((trx) => saveBibRecords({ trx, actor: t.system, records: [{ record, schema: 'rusmarc' }], onMatch: 'skip' }));
    const id = (await t.database.db.selectFrom('bib_records').select('id').where('title', '=', 'Стихотворения').executeTakeFirstOrThrow()).id;
    const created = (await admin.get(`/api/catalogue/records/${id}`)).json();
    expect(created.invalidIsbns).toEqual(['5765400001']);
    const loaded = (await admin.get(`/api/catalogue/records/${created.id}/form`)).json();
    const kept = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: loaded.updatedAt, form: { ...loaded.form, year: 1990 } });
    expect(kept.statusCode).toBe(200);
    const typed = await admin.patch(`/api/catalogue/records/${created.id}`, { updatedAt: kept.json().updatedAt, form: { ...loaded.form, isbns: [...loaded.form.isbns, '978-5-00000-000-1'], ageRating: null } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors).toEqual([
      { field: 'form.isbns.1', message: 'ISBN 978-5-00000-000-1 : неверная контрольная цифра' },
      { field: 'form.ageRating', message: expect.stringContaining('Возрастное ограничение') },
    ]);
  });

  it('answers 404 for a record that does not exist and 403 to a director', async () => {
    const created = (await create(admin, { form: form({ title: 'Цыганы', isbns: [] }) })).json();
    expect((await admin.get('/api/catalogue/records/999999/form')).statusCode).toBe(404);
    expect((await admin.patch('/api/catalogue/records/999999', { updatedAt: created.updatedAt, form: form({}) })).statusCode).toBe(404);
    expect((await director.patch(`/api/catalogue/records/${created.id}`, { updatedAt: created.updatedAt, form: form({}) })).statusCode).toBe(403);
  });
});

describe('DELETE /api/catalogue/records/:id', () => {
  it('lets the administrator and the methodologist delete, not a librarian; the audit log keeps the record', async () => {
    const created = (await create(librarian, { form: form({ title: 'Бахчисарайский фонтан', isbns: [] }) })).json();
    expect((await librarian.delete(`/api/catalogue/records/${created.id}`)).statusCode).toBe(403);
    expect((await methodologist.delete(`/api/catalogue/records/${created.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/catalogue/records/${created.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/catalogue/records/${created.id}`)).statusCode).toBe(404);
    const entry = await t.database.db.selectFrom('audit_log').select(['action', 'before']).where('entity', '=', 'bib_record')
      .where('entity_id', '=', created.id).where('action', '=', 'delete').executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ title: 'Бахчисарайский фонтан', record: created.record });
  });
});

describe('GET /api/catalogue/cataloguing/options', () => {
  it('gives the form its choice lists in Russian', async () => {
    const options = (await librarian.get('/api/catalogue/cataloguing/options')).json();
    expect(options.roles).toContainEqual({ value: 'ill', label: 'художник' });
    expect(options.documentTypes[0]).toEqual({ value: 'book', label: 'Книга' });
    expect(options.languages).toContainEqual({ value: 'rus', label: 'русский' });
    expect(options.ageRatings.map((rating: { value: string }) => rating.value)).toEqual(['0+', '6+', '12+', '16+', '18+']);
  });
});

/** A book of an organisation: no person, no ISBN (the default book's would make it a duplicate). */
const organisationBook = (changes: Partial<BibForm>): BibForm =>
  form({ title: 'Библиотеки Томской области', subtitle: '', persons: [], place: 'Томск', publisher: '', year: 2023, isbns: [], ...changes });
const organisationFields = (view: { record: MarcRecord }) =>
  view.record.fields.filter((field): field is DataField => /^(11|71)/.test(field.tag) && 'subfields' in field);

describe('organisations on the cataloguing form, through HTTP', () => {
  it('are offered their own roles in Russian', async () => {
    const options = (await methodologist.get('/api/catalogue/cataloguing/options')).json();
    expect(options.organisationRoles).toEqual([
      { value: 'aut', label: 'автор' }, { value: 'com', label: 'составитель' }, { value: 'edt', label: 'редактор' },
      { value: 'pbl', label: 'издатель' }, { value: 'orm', label: 'организатор' }, { value: 'oth', label: 'другое' },
    ]);
  });

  for (const schema of ['rusmarc', 'marc21'] as const) {
    it(`are written on create and edit (${schema}): the organisation author is the main entry until a person author comes`, async () => {
      const library = { name: 'Томская областная универсальная научная библиотека им. А. С. Пушкина', role: 'aut', kind: 'organisation' as const };
      const created = await methodologist.post('/api/catalogue/records', {
        // The same book in the other schema is a likely duplicate (its organisation author counts as its author).
        schema, confirmDuplicate: true, form: organisationBook({ organisations: [library, { name: 'Совещание директоров библиотек', role: 'orm', kind: 'meeting' }] }),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().persons).toEqual([
        { name: library.name, kind: 'organisation', roles: ['aut'], primary: true },
        { name: 'Совещание директоров библиотек', kind: schema === 'marc21' ? 'meeting' : 'organisation', roles: ['orm'], primary: false },
      ]);
      expect(organisationFields(created.json()).map((field) => `${field.tag}${field.ind1}`))
        .toEqual(schema === 'marc21' ? ['1102', '7112'] : ['7100', '7121']);

      const loaded = (await methodologist.get(`/api/catalogue/records/${created.json().id}/form`)).json();
      expect(loaded.form.organisations).toEqual([library, { name: 'Совещание директоров библиотек', role: 'orm', kind: 'meeting' }]);
      const edited = await methodologist.patch(`/api/catalogue/records/${created.json().id}`, {
        updatedAt: loaded.updatedAt, form: { ...loaded.form, persons: [{ name: 'Петрова, Анна', role: 'aut' }] },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().persons.filter((person: { primary: boolean; roles: string[] }) => person.primary && person.roles.includes('aut'))
        .map((person: { name: string }) => person.name)).toEqual(['Петрова, Анна']);
      expect(organisationFields(edited.json()).map((field) => field.tag)).toEqual(schema === 'marc21' ? ['710', '711'] : ['711', '712']);
      const reloaded = (await methodologist.get(`/api/catalogue/records/${created.json().id}/form`)).json();
      expect(reloaded.form.organisations).toEqual(loaded.form.organisations);
    });
  }

  it('refuses an organisation without a name or with a role the catalogue does not know, naming the field in Russian', async () => {
    const response = await methodologist.post('/api/catalogue/records', {
      form: organisationBook({ organisations: [{ name: ' ', role: 'aut', kind: 'organisation' }, { name: 'Союз писателей', role: 'sponsor', kind: 'organisation' }] }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'form.organisations.0.name', message: 'Организация 1: укажите наименование' },
      { field: 'form.organisations.1.role', message: 'Организация 2 (Союз писателей): роль «sponsor» — не из списка ролей; выберите роль из списка (автор, редактор, издатель…)' },
    ]);
  });

  it('saves an edit of a record whose organisation has a role in words our list does not know, and an organisation left out of the form', async () => {
    const record: MarcRecord = {
      leader: '00000nam a2200000 i 4500',
      fields: [
        { tag: '245', ind1: '1', ind2: '0', subfields: [['a', 'Отчёт о работе']] },
        { tag: '521', ind1: ' ', ind2: ' ', subfields: [['a', '12+']] },
        { tag: '710', ind1: '2', ind2: ' ', subfields: [['a', 'Томская область.'], ['b', 'Департамент по культуре.'], ['e', 'спонсор']] },
      ],
    };
    const created = (await methodologist.post('/api/catalogue/records', { schema: 'marc21', record })).json();
    const loaded = (await methodologist.get(`/api/catalogue/records/${created.id}/form`)).json();
    expect(loaded.form.organisations).toEqual([{ name: 'Томская область.. Департамент по культуре.', role: 'спонсор', kind: 'organisation' }]);
    const saved = await methodologist.patch(`/api/catalogue/records/${created.id}`, { updatedAt: loaded.updatedAt, form: { ...loaded.form, year: 2022 } });
    expect(saved.statusCode, saved.body).toBe(200);
    // A caller that does not know organisations sends none: the record keeps its own.
    const older: Partial<BibForm> = { ...loaded.form };
    delete older.organisations;
    const olderSaved = await methodologist.patch(`/api/catalogue/records/${created.id}`, { updatedAt: saved.json().updatedAt, form: { ...older, year: 2021 } });
    expect(olderSaved.statusCode, olderSaved.body).toBe(200);
    expect(organisationFields(olderSaved.json())).toEqual([record.fields[2]]);
  });
});
