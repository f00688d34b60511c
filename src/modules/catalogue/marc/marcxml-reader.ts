import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { FastMarcXmlReader, type MarcXmlReadStats } from './marcxml-fast.js';
import { errorReason } from './messages.js';
import type { MarcEncoding, MarcReadResult } from './record.js';

export type { MarcXmlReadStats } from './marcxml-fast.js';

/**
 * Reads MARCXML (a <collection> or a single <record>, with or without a namespace prefix, attributes
 * in any order, records nested in an envelope such as OAI-PMH) from a stream of bytes in the encoding its XML
 * declaration names (UTF-8 without one; Windows-1251 and any other iconv-lite knows; an unknown one is reported).
 * Yields each record — its `encoding` the one the document was decoded from — or an error report with the record's
 * number. Malformed XML is reported once, as the record it is in, and reading goes on at the next <record> start tag
 * (marcxml-fast.ts, «resynchronisation»): only what stands between is lost. Never throws on bad input.
 *
 * Two paths, one result: a hand-written scanner reads the records of a well-formed `<collection>`
 * (marcxml-fast.ts); whatever it does not handle — a record with a warning, a comment, CDATA, an
 * unknown entity, a carriage return, malformed XML, another root — is handed to the `saxes` reader,
 * primed so that its positions, line and column numbers are those of the original document. The
 * results are the same as the `saxes` reader's alone (`readMarcXmlStringWithSaxes`, tested). The generator's return
 * value (which for-of ignores) says how many records the fast path read and how often saxes took over.
 */
export async function* readMarcXml(source: Readable | AsyncIterable<Uint8Array | string>): AsyncGenerator<MarcReadResult, MarcXmlReadStats> {
  // Made once the encoding is known; text chunks come decoded already (their records say 'utf-8', as if written so).
  let reader: FastMarcXmlReader | undefined;
  let decoder: Decoder | undefined;
  let head = Buffer.alloc(0);
  /** Decodes the first bytes once the declaration is known; false (after reporting it) for an unknown encoding. */
  function* begin(): Generator<MarcReadResult, boolean> {
    decoder = decoderFor(head);
    if (!decoder) {
      yield { kind: 'error', index: 1, byteOffset: 0, code: 'xml-encoding-unsupported', reason: errorReason('xml-encoding-unsupported', declaredEncoding(head)) };
      return false;
    }
    reader ??= new FastMarcXmlReader({ encoding: decoder.encoding });
    yield* reader.write(decoder.write(head));
    return true;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    if (typeof chunk === 'string') {
      reader ??= new FastMarcXmlReader();
      yield* reader.write(chunk);
    } else if (decoder) {
      yield* reader!.write(decoder.write(chunk));
    } else {
      // The declaration is in the first bytes, in ASCII whatever the encoding: wait until they are here.
      head = Buffer.concat([head, chunk]);
      if (head.length < DECLARATION_BYTES && !head.includes('?>')) continue;
      if (!(yield* begin())) return noneRead();
    }
  }
  if (!decoder && head.length > 0 && !(yield* begin())) return noneRead();
  if (!reader) return noneRead();
  if (decoder) yield* reader.write(decoder.end());
  return yield* reader.close();
}

/** The return value of a read that read nothing (an unknown encoding, no text). */
const noneRead = (): MarcXmlReadStats => ({ fastRecords: 0, saxesReaders: 0, saxesFaults: 0 });

interface Decoder {
  /** What the records say they were decoded from. */
  encoding: MarcEncoding | undefined;
  write(bytes: Uint8Array): string;
  end(): string;
}

/** How far into the file its XML declaration may reach. */
const DECLARATION_BYTES = 256;

/** The encoding the XML declaration names («windows-1251»), if any. */
function declaredEncoding(head: Buffer): string | undefined {
  const text = head.subarray(0, DECLARATION_BYTES).toString('latin1');
  return /^(?:\xEF\xBB\xBF)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text)?.[1];
}

/**
 * A streaming decoder for the declared encoding: UTF-8 by TextDecoder (about twice as fast as StringDecoder, same
 * text; ignoreBOM keeps a byte-order mark for the readers to see), another by iconv-lite; none for an unknown one.
 */
function decoderFor(head: Buffer): Decoder | undefined {
  const declared = declaredEncoding(head);
  if (declared === undefined || /^utf-?8$/i.test(declared)) {
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    return { encoding: 'utf-8', write: (bytes) => utf8.decode(bytes, { stream: true }), end: () => utf8.decode() };
  }
  if (!iconv.encodingExists(declared)) return undefined;
  const other = iconv.getDecoder(declared);
  return {
    // Any of its names (windows-1251, cp1251, win1251) gives iconv-lite's one codec.
    encoding: iconv.getCodec(declared) === iconv.getCodec('windows-1251') ? 'cp1251' : undefined,
    write: (bytes) => other.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => other.end() ?? '',
  };
}

/** Reads every record of an in-memory MARCXML document (same results and return value as `readMarcXml`). */
export function* readMarcXmlString(xml: string): Generator<MarcReadResult, MarcXmlReadStats> {
  const reader = new FastMarcXmlReader();
  yield* reader.write(xml);
  return yield* reader.close();
}

/** The `saxes` reader alone, resynchronising after malformed XML as readMarcXml does: the reference the fast path
 *  is tested against. */
export function* readMarcXmlStringWithSaxes(xml: string): Generator<MarcReadResult, MarcXmlReadStats> {
  const reader = new FastMarcXmlReader({ fastPath: false });
  yield* reader.write(xml);
  return yield* reader.close();
}
