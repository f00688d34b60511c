import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, campaignInput, eventDictionaries, eventInput, partnerInput } from '../../../test/factories.js';
import { createNetwork } from '../network/index.js';
import { systemActor } from '../auth/index.js';
import { createPartner } from './partners.js';

let t: TestApp;
let admin: Client;
let forms: Record<string, number>;
let directions: Record<string, number>;
let branchA: number;
let closing: number;
let opening: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  ({ forms, directions } = await eventDictionaries(admin));
  branchA = (await admin.post('/api/branches', branchInput())).json().id;
  closing = (await admin.post('/api/branches', branchInput({ name: 'Тевризская сельская библиотека' }))).json().id;
  await admin.post(`/api/branches/${closing}/events`, { kind: 'liquidated', occurredOn: '2023-07-01' });
  opening = (await admin.post('/api/branches', branchInput({ name: 'Библиотека «Пятый километр»', openedOn: '2023-07-01' }))).json().id;
});
afterAll(() => t.close());

const talk = (branchIds: number[], overrides: Parameters<typeof eventInput>[1] = {}) =>
  eventInput({ branchIds, formId: forms.talk!, directionIds: [directions.patriotic!] }, overrides);
const totalEvents = async () => (await admin.get('/api/events')).json().total as number;
const titles = async (query: string) =>
  ((await admin.get(`/api/events?pageSize=500&${query}`)).json().items as { title: string }[]).map((e) => e.title);

describe('recording events', () => {
  it('keeps an event with its attendance by age group, directions, partners and campaign', async () => {
    const school = (await admin.post('/api/partners', partnerInput({ name: 'МБОУ «Каргасокская СОШ № 2»' }))).json();
    const dictation = (await admin.post('/api/campaigns', campaignInput({ name: 'Диктант Победы' }))).json();
    const response = await admin.post('/api/events', talk([branchA], {
      title: 'Урок мужества «Сталинград: 200 огненных дней»', startsOn: '2023-02-02', startsAt: '14:30',
      placeKind: 'outreach', place: 'Каргасокская СОШ № 2', audience: 'youth', admission: 'pushkin_card',
      directionIds: [directions.patriotic!, directions.local_history!], partnerIds: [school.id], campaignId: dictation.id,
      attendance: { total: 40, children: 25, youth: 12, adults: 3, disabled: 2 },
    }));
    expect(response.statusCode).toBe(201);
    const event = response.json();
    expect(event).toMatchObject({
      startsOn: '2023-02-02', startsAt: '14:30', endsOn: null, placeKind: 'outreach', audience: 'youth', admission: 'pushkin_card',
      form: { id: forms.talk, name: 'Беседа, час информации', countsDocuments: false },
      attendance: { total: 40, children: 25, youth: 12, adults: 3, disabled: 2 }, isHeld: true,
      partners: [{ id: school.id, name: 'МБОУ «Каргасокская СОШ № 2»' }], campaign: { id: dictation.id, name: 'Диктант Победы' },
    });
    expect(event.directions.map((d: { id: number }) => d.id).sort()).toEqual([directions.patriotic, directions.local_history].sort());
    expect((await admin.get(`/api/events/${event.id}`)).json()).toEqual(event);
    const audit = (await admin.get(`/api/audit?entity=event&entityId=${event.id}`)).json();
    expect(audit.items).toEqual([expect.objectContaining({ action: 'create', after: event })]);
  });

  it('lists events by year, month, branch, form, direction, partner, campaign, audience and text', async () => {
    const ecology = (await admin.post('/api/events', talk([branchA], {
      title: 'Эко-час «Береги свою планету»', startsOn: '2023-04-22', audience: 'children', directionIds: [directions.ecology!],
    }))).json();
    expect(await titles('year=2023&month=4')).toContain(ecology.title);
    expect(await titles('year=2023&month=5')).not.toContain(ecology.title);
    expect(await titles('year=2024')).not.toContain(ecology.title);
    expect(await titles(`branch=${branchA}&direction=${directions.ecology}`)).toEqual([ecology.title]);
    expect(await titles(`branch=${closing}`)).not.toContain(ecology.title);
    expect(await titles(`form=${forms.talk}&audience=children&q=${encodeURIComponent('планету')}`)).toEqual([ecology.title]);
    expect(await titles(`from=2023-04-23`)).not.toContain(ecology.title);
    const page = (await admin.get('/api/events?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: await totalEvents() });
    expect(page.items).toHaveLength(1);
  });

  it('shows a book exhibition with the documents it showed in every month it runs', async () => {
    const exhibition = await admin.post('/api/events', eventInput({ branchIds: [branchA], formId: forms.book_exhibition!, directionIds: [directions.reading_promotion!] }, {
      title: 'Выставка «Новинки зимы»', startsOn: '2023-01-20', endsOn: '2023-02-10', exhibitionDocuments: 45,
    }));
    expect(exhibition.statusCode).toBe(201);
    expect(exhibition.json()).toMatchObject({ exhibitionDocuments: 45, endsOn: '2023-02-10', form: { countsDocuments: true } });
    expect(await titles('year=2023&month=1')).toContain('Выставка «Новинки зимы»');
    expect(await titles('year=2023&month=2')).toContain('Выставка «Новинки зимы»');
    expect(await titles('year=2023&month=3')).not.toContain('Выставка «Новинки зимы»');
  });

  it('records the attendance once the event is held, and refuses it for an event not yet begun', async () => {
    const nextYear = new Date().getFullYear() + 1;
    const planned = (await admin.post('/api/events', talk([branchA], { startsOn: `${nextYear}-05-09` }))).json();
    expect(planned.isHeld).toBe(false);
    const early = await admin.patch(`/api/events/${planned.id}`, { attendance: { total: 10 } });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('attendance');

    const held = (await admin.post('/api/events', talk([branchA]))).json();
    const recorded = await admin.patch(`/api/events/${held.id}`, { attendance: { total: 18, children: 18 } });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ isHeld: true, attendance: { total: 18, children: 18, youth: 0, adults: 0, disabled: 0 }, title: held.title });
    const audit = (await admin.get(`/api/audit?entity=event&entityId=${held.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { attendance: null }, after: { attendance: { total: 18 } } });
  });

  it('deletes an event entered by mistake, keeping it in the audit log', async () => {
    const event = (await admin.post('/api/events', talk([branchA]))).json();
    expect((await admin.delete(`/api/events/${event.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/events/${event.id}`)).statusCode).toBe(404);
    const audit = (await admin.get(`/api/audit?entity=event&entityId=${event.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });
});

describe('event input', () => {
  it('names every missing required field and writes nothing', async () => {
    const before = await totalEvents();
    const response = await admin.post('/api/events', { title: ' ', branchIds: [] });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'startsOn', 'branchIds', 'placeKind', 'formId', 'directionIds', 'audience']));
    expect(await totalEvents()).toBe(before);
  });

  it('refuses an age breakdown larger than the total, and more visitors with disabilities than came', async () => {
    const before = await totalEvents();
    const groups = await admin.post('/api/events', talk([branchA], { attendance: { total: 20, children: 10, youth: 8, adults: 5, disabled: 0 } }));
    expect(groups.statusCode).toBe(400);
    expect(groups.json().field).toBe('attendance.total');
    expect(groups.json().detail).toContain('23');
    const disabled = await admin.post('/api/events', talk([branchA], { attendance: { total: 5, children: 0, youth: 0, adults: 5, disabled: 6 } }));
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json().field).toBe('attendance.disabled');
    expect(await totalEvents()).toBe(before);
  });

  it('refuses an event on a date its branch did not exist: after liquidation, before opening, or running past a closure', async () => {
    const before = await totalEvents();
    const afterClosure = await admin.post('/api/events', talk([closing], { startsOn: '2023-07-01' }));
    expect(afterClosure.statusCode).toBe(400);
    expect(afterClosure.json()).toMatchObject({ field: 'startsOn', detail: expect.stringContaining('Тевризская сельская библиотека') });
    expect(afterClosure.json().detail).toContain('01.07.2023');
    const beforeOpening = await admin.post('/api/events', talk([branchA, opening], { startsOn: '2023-06-30' }));
    expect(beforeOpening.json()).toMatchObject({ field: 'startsOn', detail: expect.stringContaining('Пятый километр') });
    const pastClosure = await admin.post('/api/events', talk([closing], { startsOn: '2023-06-20', endsOn: '2023-07-10' }));
    expect(pastClosure.json().field).toBe('endsOn');
    expect(await totalEvents()).toBe(before);
    expect((await admin.post('/api/events', talk([closing], { startsOn: '2023-06-30' }))).statusCode).toBe(201);
    expect((await admin.post('/api/events', talk([opening], { startsOn: '2023-07-01' }))).statusCode).toBe(201);
  });

  it('refuses a partner from another network with a clear message, and writes nothing', async () => {
    const foreign = await t.database.db.transaction().execute(async (trx) => {
      const other = await createNetwork({ trx, input: { code: 'other', name: 'Другая ЦБС', fullName: 'Другая ЦБС' } });
      return createPartner({ trx, actor: systemActor(other.id), input: partnerInput({ name: 'Чужая школа' }) });
    });
    const before = await totalEvents();
    const response = await admin.post('/api/events', talk([branchA], { partnerIds: [foreign.id] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'partnerIds', detail: `partnerIds: партнёра № ${foreign.id} нет среди партнёров этой сети` });
    expect(await totalEvents()).toBe(before);
  });

  it('refuses a campaign of another year, a branch of another network, and a documents count for a talk', async () => {
    const campaign = (await admin.post('/api/campaigns', campaignInput({ name: 'Библионочь-2024', year: 2024 }))).json();
    expect((await admin.post('/api/events', talk([branchA], { campaignId: campaign.id }))).json()).toMatchObject({
      field: 'campaignId', detail: expect.stringContaining('2024'),
    });
    expect((await admin.post('/api/events', talk([999_999]))).json().field).toBe('branchIds');
    expect((await admin.post('/api/events', talk([branchA], { exhibitionDocuments: 10 }))).json().field).toBe('exhibitionDocuments');
  });
});

describe('recurring events', () => {
  it('copies a club meeting to several dates without attendance, keeping the length of a span', async () => {
    const club = (await admin.post('/api/events', eventInput({ branchIds: [branchA], formId: forms.club_meeting!, directionIds: [directions.family!] }, {
      title: 'Клуб «Хозяюшка»', startsOn: '2023-01-10', endsOn: '2023-01-11', startsAt: '15:00', attendance: { total: 12, children: 0, youth: 0, adults: 12, disabled: 1 },
    }))).json();
    const response = await admin.post(`/api/events/${club.id}/duplicate`, { dates: ['2023-03-14', '2023-02-14', '2023-02-14'] });
    expect(response.statusCode).toBe(201);
    const copies = response.json();
    expect(copies.map((c: { startsOn: string; endsOn: string }) => [c.startsOn, c.endsOn])).toEqual([['2023-02-14', '2023-02-15'], ['2023-03-14', '2023-03-15']]);
    for (const copy of copies) {
      expect(copy).toMatchObject({ title: 'Клуб «Хозяюшка»', startsAt: '15:00', attendance: null, isHeld: false, branches: club.branches, form: club.form });
    }
    expect(await titles(`q=${encodeURIComponent('Хозяюшка')}`)).toHaveLength(3);
  });

  it('refuses copies dated after the branch closed, naming the dates, and writes none of them', async () => {
    const meeting = (await admin.post('/api/events', talk([closing], { startsOn: '2023-05-16' }))).json();
    const before = await totalEvents();
    const response = await admin.post(`/api/events/${meeting.id}/duplicate`, { dates: ['2023-06-20', '2023-07-18'] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'dates', detail: expect.stringContaining('18.07.2023') });
    expect(await totalEvents()).toBe(before);
  });
});

describe('who may record events', () => {
  it('lets a librarian record the events of their own branch only, and keeps the director read-only', async () => {
    const librarian = await t.signIn('librarian', [branchA]);
    expect((await librarian.post('/api/events', talk([branchA]))).statusCode).toBe(201);
    expect((await librarian.post('/api/events', talk([closing], { startsOn: '2023-03-01' }))).statusCode).toBe(403);
    // An event organised with another branch counts in that branch's figures too: the methodologist records it.
    expect((await librarian.post('/api/events', talk([branchA, closing]))).statusCode).toBe(403);
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/events', talk([branchA, closing]))).statusCode).toBe(201);
    const director = await t.signIn('director');
    expect((await director.get('/api/events')).statusCode).toBe(200);
    expect((await director.post('/api/events', talk([branchA]))).statusCode).toBe(403);
  });

  it('does not let a librarian change another branch’s event, nor hand their own to another branch', async () => {
    const librarian = await t.signIn('librarian', [branchA]);
    const own = (await librarian.post('/api/events', talk([branchA]))).json();
    const others = (await admin.post('/api/events', talk([closing]))).json();
    expect((await librarian.patch(`/api/events/${others.id}`, { title: 'Чужое' })).statusCode).toBe(403);
    expect((await librarian.patch(`/api/events/${own.id}`, { branchIds: [closing] })).statusCode).toBe(403);
    expect((await librarian.delete(`/api/events/${others.id}`)).statusCode).toBe(403);
    expect((await admin.get(`/api/events/${own.id}`)).json().branches).toEqual([expect.objectContaining({ id: branchA })]);
  });
});

describe('forms and directions', () => {
  it('adds the default lists once, however often it is asked', async () => {
    const again = await admin.post('/api/event-dictionaries/defaults');
    expect(again.json().added).toEqual({ forms: 0, directions: 0 });
    const { forms: all } = again.json();
    expect(all).toEqual((await admin.get('/api/event-dictionaries')).json().forms);
    expect(all.find((f: { code: string }) => f.code === 'book_exhibition')).toMatchObject({ name: 'Книжная выставка', countsDocuments: true, isActive: true });
  });

  it('lets the administrator add, rename and retire an entry; a retired one stays on old events only', async () => {
    const created = await admin.post('/api/event-forms', { code: 'quest', name: 'Квест' });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/event-forms', { code: 'quest', name: 'Ещё квест' })).statusCode).toBe(409);
    const quest = created.json();
    const event = (await admin.post('/api/events', talk([branchA], { formId: quest.id }))).json();
    const retired = await admin.patch(`/api/event-forms/${quest.id}`, { name: 'Библиоквест', isActive: false });
    expect(retired.json()).toMatchObject({ name: 'Библиоквест', isActive: false, code: 'quest' });
    expect((await admin.patch(`/api/events/${event.id}`, { title: 'Квест по сказкам' })).statusCode).toBe(200);
    expect((await admin.get(`/api/events/${event.id}`)).json().form.name).toBe('Библиоквест');
    const refused = await admin.post('/api/events', talk([branchA], { formId: quest.id }));
    expect(refused.json()).toMatchObject({ field: 'formId', detail: expect.stringContaining('больше не используется') });
    const unchanged = await admin.patch(`/api/event-forms/${quest.id}`, {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual(retired.json());
  });

  it('keeps the dictionaries the administrator’s', async () => {
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/event-directions', { code: 'museum', name: 'Музейная педагогика' })).statusCode).toBe(403);
    expect((await methodologist.post('/api/event-dictionaries/defaults')).statusCode).toBe(403);
  });
});
