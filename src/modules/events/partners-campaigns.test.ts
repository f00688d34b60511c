import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, campaignInput, eventDictionaries, eventInput, partnerInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let forms: Record<string, number>;
let directions: Record<string, number>;
let central: number;
let rural: number;
let closing: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  ({ forms, directions } = await eventDictionaries(admin));
  central = (await admin.post('/api/branches', branchInput({ name: 'Центральная библиотека', type: 'central' }))).json().id;
  rural = (await admin.post('/api/branches', branchInput({ name: 'Новоюгинская сельская библиотека' }))).json().id;
  closing = (await admin.post('/api/branches', branchInput({ name: 'Тевризская сельская библиотека' }))).json().id;
  await admin.post(`/api/branches/${closing}/events`, { kind: 'liquidated', occurredOn: '2023-07-01' });
});
afterAll(() => t.close());

const event = (branchIds: number[], overrides: Parameters<typeof eventInput>[1]) =>
  admin.post('/api/events', eventInput({ branchIds, formId: forms.campaign_event!, directionIds: [directions.patriotic!] }, overrides));
const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

describe('partners', () => {
  it('lists partners with their joint events of a year and a branch, and shows the projects done together', async () => {
    const school = (await admin.post('/api/partners', partnerInput({ name: 'МБОУ «Новоюгинская СОШ»', settlement: 'с. Новый Югин' }))).json();
    const veterans = (await admin.post('/api/partners', partnerInput({ name: 'Районный совет ветеранов', kind: 'veterans' }))).json();
    const project = (await admin.post('/api/campaigns', campaignInput({ name: 'Библио-Эко', kind: 'project', level: 'regional' }))).json();
    await event([rural], { startsOn: '2023-04-10', partnerIds: [school.id], campaignId: project.id });
    await event([rural], { startsOn: '2023-05-10', partnerIds: [school.id, veterans.id] });
    await event([central], { startsOn: '2022-05-09', partnerIds: [veterans.id] });

    const in2023 = (await admin.get('/api/partners?year=2023')).json();
    expect(in2023.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'МБОУ «Новоюгинская СОШ»', eventCount: 2 }),
      expect.objectContaining({ name: 'Районный совет ветеранов', eventCount: 1 }),
    ]));
    expect(names((await admin.get(`/api/partners?branch=${central}`)).json())).toEqual(['Районный совет ветеранов']);
    expect(names((await admin.get(`/api/partners?year=2022&branch=${rural}`)).json())).toEqual([]);
    expect(names((await admin.get('/api/partners?kind=veterans')).json())).toEqual(['Районный совет ветеранов']);
    expect(names((await admin.get(`/api/partners?q=${encodeURIComponent('югин')}`)).json())).toEqual(['МБОУ «Новоюгинская СОШ»']);

    const card = (await admin.get(`/api/partners/${school.id}`)).json();
    expect(card).toMatchObject({ settlement: 'с. Новый Югин', eventCount: 2, projects: [{ id: project.id, name: 'Библио-Эко', kind: 'project', year: 2023, eventCount: 1 }] });
    expect((await admin.get(`/api/events?partner=${veterans.id}`)).json().total).toBe(2);
  });

  it('refuses a second partner of the same name, whatever its case', async () => {
    await admin.post('/api/partners', partnerInput({ name: 'МКУК «Каргасокский РДК»', kind: 'culture_house' }));
    const response = await admin.post('/api/partners', partnerInput({ name: 'мкук «каргасокский рдк»', kind: 'culture_house' }));
    expect(response.statusCode).toBe(409);
    expect(response.json().field).toBe('name');
  });

  it('leaves the list of partners to the administrator and the methodologist', async () => {
    const methodologist = await t.signIn('methodologist');
    const created = await methodologist.post('/api/partners', partnerInput({ kind: 'administration' }));
    expect(created.statusCode).toBe(201);
    const librarian = await t.signIn('librarian', [rural]);
    expect((await librarian.post('/api/partners', partnerInput())).statusCode).toBe(403);
    expect((await librarian.patch(`/api/partners/${created.json().id}`, { note: 'x' })).statusCode).toBe(403);
    expect((await methodologist.patch(`/api/partners/${created.json().id}`, { contacts: 'приёмная 2-12-34' })).json().contacts).toBe('приёмная 2-12-34');
  });
});

describe('campaigns', () => {
  it('shows which branches took part, by record or by their events, with their events', async () => {
    const night = (await admin.post('/api/campaigns', campaignInput({ name: 'Библионочь-2023', organiser: 'Министерство культуры РФ' }))).json();
    const declared = await admin.post(`/api/campaigns/${night.id}/participations`, { branchId: rural, note: 'Конкурс чтецов' });
    expect(declared.statusCode).toBe(201);
    await event([central], { title: 'Библионочь в центральной', startsOn: '2023-04-22', campaignId: night.id, attendance: { total: 120, children: 30, youth: 50, adults: 40, disabled: 3 } });
    await event([central, rural], { title: 'Квест «Читающее село»', startsOn: '2023-04-22', campaignId: night.id, attendance: { total: 30, children: 10, youth: 10, adults: 10, disabled: 0 } });

    const card = (await admin.get(`/api/campaigns/${night.id}`)).json();
    expect(card).toMatchObject({ name: 'Библионочь-2023', year: 2023, level: 'national', branchCount: 2, eventCount: 2, attendance: 150 });
    expect(card.branches).toEqual([
      expect.objectContaining({ id: central, declared: false, note: '', events: [
        expect.objectContaining({ title: 'Библионочь в центральной', startsOn: '2023-04-22', attendance: 120 }),
        expect.objectContaining({ title: 'Квест «Читающее село»', attendance: 30 }),
      ] }),
      expect.objectContaining({ id: rural, declared: true, note: 'Конкурс чтецов', events: [expect.objectContaining({ title: 'Квест «Читающее село»' })] }),
    ]);
    expect(names((await admin.get(`/api/campaigns?year=2023&branch=${rural}`)).json())).toContain('Библионочь-2023');
    expect(names((await admin.get(`/api/campaigns?branch=${closing}`)).json())).not.toContain('Библионочь-2023');
    expect(names((await admin.get('/api/campaigns?year=2022')).json())).toEqual([]);

    expect((await admin.delete(`/api/campaigns/${night.id}/participations/${rural}`)).statusCode).toBe(204);
    const after = (await admin.get(`/api/campaigns/${night.id}`)).json();
    expect(after.branches.find((b: { id: number }) => b.id === rural)).toMatchObject({ declared: false });
  });

  it('refuses to move a campaign to a year other than its events’', async () => {
    const windows = (await admin.post('/api/campaigns', campaignInput({ name: 'Окна Победы' }))).json();
    await event([central], { startsOn: '2023-05-05', campaignId: windows.id });
    const response = await admin.patch(`/api/campaigns/${windows.id}`, { year: 2024 });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'year', detail: expect.stringContaining('2023') });
    expect((await admin.patch(`/api/campaigns/${windows.id}`, { level: 'regional' })).json().level).toBe('regional');
  });

  it('refuses the part of a branch that did not exist in the campaign’s year', async () => {
    const next = (await admin.post('/api/campaigns', campaignInput({ name: 'Диктант Победы', year: 2024 }))).json();
    const response = await admin.post(`/api/campaigns/${next.id}/participations`, { branchId: closing });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'branchId', detail: expect.stringContaining('2024') });
  });

  it('refuses a second campaign of the same name in a year, but not in another year', async () => {
    await admin.post('/api/campaigns', campaignInput({ name: 'ДАРЮТЕПЛО' }));
    expect((await admin.post('/api/campaigns', campaignInput({ name: 'ДАРЮТЕПЛО' }))).statusCode).toBe(409);
    expect((await admin.post('/api/campaigns', campaignInput({ name: 'ДАРЮТЕПЛО', year: 2024 }))).statusCode).toBe(201);
  });

  it('lets a librarian record the part of their own branch only; campaigns themselves are the methodologist’s', async () => {
    const campaign = (await admin.post('/api/campaigns', campaignInput())).json();
    const librarian = await t.signIn('librarian', [rural]);
    expect((await librarian.post(`/api/campaigns/${campaign.id}/participations`, { branchId: rural })).statusCode).toBe(201);
    expect((await librarian.post(`/api/campaigns/${campaign.id}/participations`, { branchId: central })).statusCode).toBe(403);
    expect((await librarian.post('/api/campaigns', campaignInput())).statusCode).toBe(403);
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/campaigns', campaignInput({ level: 'district' }))).statusCode).toBe(201);
  });
});
