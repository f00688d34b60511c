import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { CliError } from './errors.js';

/**
 * Writes a file the commands produce (a backup, an export) beside its name and renames it once complete: a command
 * cut off — an error, Ctrl+C, a full disk — leaves no truncated file that looks whole under the name, and the file
 * it replaces (`force`) stays as it was until then. `write` must finish with the stream (a pipeline into it).
 * Without `force`, a file that appeared under the name meanwhile is not replaced: the work is left in the
 * partial file and the message says where.
 */
export async function writeFileWhole<T>(path: string, options: { force: boolean }, write: (out: Writable) => Promise<T>): Promise<T> {
  const partial = `${path}.${process.pid}.partial`;
  let keepPartial = false;
  const out = createWriteStream(partial);
  try {
    const result = await write(out);
    if (!options.force && existsSync(path)) {
      keepPartial = true;
      throw new CliError(`Файл ${path} появился, пока шла запись: она оставлена в ${partial}`);
    }
    renameSync(partial, path);
    return result;
  } finally {
    // A failed write destroys the stream before its file is even opened, perhaps; removed earlier, the file would
    // appear after the removal.
    if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
    if (!keepPartial) rmSync(partial, { force: true });
  }
}
