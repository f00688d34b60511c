import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.js';
import type { DataField, MarcRecord } from '../marc/record.js';
import { emptyBibForm, type BibForm } from './bib-form.js';

let t: TestApp;
let methodologist: Client;

beforeAll(async () => {
  t = await startTestApp();
  methodologist = await t.signIn('methodologist');
});
afterAll(() => t.close());

const form = (changes: Partial<BibForm>): BibForm => ({
  ...emptyBibForm(), title: 'Библиотеки Томской области', place: 'Томск', year: 2023, ageRating: '12+', ...changes,
});
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
        schema, confirmDuplicate: true, form: form({ organisations: [library, { name: 'Совещание директоров библиотек', role: 'orm', kind: 'meeting' }] }),
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
      form: form({ organisations: [{ name: ' ', role: 'aut', kind: 'organisation' }, { name: 'Союз писателей', role: 'sponsor', kind: 'organisation' }] }),
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
