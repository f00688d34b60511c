import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const names = (body: string) => (JSON.parse(body) as { items: { name: string }[] }).items.map((b) => b.name);

describe('branch network history', () => {
  it('answers which branches existed on a date and for how many days of a year', async () => {
    const closing = (await admin.post('/api/branches', branchInput({ name: 'Тевризская сельская библиотека', openedOn: '1975-01-01' }))).json();
    await admin.post('/api/branches', branchInput({ name: 'Библиотека «Пятый километр»', openedOn: '2023-07-01' }));
    const liquidation = await admin.post(`/api/branches/${closing.id}/events`, {
      kind: 'liquidated', occurredOn: '2023-07-01', basisKind: 'survey', basis: 'Опрос граждан с. Новый Тевриз',
    });
    expect(liquidation.statusCode).toBe(201);

    const january = names((await admin.get('/api/branches?activeOn=2023-01-01')).body);
    const december = names((await admin.get('/api/branches?activeOn=2023-12-31')).body);
    expect(january).toContain('Тевризская сельская библиотека');
    expect(january).not.toContain('Библиотека «Пятый километр»');
    expect(december).toContain('Библиотека «Пятый километр»');
    expect(december).not.toContain('Тевризская сельская библиотека');

    const year = (await admin.get('/api/branches?year=2023')).json() as { items: { name: string; daysActiveInYear: number }[] };
    const days = Object.fromEntries(year.items.map((b) => [b.name, b.daysActiveInYear]));
    expect(days['Тевризская сельская библиотека']).toBe(181);
    expect(days['Библиотека «Пятый километр»']).toBe(184);
    expect(names((await admin.get('/api/branches?year=2024')).body)).not.toContain('Тевризская сельская библиотека');
  });

  it('keeps the old name in the history when a branch is renamed', async () => {
    const branch = (await admin.post('/api/branches', branchInput({ name: 'Старое имя' }))).json();
    await admin.post(`/api/branches/${branch.id}/events`, { kind: 'renamed', occurredOn: '2020-03-01', name: 'Новое имя', basisKind: 'decision', basis: 'Постановление № 1' });
    const card = (await admin.get(`/api/branches/${branch.id}`)).json();
    expect(card.name).toBe('Новое имя');
    expect(card.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'renamed']);
    expect(card.events[1].details).toEqual({ name: { from: 'Старое имя', to: 'Новое имя' } });
  });

  it('refuses to liquidate a branch on a date it did not exist', async () => {
    const branch = (await admin.post('/api/branches', branchInput({ openedOn: '2010-01-01' }))).json();
    const response = await admin.post(`/api/branches/${branch.id}/events`, { kind: 'liquidated', occurredOn: '2005-01-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('occurredOn');
    expect((await admin.get(`/api/branches/${branch.id}`)).json().isActive).toBe(true);
  });
});

describe('branch input', () => {
  it('refuses an invalid branch with problem+json naming the field, and writes nothing', async () => {
    const before = (await admin.get('/api/branches')).json().total;
    const response = await admin.post('/api/branches', { ...branchInput(), type: 'castle', name: '' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'name']));
    expect((await admin.get('/api/branches')).json().total).toBe(before);
  });

  it('refuses a second branch with the same code', async () => {
    await admin.post('/api/branches', branchInput({ code: 'DUP' }));
    const response = await admin.post('/api/branches', branchInput({ code: 'DUP' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().field).toBe('code');
  });
});

describe('who may change branch data', () => {
  it('lets a librarian change their own branch but answers 403 for another, auditing only the allowed change', async () => {
    const own = (await admin.post('/api/branches', branchInput())).json();
    const other = (await admin.post('/api/branches', branchInput())).json();
    const librarian = await t.signIn('librarian', [own.id]);
    expect((await librarian.patch(`/api/branches/${own.id}`, { phone: '8 (38253) 2-11-11' })).statusCode).toBe(200);
    const refused = await librarian.patch(`/api/branches/${other.id}`, { phone: '000' });
    expect(refused.statusCode).toBe(403);
    expect((await admin.get(`/api/branches/${other.id}`)).json().phone).toBe('');
    const audit = (await admin.get(`/api/audit?entity=branch&entityId=${own.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { phone: '' }, after: { phone: '8 (38253) 2-11-11' } });
    expect((await admin.get(`/api/audit?entity=branch&entityId=${other.id}`)).json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('asks for a login before anything else', async () => {
    expect((await clientOf(t.app).get('/api/branches')).statusCode).toBe(401);
  });
});

describe('service points', () => {
  it('accepts an empty change and keeps the point as it was', async () => {
    const branch = (await admin.post('/api/branches', branchInput())).json();
    const point = (await admin.post('/api/service-points', { branchId: branch.id, name: 'Пункт в школе', kind: 'school' })).json();
    const response = await admin.patch(`/api/service-points/${point.id}`, {});
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(point);
  });
});
