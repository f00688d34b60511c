import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { openTestDatabase } from '../../../test/database.js';
import { branchInput, competitionInput } from '../../../test/factories.js';
import { restoreBackup, writeBackup } from '../../db/backup.js';
import { MAX_DOCUMENT_BYTES } from './document-type.js';

let t: TestApp;
let admin: Client;
let branchA: number;
let branchB: number;

const pdf = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x41)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(700, 3)]);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A fresh award of a branch to attach documents to. */
async function newAward(branchId = branchA): Promise<number> {
  const competition = (await admin.post('/api/competitions', competitionInput())).json();
  const entry = (await admin.post(`/api/competitions/${competition.id}/entries`, {
    branchId, participantKind: 'branch', awards: [{ result: 'diploma', rank: 1 }],
  })).json();
  return entry.awards[0].id;
}

const documentCount = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM award_documents`.execute(t.database.db)).rows[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  branchA = (await admin.post('/api/branches', branchInput())).json().id;
  branchB = (await admin.post('/api/branches', branchInput())).json().id;
});
afterAll(() => t.close());

describe('the scanned diploma of an award', () => {
  it('is uploaded as the raw file and downloaded unchanged, as an attachment that is never sniffed', async () => {
    const awardId = await newAward();
    const content = pdf();
    const uploaded = await admin.postFile(`/api/awards/${awardId}/document?fileName=${encodeURIComponent('Диплом 1 степени.pdf')}`, content, 'application/pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ fileName: 'Диплом 1 степени.pdf', mediaType: 'application/pdf', sizeBytes: content.length, sha256: sha256(content) });

    const downloaded = await admin.get(`/api/awards/${awardId}/document`);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(content)).toBe(true);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['x-content-type-options']).toBe('nosniff');
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="______ 1 _______.pdf"; filename*=UTF-8''${encodeURIComponent('Диплом 1 степени.pdf')}`);

    const card = (await admin.get(`/api/competitions?pageSize=500`)).json();
    const award = card.items.flatMap((c: { entries: { awards: { id: number }[] }[] }) => c.entries.flatMap((e) => e.awards))
      .find((a: { id: number }) => a.id === awardId);
    expect(award.document).toMatchObject({ fileName: 'Диплом 1 степени.pdf', sizeBytes: content.length });
  });

  it('replaces an earlier document, auditing both without their content', async () => {
    const awardId = await newAward();
    await admin.postFile(`/api/awards/${awardId}/document`, pdf(), 'application/pdf');
    const replaced = await admin.postFile(`/api/awards/${awardId}/document?fileName=scan.jpeg`, jpeg(), 'image/jpeg');
    expect(replaced.json()).toMatchObject({ fileName: 'scan.jpg', mediaType: 'image/jpeg' });
    expect((await admin.get(`/api/awards/${awardId}/document`)).rawPayload.equals(jpeg())).toBe(true);
    const audit = (await admin.get(`/api/audit?entity=award_document&entityId=${awardId}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0].before).toMatchObject({ mediaType: 'application/pdf' });
    expect(JSON.stringify(audit.items[0])).not.toContain('content');
  });

  it('refuses a PNG sent as a PDF, and a file that is none of the three', async () => {
    const awardId = await newAward();
    const before = await documentCount();
    const renamed = await admin.postFile(`/api/awards/${awardId}/document?fileName=diploma.pdf`, png(), 'application/pdf');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json()).toMatchObject({ field: 'document' });
    expect(renamed.json().detail).toContain('PNG');
    const html = await admin.postFile(`/api/awards/${awardId}/document`, Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
    expect(html.statusCode).toBe(400);
    expect(html.json().field).toBe('document');
    expect(await documentCount()).toBe(before);
  });

  it('refuses a file over 5 MB and a body of another type, naming the document, before writing anything', async () => {
    const awardId = await newAward();
    const before = await documentCount();
    const tooLarge = await admin.postFile(`/api/awards/${awardId}/document`, pdf(MAX_DOCUMENT_BYTES + 1), 'application/pdf');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.json()).toMatchObject({ field: 'document' });
    expect(tooLarge.json().detail).toContain('5 МБ');
    expect((await admin.postFile(`/api/awards/${awardId}/document`, pdf(MAX_DOCUMENT_BYTES), 'application/pdf')).statusCode).toBe(201);

    const json = await admin.post(`/api/awards/${awardId}/document`, { content: 'JVBERi0=' });
    expect(json.statusCode).toBe(415);
    expect(json.json().field).toBe('document');
    const form = await admin.postFile(`/api/awards/${awardId}/document`, Buffer.from('file=x'), 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(await documentCount()).toBe(before + 1);
  });

  it('refuses an upload from another site', async () => {
    const awardId = await newAward();
    const response = await t.app.inject({
      method: 'POST', url: `/api/awards/${awardId}/document`, payload: pdf(),
      headers: { 'content-type': 'application/pdf', origin: 'https://evil.example', host: 'biblioset.local' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toContain('чужого сайта');
  });

  it('is attached only by those who may record for the entry’s branch, and read by everyone in the network', async () => {
    const awardId = await newAward(branchA);
    const librarianB = await t.signIn('librarian', [branchB]);
    expect((await librarianB.postFile(`/api/awards/${awardId}/document`, pdf(), 'application/pdf')).statusCode).toBe(403);
    const librarianA = await t.signIn('librarian', [branchA]);
    expect((await librarianA.postFile(`/api/awards/${awardId}/document`, pdf(), 'application/pdf')).statusCode).toBe(201);
    const director = await t.signIn('director');
    expect((await director.get(`/api/awards/${awardId}/document`)).statusCode).toBe(200);
    expect((await director.postFile(`/api/awards/${awardId}/document`, pdf(), 'application/pdf')).statusCode).toBe(403);
  });

  it('goes when its award is removed', async () => {
    const awardId = await newAward();
    await admin.postFile(`/api/awards/${awardId}/document`, pdf(), 'application/pdf');
    expect((await admin.delete(`/api/awards/${awardId}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/awards/${awardId}/document`)).statusCode).toBe(404);
  });

  it('survives a backup and a restore into an empty database byte for byte', async () => {
    const awardId = await newAward();
    const content = Buffer.concat([pdf(4096), Buffer.from([0, 0xff, 0x5c, 0x78, 0x0a, 0x22])]); // NUL, high bytes, "\x", newline, quote
    await admin.postFile(`/api/awards/${awardId}/document`, content, 'application/pdf');

    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeBackup(t.database, sink);
    const target = await openTestDatabase();
    try {
      await restoreBackup(target.db, Readable.from([Buffer.concat(chunks)]));
      const restored = await target.db.selectFrom('award_documents').selectAll().where('award_id', '=', awardId).executeTakeFirstOrThrow();
      expect(Buffer.from(restored.content).equals(content)).toBe(true);
      expect(restored).toMatchObject({ sha256: sha256(content), size_bytes: content.length, media_type: 'application/pdf' });
    } finally {
      await target.close();
    }
  });
});
