import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from './errors.js';
import { writeFileWhole } from './write-file-whole.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'biblioset-whole-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Chunks that fail after the first, as an export does when the database goes away half-way. */
async function* cutOff() {
  yield Buffer.from('первая половина');
  throw new Error('соединение с базой потеряно');
}

describe('a file written whole or not at all', () => {
  it('replaces the file only once the new one is complete', async () => {
    const path = join(dir, 'catalogue.mrc');
    writeFileSync(path, 'старая выгрузка');
    await writeFileWhole(path, { force: true }, (out) => pipeline(Readable.from([Buffer.from('новая выгрузка')]), out));
    expect(readFileSync(path, 'utf8')).toBe('новая выгрузка');
    expect(readdirSync(dir)).toEqual(['catalogue.mrc']);
  });

  it('leaves the old file as it was and nothing half-written when the writing fails', async () => {
    const path = join(dir, 'catalogue.mrc');
    writeFileSync(path, 'старая выгрузка');
    await expect(writeFileWhole(path, { force: true }, (out) => pipeline(Readable.from(cutOff()), out))).rejects.toThrow('соединение с базой потеряно');
    expect(readFileSync(path, 'utf8')).toBe('старая выгрузка');
    expect(readdirSync(dir)).toEqual(['catalogue.mrc']);

    const fresh = join(dir, 'new.mrc');
    await expect(writeFileWhole(fresh, { force: false }, (out) => pipeline(Readable.from(cutOff()), out))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['catalogue.mrc']);
  });

  it('removes the partial file even when the writing fails before the file is open', async () => {
    const path = join(dir, 'catalogue.mrc');
    let stream: Writable | undefined;
    async function* failAtOnce() {
      yield* [];
      throw new Error('нет соединения с базой');
    }
    const write = (out: Writable) => {
      stream = out;
      return pipeline(Readable.from(failAtOnce()), out);
    };
    await expect(writeFileWhole(path, { force: true }, write)).rejects.toThrow('нет соединения с базой');
    // Closed before the failure is reported: a file opened after the removal would be left behind.
    expect(stream!.closed).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not replace, without force, a file that appeared meanwhile, and says where the work was left', async () => {
    const path = join(dir, 'backup.gz');
    const error = await writeFileWhole(path, { force: false }, async (out) => {
      writeFileSync(path, 'чужой файл');
      await pipeline(Readable.from([Buffer.from('архив')]), out);
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(readFileSync(path, 'utf8')).toBe('чужой файл');
    const partial = readdirSync(dir).find((name) => name.endsWith('.partial'))!;
    expect((error as Error).message).toContain(partial);
    expect(readFileSync(join(dir, partial), 'utf8')).toBe('архив');
  });
});
