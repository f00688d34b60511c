import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, staffMemberInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let central: number;
let rural: number;
let anna: number;
let boris: number;
let vera: number;

const course = (overrides: object) => ({ course: 'Пожарно-технический минимум', topic: 'fire_safety', hours: 16, finishedOn: '2023-03-10', ...overrides });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  central = (await admin.post('/api/branches', branchInput({ name: 'Центральная библиотека' }))).json().id;
  rural = (await admin.post('/api/branches', branchInput({ name: 'Павловская сельская библиотека' }))).json().id;
  anna = (await admin.post('/api/staff', staffMemberInput(central, { lastName: 'Аникина' }))).json().id;
  boris = (await admin.post('/api/staff', staffMemberInput(central, { lastName: 'Борисова' }))).json().id;
  vera = (await admin.post('/api/staff', staffMemberInput(rural, { lastName: 'Веселова' }))).json().id;
  await admin.post(`/api/staff/${anna}/trainings`, course({}));
  await admin.post(`/api/staff/${boris}/trainings`, course({ course: 'пожарно-технический минимум' }));
  await admin.post(`/api/staff/${vera}/trainings`, course({ hours: 8 }));
  await admin.post(`/api/staff/${anna}/trainings`, course({ course: 'Консультант Плюс / Технология ТОП', topic: 'digital', hours: 24, finishedOn: '2023-11-30' }));
  await admin.post(`/api/staff/${anna}/trainings`, course({ course: 'Оказание первой помощи', topic: 'first_aid', hours: null }));
  await admin.post(`/api/staff/${vera}/trainings`, course({ course: 'Противодействие коррупции', topic: 'anti_corruption', finishedOn: '2022-12-31' }));
});
afterAll(() => t.close());

describe('training records of the whole network', () => {
  it('lists them by the year they ended, newest first, with whose they are', async () => {
    const list = (await admin.get('/api/trainings?year=2023')).json();
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({ course: 'Консультант Плюс / Технология ТОП', staffMemberName: expect.stringContaining('Аникина'), branchName: 'Центральная библиотека' });
    expect(list.items.every((item: { finishedOn: string }) => item.finishedOn.startsWith('2023'))).toBe(true);
  });

  it('filters by branch, topic and text, and pages', async () => {
    expect((await admin.get(`/api/trainings?year=2023&branch=${rural}`)).json().items.map((i: { staffMemberId: number }) => i.staffMemberId)).toEqual([vera]);
    expect((await admin.get('/api/trainings?topic=anti_corruption')).json().total).toBe(1);
    expect((await admin.get('/api/trainings?q=консультант')).json().total).toBe(1);
    expect((await admin.get('/api/trainings?q=борисова')).json().total).toBe(1);
    const page = (await admin.get('/api/trainings?pageSize=2&page=3')).json();
    expect(page).toMatchObject({ total: 6, page: 3, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('refuses an unknown topic, naming it', async () => {
    const response = await admin.get('/api/trainings?topic=yoga');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('topic');
  });
});

describe('staff trained in a year by topic', () => {
  it('counts people, distinct courses, records and hours per topic, and each person once in the total', async () => {
    const statistics = (await admin.get('/api/trainings/statistics?year=2023')).json();
    expect(statistics.byTopic).toEqual([
      { topic: 'fire_safety', people: 3, courses: 1, certificates: 3, hours: 40 },
      expect.objectContaining({ people: 1 }),
      expect.objectContaining({ people: 1 }),
    ]);
    expect(statistics.byTopic.find((row: { topic: string }) => row.topic === 'first_aid')).toEqual({
      topic: 'first_aid', people: 1, courses: 1, certificates: 1, hours: 0,
    });
    expect(statistics.total).toEqual({ people: 3, courses: 3, certificates: 5, hours: 64 });
  });

  it('narrows to a branch, and is zero for a year without training', async () => {
    const rural2023 = (await admin.get(`/api/trainings/statistics?year=2023&branch=${rural}`)).json();
    expect(rural2023).toEqual({ year: 2023, byTopic: [{ topic: 'fire_safety', people: 1, courses: 1, certificates: 1, hours: 8 }], total: { people: 1, courses: 1, certificates: 1, hours: 8 } });
    expect((await admin.get('/api/trainings/statistics?year=2010')).json()).toEqual({
      year: 2010, byTopic: [], total: { people: 0, courses: 0, certificates: 0, hours: 0 },
    });
  });
});

describe('seminars the network runs for its staff', () => {
  it('records a seminar with the staff who attended and others counted, and lists it by year and branch', async () => {
    const seminar = await admin.post('/api/seminars', {
      heldOn: '2023-03-22', topic: 'Семинар работников культуры Каргасокского района', organiser: 'Отдел культуры',
      description: 'Антитеррористическая защищённость учреждений культуры, мастер-классы', attendeeStaffIds: [anna, vera], externalAttendees: 25,
    });
    expect(seminar.statusCode).toBe(201);
    expect(seminar.json()).toMatchObject({ attendeeCount: 27, externalAttendees: 25 });
    expect(seminar.json().attendees.map((a: { id: number }) => a.id)).toEqual([anna, vera]);

    expect((await admin.get(`/api/seminars?year=2023&branch=${rural}`)).json().total).toBe(1);
    expect((await admin.get('/api/seminars?year=2022')).json().total).toBe(0);
    expect((await admin.get(`/api/seminars/${seminar.json().id}`)).json().topic).toBe('Семинар работников культуры Каргасокского района');
    const audit = (await admin.get(`/api/audit?entity=seminar&entityId=${seminar.json().id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', after: { attendeeCount: 27 } });
  });

  it('refuses an attendee from outside the network, a repeated one, or no topic, and writes nothing', async () => {
    const rows = async () => (await sql<{ n: number }>`SELECT (SELECT count(*) FROM seminars) + (SELECT count(*) FROM seminar_attendees) AS n`
      .execute(t.database.db)).rows[0]!.n;
    const before = await rows();
    const stranger = await admin.post('/api/seminars', { heldOn: '2023-05-01', topic: 'Семинар', attendeeStaffIds: [anna, 987654] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().field).toBe('attendeeStaffIds');
    expect(stranger.json().detail).toContain('987654');
    const repeated = await admin.post('/api/seminars', { heldOn: '2023-05-01', topic: 'Семинар', attendeeStaffIds: [anna, anna] });
    expect(repeated.json().field).toBe('attendeeStaffIds');
    const untitled = await admin.post('/api/seminars', { heldOn: '2023-05-01', topic: ' ' });
    expect(untitled.json().field).toBe('topic');
    expect(await rows()).toBe(before);
  });

  it('is recorded by the administrator or the methodologist, not a librarian or the director, and removed when mistaken', async () => {
    const methodologist = await t.signIn('methodologist');
    const seminar = await methodologist.post('/api/seminars', { heldOn: '2023-10-05', topic: 'Новое издание таблиц ББК', attendeeStaffIds: [boris] });
    expect(seminar.statusCode).toBe(201);
    const librarian = await t.signIn('librarian', [central]);
    expect((await librarian.post('/api/seminars', { heldOn: '2023-10-05', topic: 'Семинар' })).statusCode).toBe(403);
    expect((await (await t.signIn('director')).post('/api/seminars', { heldOn: '2023-10-05', topic: 'Семинар' })).statusCode).toBe(403);
    expect((await librarian.delete(`/api/seminars/${seminar.json().id}`)).statusCode).toBe(403);
    expect((await methodologist.delete(`/api/seminars/${seminar.json().id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/seminars/${seminar.json().id}`)).statusCode).toBe(404);
  });
});
