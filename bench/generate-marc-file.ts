/**
 * Writes N synthetic catalogue records (bench/lib/synthetic-records.ts) to a MARC file, streaming
 * (memory stays flat whatever N): ISO 2709 in UTF-8 (default) or a MARCXML collection.
 * Run: npx tsx bench/generate-marc-file.ts N OUT [--format iso2709|marcxml] [--seed S]
 *   e.g. npx tsx bench/generate-marc-file.ts 200000 /tmp/synthetic-200k.mrc
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  MARCXML_COLLECTION_END, MARCXML_COLLECTION_START, MarcWriteError, writeIso2709Record, writeMarcXmlRecord,
} from '../src/modules/catalogue/index.js';
import { syntheticRecords } from './lib/synthetic-records.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const total = Number(positional[0]);
const out = positional[1];
const format = option('--format') ?? 'iso2709';
const seed = Number(option('--seed') ?? 1);
if (!Number.isInteger(total) || total <= 0 || !out || (format !== 'iso2709' && format !== 'marcxml')) {
  console.error('usage: npx tsx bench/generate-marc-file.ts N OUT [--format iso2709|marcxml] [--seed S]');
  process.exit(2);
}

const started = performance.now();
const stream = createWriteStream(out, { highWaterMark: 1 << 20 });
const write = async (chunk: string | Buffer) => {
  if (!stream.write(chunk)) await once(stream, 'drain');
};
if (format === 'marcxml') await write(MARCXML_COLLECTION_START);
let written = 0;
let refused = 0;
for (const { record } of syntheticRecords(total, { seed })) {
  if (format === 'marcxml') {
    await write(writeMarcXmlRecord(record));
  } else {
    try {
      await write(writeIso2709Record(record));
    } catch (error) {
      // Templates are checked to fit ISO 2709; a rewritten one that no longer fits is counted, not written.
      if (!(error instanceof MarcWriteError)) throw error;
      refused++;
      continue;
    }
  }
  written++;
}
if (format === 'marcxml') await write(MARCXML_COLLECTION_END);
stream.end();
await once(stream, 'finish');
const seconds = (performance.now() - started) / 1000;
console.log(`${out}: ${written} records (${format}${refused ? `, ${refused} refused` : ''}), ${(stream.bytesWritten / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s`);
