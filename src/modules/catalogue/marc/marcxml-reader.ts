import type { Readable } from 'node:stream';
import { FastMarcXmlReader } from './marcxml-fast.js';
import { MarcXmlReader } from './marcxml-saxes.js';
import type { MarcReadResult } from './record.js';

/**
 * Reads MARCXML (a <collection> or a single <record>, with or without a namespace prefix, attributes
 * in any order, records nested in an envelope such as OAI-PMH) from a stream of UTF-8 bytes.
 * Yields each record, or an error report with the record's number; malformed XML stops the reading
 * with one report, since nothing after it can be trusted. Never throws on bad input.
 *
 * Two paths, one result: a hand-written scanner reads the records of a well-formed `<collection>`
 * (marcxml-fast.ts); whatever it does not handle — a record with a warning, a comment, CDATA, an
 * unknown entity, a carriage return, malformed XML, another root — is handed to the `saxes` reader,
 * primed so that its positions, line and column numbers are those of the original document. The
 * results are the same as the `saxes` reader's alone (`readMarcXmlStringWithSaxes`, tested).
 */
export async function* readMarcXml(source: Readable | AsyncIterable<Uint8Array | string>): AsyncGenerator<MarcReadResult> {
  const reader = new FastMarcXmlReader();
  // TextDecoder decodes UTF-8 about twice as fast as StringDecoder (same text, malformed bytes included);
  // ignoreBOM keeps a byte-order mark in the text, as StringDecoder does, for the readers to see.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield* reader.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (reader.failed) return;
  }
  yield* reader.write(decoder.decode());
  if (!reader.failed) yield* reader.close();
}

/** Reads every record of an in-memory MARCXML document (same results as `readMarcXml`). */
export function* readMarcXmlString(xml: string): Generator<MarcReadResult> {
  const reader = new FastMarcXmlReader();
  yield* reader.write(xml);
  if (!reader.failed) yield* reader.close();
}

/** The `saxes` reader alone: the reference the fast path is tested against. */
export function* readMarcXmlStringWithSaxes(xml: string): Generator<MarcReadResult> {
  const reader = new MarcXmlReader();
  yield* reader.write(xml);
  if (!reader.failed) yield* reader.close();
}
