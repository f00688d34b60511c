import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { decodeMarc8, type Marc8Problems } from './marc8.js';
import type { MarcEncoding } from './record.js';

/**
 * Guesses the encoding of one ISO 2709 record's data (bytes `start`..`end`):
 * leader/09 'a' → UTF-8; an ESC byte → MARC-8; valid UTF-8 (or plain ASCII) → UTF-8;
 * otherwise runs of bytes 0xC0–0xFF (Cyrillic letters in Windows-1251) → CP1251, while
 * high bytes standing alone before a Latin letter (ANSEL diacritics) → MARC-8.
 */
export function detectEncoding(bytes: Buffer, leader09: number, start: number, end: number): MarcEncoding {
  if (leader09 === 0x61) return 'utf-8';
  const escape = bytes.indexOf(0x1b, start);
  if (escape >= 0 && escape < end) return 'marc-8';
  if (isUtf8(bytes.subarray(start, end))) return 'utf-8';
  let cyrillicPairs = 0;
  let diacriticsBeforeLetter = 0;
  for (let i = start; i < end - 1; i++) {
    const byte = bytes[i]!;
    if (byte < 0xc0) continue;
    const next = bytes[i + 1]!;
    if (next >= 0xc0) cyrillicPairs++;
    else if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) diacriticsBeforeLetter++;
  }
  return cyrillicPairs > diacriticsBeforeLetter ? 'cp1251' : 'marc-8';
}

/** Decoding problems noticed in a record, turned into warnings by the reader. */
export type DecodeProblems = Marc8Problems;

export function newDecodeProblems(): DecodeProblems {
  return { unknownCharacter: false, badEscape: false };
}

export type FieldDecoder = (bytes: Buffer, start: number, end: number, problems: DecodeProblems) => string;

const decodeUtf8: FieldDecoder = (bytes, start, end) => bytes.toString('utf8', start, end);
const decodeCp1251: FieldDecoder = (bytes, start, end) => iconv.decode(bytes.subarray(start, end), 'win1251');

export const FIELD_DECODERS: Readonly<Record<MarcEncoding, FieldDecoder>> = {
  'utf-8': decodeUtf8,
  cp1251: decodeCp1251,
  'marc-8': decodeMarc8,
};
