import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, eventDictionaries, eventInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let forms: Record<string, number>;
let directions: Record<string, number>;
let central: number;
let rural: number;
let closing: number;

const attendance = (total: number, children: number, youth: number, adults: number, disabled = 0) => ({ total, children, youth, adults, disabled });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  ({ forms, directions } = await eventDictionaries(admin));
  central = (await admin.post('/api/branches', branchInput({ name: 'Центральная библиотека', type: 'central' }))).json().id;
  rural = (await admin.post('/api/branches', branchInput({ name: 'Вертикосская сельская библиотека' }))).json().id;
  closing = (await admin.post('/api/branches', branchInput({ name: 'Тевризская сельская библиотека' }))).json().id;
  await admin.post(`/api/branches/${closing}/events`, { kind: 'liquidated', occurredOn: '2023-07-01' });

  const add = (branchIds: number[], form: string, directionCodes: string[], overrides: Parameters<typeof eventInput>[1]) =>
    admin.post('/api/events', eventInput({ branchIds, formId: forms[form]!, directionIds: directionCodes.map((code) => directions[code]!) }, overrides));
  // 2023: four held events and one without attendance; one event of 2022.
  await add([central], 'lecture', ['financial_literacy'], { startsOn: '2023-02-10', audience: 'youth', attendance: attendance(30, 0, 25, 5, 1) });
  await add([central, rural], 'quiz', ['patriotic', 'local_history'], { startsOn: '2023-05-05', audience: 'children', attendance: attendance(20, 18, 2, 0) });
  await add([rural], 'quiz', ['ecology'], { startsOn: '2023-05-20', audience: 'children', attendance: attendance(12, 12, 0, 0, 2) });
  await add([closing], 'talk', ['patriotic'], { startsOn: '2023-03-01', audience: 'seniors', attendance: attendance(8, 0, 0, 8) });
  await add([central], 'talk', ['patriotic'], { startsOn: '2023-12-20', audience: 'adults' });
  await add([central], 'talk', ['patriotic'], { startsOn: '2022-12-20', audience: 'adults', attendance: attendance(50, 0, 0, 50) });
});
afterAll(() => t.close());

describe('annual plans', () => {
  it('sets a branch’s plan for a year and replaces it, auditing both', async () => {
    const first = await admin.post('/api/event-plans', { branchId: rural, year: 2023, plannedEvents: 40, plannedAttendance: 600 });
    expect(first.statusCode).toBe(200);
    const second = await admin.post('/api/event-plans', { branchId: rural, year: 2023, plannedEvents: 45, plannedAttendance: 650 });
    expect(second.json()).toMatchObject({ id: first.json().id, plannedEvents: 45, plannedAttendance: 650, directionId: null });
    const audit = (await admin.get(`/api/audit?entity=event_plan&entityId=${first.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0]).toMatchObject({ before: { plannedEvents: 40 }, after: { plannedEvents: 45 } });
  });

  it('compares planned with held for every branch that existed in the year, a joint event counting for each organiser', async () => {
    await admin.post('/api/event-plans', { branchId: central, year: 2023, plannedEvents: 120, plannedAttendance: 3000 });
    const fulfilment = (await admin.get('/api/event-plans?year=2023')).json();
    expect(fulfilment.rows).toEqual([
      { branchId: central, branchName: 'Центральная библиотека', plannedEvents: 120, plannedAttendance: 3000, heldEvents: 2, heldAttendance: 50 },
      { branchId: rural, branchName: 'Вертикосская сельская библиотека', plannedEvents: 45, plannedAttendance: 650, heldEvents: 2, heldAttendance: 32 },
      { branchId: closing, branchName: 'Тевризская сельская библиотека', plannedEvents: null, plannedAttendance: null, heldEvents: 1, heldAttendance: 8 },
    ]);
    const nextYear = (await admin.get('/api/event-plans?year=2024')).json();
    expect(nextYear.rows.map((row: { branchId: number }) => row.branchId)).not.toContain(closing);
  });

  it('keeps plans by direction apart from the overall plan', async () => {
    await admin.post('/api/event-plans', { branchId: rural, year: 2023, directionId: directions.patriotic, plannedEvents: 10, plannedAttendance: 150 });
    const patriotic = (await admin.get(`/api/event-plans?year=2023&direction=${directions.patriotic}&branch=${rural}`)).json();
    expect(patriotic).toMatchObject({ directionId: directions.patriotic, rows: [{ branchId: rural, plannedEvents: 10, heldEvents: 1, heldAttendance: 20 }] });
    expect((await admin.get(`/api/event-plans?year=2023&branch=${rural}`)).json().rows[0].plannedEvents).toBe(45);
  });

  it('refuses a plan for a year the branch did not exist, and leaves plans to those who record the branch’s events', async () => {
    const response = await admin.post('/api/event-plans', { branchId: closing, year: 2024, plannedEvents: 5, plannedAttendance: 50 });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('year');
    const librarian = await t.signIn('librarian', [rural]);
    expect((await librarian.post('/api/event-plans', { branchId: rural, year: 2024, plannedEvents: 40, plannedAttendance: 500 })).statusCode).toBe(200);
    expect((await librarian.post('/api/event-plans', { branchId: central, year: 2024, plannedEvents: 1, plannedAttendance: 1 })).statusCode).toBe(403);
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/event-plans', { branchId: central, year: 2024, plannedEvents: 130, plannedAttendance: 3100 })).statusCode).toBe(200);
  });
});

describe('statistics of events', () => {
  const statistics = async (query: string) => (await admin.get(`/api/events/statistics?year=2023&${query}`)).json();
  const row = (body: { rows: { key: string }[] }, key: string | number) => body.rows.find((r) => r.key === String(key));

  it('counts events and attendance by direction, an event of two directions in both but once in the totals', async () => {
    const body = await statistics('groupBy=direction');
    expect(row(body, directions.patriotic!)).toEqual({
      key: String(directions.patriotic), name: 'Патриотическое воспитание', events: 3, heldEvents: 2,
      attendance: { total: 28, children: 18, youth: 2, adults: 8, disabled: 0 },
    });
    expect(row(body, directions.local_history!)).toMatchObject({ events: 1, attendance: { total: 20 } });
    expect(body.totals).toEqual({ events: 5, heldEvents: 4, attendance: { total: 70, children: 30, youth: 27, adults: 13, disabled: 3 } });
  });

  it('counts by form, audience and branch, and narrows to a month and a branch', async () => {
    expect(row(await statistics('groupBy=form'), forms.quiz!)).toMatchObject({ name: 'Викторина', events: 2, attendance: { total: 32, children: 30 } });
    expect(row(await statistics('groupBy=audience'), 'children')).toMatchObject({ name: null, events: 2, attendance: { total: 32, disabled: 2 } });
    const byBranch = await statistics('groupBy=branch');
    expect(byBranch.rows.map((r: { name: string; events: number }) => [r.name, r.events])).toEqual([
      ['Центральная библиотека', 3], ['Вертикосская сельская библиотека', 2], ['Тевризская сельская библиотека', 1],
    ]);
    const may = await statistics(`groupBy=branch&month=5&branch=${rural}`);
    expect(may.rows).toEqual([expect.objectContaining({ key: String(rural), events: 2, attendance: expect.objectContaining({ total: 32 }) })]);
    expect(may.totals).toMatchObject({ events: 2, attendance: { total: 32 } });
  });

  it('asks for a year, and a month only with it', async () => {
    expect((await admin.get('/api/events/statistics')).json().field).toBe('year');
    expect((await admin.get('/api/events?month=5')).json().field).toBe('month');
  });
});
