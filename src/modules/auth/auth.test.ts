import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { clientOf, startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput } from '../../../test/factories.js';
import { LOGIN_FAILURE_LIMIT } from './log-in.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const login = (body: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, headers });
const cookieOf = (response: Awaited<ReturnType<typeof login>>) => response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie that identifies the user', async () => {
    await admin.post('/api/users', { login: 'metod', password: 'secret-pass-1', fullName: 'Методист Мария', role: 'methodologist' });
    const response = await login({ login: 'metod', password: 'secret-pass-1' });
    expect(response.statusCode).toBe(200);
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await clientOf(t.app, cookieOf(response)).get('/api/auth/me');
    expect(me.json()).toMatchObject({ login: 'metod', role: 'methodologist' });
  });

  it('refuses a wrong password with 401 and a Russian message', async () => {
    const response = await login({ login: 'metod', password: 'wrong' });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe('Неверный логин или пароль');
  });

  it('stops accepting even the right password after too many failures for that login', async () => {
    await admin.post('/api/users', { login: 'victim', password: 'secret-pass-2', fullName: 'Жертва', role: 'director' });
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) expect((await login({ login: 'victim', password: `guess${i}` })).statusCode).toBe(401);
    expect((await login({ login: 'victim', password: 'secret-pass-2' })).statusCode).toBe(429);
  });

  it('keeps sessions in the database, so another server process on the same database accepts the cookie', async () => {
    const response = await login({ login: 'metod', password: 'secret-pass-1' });
    const secondServer = await buildApp({ database: t.database });
    try {
      const me = await clientOf(secondServer, cookieOf(response)).get('/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().login).toBe('metod');
    } finally {
      await secondServer.close();
    }
  });

  it('ends the session on logout', async () => {
    const cookie = cookieOf(await login({ login: 'metod', password: 'secret-pass-1' }));
    const client = clientOf(t.app, cookie);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('cross-site request protection', () => {
  it('refuses a change sent from another site’s page', async () => {
    const cookie = cookieOf(await login({ login: 'metod', password: 'secret-pass-1' }));
    const before = (await admin.get('/api/branches')).json().total;
    const response = await t.app.inject({
      method: 'POST', url: '/api/branches', payload: branchInput(),
      headers: { cookie, origin: 'https://evil.example', host: 'biblioset.local' },
    });
    expect(response.statusCode).toBe(403);
    expect((await admin.get('/api/branches')).json().total).toBe(before);
  });

  it('accepts a change from the app’s own origin and from a script without Origin', async () => {
    await admin.post('/api/users', { login: 'admin2', password: 'secret-pass-6', fullName: 'Второй администратор', role: 'admin' });
    const adminCookie = cookieOf(await login({ login: 'admin2', password: 'secret-pass-6' }));
    const sameOrigin = await t.app.inject({
      method: 'POST', url: '/api/branches', payload: branchInput(),
      headers: { cookie: adminCookie, origin: 'http://biblioset.local', host: 'biblioset.local' },
    });
    expect(sameOrigin.statusCode).toBe(201);
    const script = await admin.post('/api/branches', branchInput());
    expect(script.statusCode).toBe(201);
  });

  it('accepts JSON bodies only, so a plain HTML form cannot post', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/login', payload: 'login=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    const textPlain = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{}', headers: { 'content-type': 'text/plain' } });
    expect(textPlain.statusCode).toBe(415);
  });
});

describe('user administration', () => {
  it('creates a librarian bound to branches and audits it without the password', async () => {
    const branch = (await admin.post('/api/branches', branchInput())).json();
    const created = await admin.post('/api/users', { login: 'lib1', password: 'secret-pass-3', fullName: 'Библиотекарь', role: 'librarian', branchIds: [branch.id] });
    expect(created.statusCode).toBe(201);
    expect(created.json().branchIds).toEqual([branch.id]);
    const audit = (await admin.get(`/api/audit?entity=user&entityId=${created.json().id}`)).json();
    expect(JSON.stringify(audit.items)).not.toContain('secret-pass-3');
    expect(JSON.stringify(audit.items)).not.toContain('argon2');
  });

  it('refuses a librarian without a branch, and a duplicate login, naming the field', async () => {
    const noBranch = await admin.post('/api/users', { login: 'lib2', password: 'secret-pass-3', fullName: 'Б', role: 'librarian' });
    expect(noBranch.statusCode).toBe(400);
    expect(noBranch.json().field).toBe('branchIds');
    const duplicate = await admin.post('/api/users', { login: 'metod', password: 'secret-pass-3', fullName: 'Б', role: 'director' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().field).toBe('login');
  });

  it('ends a blocked user’s sessions at once', async () => {
    const user = (await admin.post('/api/users', { login: 'leaving', password: 'secret-pass-4', fullName: 'Уходящий', role: 'director' })).json();
    const client = clientOf(t.app, cookieOf(await login({ login: 'leaving', password: 'secret-pass-4' })));
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login({ login: 'leaving', password: 'secret-pass-4' })).statusCode).toBe(401);
  });

  it('shows users and the audit log to administrators only', async () => {
    const director = await t.signIn('director');
    expect((await director.get('/api/users')).statusCode).toBe(403);
    expect((await director.get('/api/audit')).statusCode).toBe(403);
    expect((await director.post('/api/users', { login: 'xuser', password: 'secret-pass-5', fullName: 'X', role: 'director' })).statusCode).toBe(403);
  });
});

describe('an administrator’s own account', () => {
  it('cannot be blocked or demoted by its owner', async () => {
    const me = (await admin.get('/api/auth/me')).json();
    const block = await admin.patch(`/api/users/${me.userId}`, { isActive: false });
    expect(block.statusCode).toBe(400);
    expect(block.json().field).toBe('isActive');
    const demote = await admin.patch(`/api/users/${me.userId}`, { role: 'director' });
    expect(demote.json().field).toBe('role');
    expect((await admin.get(`/api/users/${me.userId}`)).json()).toMatchObject({ role: 'admin', isActive: true });
  });
});
