import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, staffMemberInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let branchA: number;
let branchB: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  branchA = (await admin.post('/api/branches', branchInput())).json().id;
  branchB = (await admin.post('/api/branches', branchInput())).json().id;
});
afterAll(() => t.close());

describe('staff and their training', () => {
  it('keeps a staff member with what 6-НК needs and lists them by branch', async () => {
    const created = await admin.post('/api/staff', staffMemberInput(branchA, {
      lastName: 'Вялова', firstName: 'Анна', middleName: 'Викторовна', employment: 'part_time',
      education: 'secondary_vocational', hasLibraryEducation: false, libraryExperienceSince: '2001-09-01', hasDisability: true,
    }));
    expect(created.statusCode).toBe(201);
    const list = (await admin.get(`/api/staff?branch=${branchA}&q=вялова`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      fullName: 'Вялова Анна Викторовна', employment: 'part_time', education: 'secondary_vocational',
      hasLibraryEducation: false, libraryExperienceSince: '2001-09-01', hasDisability: true, birthDate: '1980-05-12',
    });
    expect((await admin.get(`/api/staff?branch=${branchB}&q=вялова`)).json().items).toHaveLength(0);
  });

  it('lists only the staff employed on a date', async () => {
    await admin.post('/api/staff', staffMemberInput(branchB, { lastName: 'Уволенная', hiredOn: '2010-01-01', dismissedOn: '2020-01-01' }));
    const names = async (date: string) =>
      (await admin.get(`/api/staff?branch=${branchB}&activeOn=${date}`)).json().items.map((s: { lastName: string }) => s.lastName);
    expect(await names('2019-12-31')).toContain('Уволенная');
    expect(await names('2020-01-01')).not.toContain('Уволенная');
  });

  it('adds and removes a training record, shown on the staff card', async () => {
    const member = (await admin.post('/api/staff', staffMemberInput(branchA))).json();
    const training = await admin.post(`/api/staff/${member.id}/trainings`, {
      course: 'Консультант Плюс / Технология ТОП', provider: 'КонсультантПлюс', topic: 'digital', hours: 16,
      startedOn: '2023-03-01', finishedOn: '2023-03-10', certificateNumber: 'КП-2023/114',
    });
    expect(training.statusCode).toBe(201);
    expect((await admin.get(`/api/staff/${member.id}`)).json().trainings).toEqual([
      expect.objectContaining({ course: 'Консультант Плюс / Технология ТОП', hours: 16, certificateNumber: 'КП-2023/114' }),
    ]);
    expect((await admin.delete(`/api/staff/${member.id}/trainings/${training.json().id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/staff/${member.id}`)).json().trainings).toEqual([]);
    const audit = (await admin.get(`/api/audit?entity=training&entityId=${training.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
  });

  it('keeps fractional establishment posts per branch', async () => {
    await admin.post('/api/staff-positions', { branchId: branchB, title: 'Библиотекарь', rate: 0.5, validFrom: '2020-01-01' });
    const posts = (await admin.get(`/api/staff-positions?branch=${branchB}&activeOn=2023-12-31`)).json();
    expect(posts).toEqual([expect.objectContaining({ title: 'Библиотекарь', rate: 0.5 })]);
  });

  it('corrects a post and closes it on a date, auditing both, and refuses an end before the start', async () => {
    const post = (await admin.post('/api/staff-positions', { branchId: branchA, title: 'Библиотекрь', rate: 1, validFrom: '2020-01-01' })).json();
    const corrected = await admin.patch(`/api/staff-positions/${post.id}`, { title: 'Библиотекарь', rate: 0.75 });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ title: 'Библиотекарь', rate: 0.75, validFrom: '2020-01-01', validTo: null });
    const unchanged = await admin.patch(`/api/staff-positions/${post.id}`, {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json()).toEqual(corrected.json());

    const early = await admin.patch(`/api/staff-positions/${post.id}`, { validTo: '2019-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().field).toBe('validTo');
    expect((await admin.patch(`/api/staff-positions/${post.id}`, { validFrom: '2024-01-01', validTo: '2023-06-30' })).statusCode).toBe(400);

    expect((await admin.patch(`/api/staff-positions/${post.id}`, { validTo: '2023-06-30' })).json().validTo).toBe('2023-06-30');
    const titles = async (date: string) =>
      (await admin.get(`/api/staff-positions?branch=${branchA}&activeOn=${date}`)).json().map((p: { id: number }) => p.id);
    expect(await titles('2023-06-30')).toContain(post.id);
    expect(await titles('2023-07-01')).not.toContain(post.id);

    const audit = (await admin.get(`/api/audit?entity=staff_position&entityId=${post.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
    expect(audit.items[0]).toMatchObject({ before: { validTo: null }, after: { validTo: '2023-06-30' } });
    expect((await admin.patch('/api/staff-positions/999999', { validTo: '2023-06-30' })).statusCode).toBe(404);
  });

  it('lets a librarian change the posts of their own branch only', async () => {
    const own = (await admin.post('/api/staff-positions', { branchId: branchA, title: 'Библиограф', rate: 1, validFrom: '2020-01-01' })).json();
    const other = (await admin.post('/api/staff-positions', { branchId: branchB, title: 'Библиограф', rate: 1, validFrom: '2020-01-01' })).json();
    const librarian = await t.signIn('librarian', [branchA]);
    expect((await librarian.patch(`/api/staff-positions/${own.id}`, { rate: 0.5 })).statusCode).toBe(200);
    expect((await librarian.patch(`/api/staff-positions/${other.id}`, { rate: 0.5 })).statusCode).toBe(403);
    expect((await (await t.signIn('director')).patch(`/api/staff-positions/${own.id}`, { rate: 2 })).statusCode).toBe(403);
    const rates = (await admin.get('/api/staff-positions')).json()
      .filter((p: { id: number }) => p.id === own.id || p.id === other.id).map((p: { rate: number }) => p.rate);
    expect(rates).toEqual([0.5, 1]);
  });
});

describe('staff input and rights', () => {
  it('refuses dates out of order, naming the field, and writes nothing', async () => {
    const before = (await admin.get('/api/staff')).json().total;
    const response = await admin.post('/api/staff', staffMemberInput(branchA, { hiredOn: '2020-01-01', dismissedOn: '2019-01-01' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('dismissedOn');
    expect((await admin.get('/api/staff')).json().total).toBe(before);
  });

  it('refuses a training that ends before it starts', async () => {
    const member = (await admin.post('/api/staff', staffMemberInput(branchA))).json();
    const response = await admin.post(`/api/staff/${member.id}/trainings`, { course: 'Курс', startedOn: '2023-05-02', finishedOn: '2023-05-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('finishedOn');
  });

  it('lets a librarian manage their own branch’s staff but not another’s, nor move staff there', async () => {
    const librarian = await t.signIn('librarian', [branchA]);
    const own = await librarian.post('/api/staff', staffMemberInput(branchA));
    expect(own.statusCode).toBe(201);
    expect((await librarian.post('/api/staff', staffMemberInput(branchB))).statusCode).toBe(403);
    expect((await librarian.patch(`/api/staff/${own.json().id}`, { branchId: branchB })).statusCode).toBe(403);
    expect((await admin.get(`/api/staff/${own.json().id}`)).json().branchId).toBe(branchA);
  });

  it('keeps the director read-only', async () => {
    const director = await t.signIn('director');
    expect((await director.get('/api/staff')).statusCode).toBe(200);
    expect((await director.post('/api/staff', staffMemberInput(branchA))).statusCode).toBe(403);
  });
});

describe('6-НК section 6', () => {
  it('counts staff, posts, education, experience and age as of 31 December', async () => {
    const t2 = await startTestApp();
    try {
      const a = await t2.signIn('admin');
      const branch = (await a.post('/api/branches', branchInput())).json().id;
      const add = (overrides: Parameters<typeof staffMemberInput>[1]) => a.post('/api/staff', staffMemberInput(branch, overrides));
      await add({ education: 'higher', hasLibraryEducation: true, birthDate: '1995-06-01', libraryExperienceSince: '2021-01-10' }); // 28, 2 years
      await add({ education: 'higher', hasLibraryEducation: false, birthDate: '1968-12-31', libraryExperienceSince: '2013-12-31' }); // 55, 10 years
      await add({ education: 'secondary_vocational', hasLibraryEducation: true, birthDate: '1980-01-01', libraryExperienceSince: '2000-01-01', hasDisability: true });
      await add({ education: 'other', isCoreStaff: false, birthDate: '1990-01-01' });
      await add({ hiredOn: '2024-01-09' }); // not yet employed on 2023-12-31
      await add({ hiredOn: '2010-01-01', dismissedOn: '2023-06-01' }); // left during the year
      await a.post('/api/staff-positions', { branchId: branch, title: 'Библиотекарь', rate: 2.5, validFrom: '2020-01-01' });
      await a.post('/api/staff-positions', { branchId: branch, title: 'Уборщик', rate: 0.5, validFrom: '2020-01-01', validTo: '2023-06-30' });
      const statistics = (await a.get('/api/staff/statistics?date=2023-12-31')).json();
      expect(statistics).toEqual({
        date: '2023-12-31', posts: 2.5, headcount: 4, withDisability: 1, coreStaff: 3,
        higherEducation: 2, higherLibraryEducation: 1, secondaryVocationalEducation: 1, secondaryVocationalLibraryEducation: 1,
        experienceUpTo3: 1, experience3To10: 1, experienceOver10: 1,
        ageUnder30: 1, age30To55: 1, age55AndOver: 1,
      });
    } finally {
      await t2.close();
    }
  });
});
