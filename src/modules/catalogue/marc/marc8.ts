import { MARC8_EACC, MARC8_SETS } from './marc8-tables.generated.js';

/** One MARC-8 graphic set: Unicode code point per low-7-bit byte (-1: none), and which are combining. */
interface CharacterSet {
  chars: Int32Array;
  combining: Uint8Array;
}

const ASCII = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
const REPLACEMENT = '\uFFFD';
/** A character with no Unicode of its own (the second half of a ligature). */
const DROPPED = -2;

let sets: Map<number, CharacterSet> | undefined;

function characterSets(): Map<number, CharacterSet> {
  if (sets) return sets;
  sets = new Map();
  for (const [key, table] of Object.entries(MARC8_SETS)) {
    const set: CharacterSet = { chars: new Int32Array(128).fill(-1), combining: new Uint8Array(128) };
    for (const entry of table.split(' ')) {
      const [byte, ucs] = entry.split(':') as [string, string];
      const position = parseInt(byte, 16);
      set.chars[position] = ucs.startsWith('-') ? DROPPED : parseInt(ucs, 16);
      if (ucs.endsWith('+')) set.combining[position] = 1;
    }
    sets.set(Number(key), set);
  }
  return sets;
}

let eaccTable: Map<number, number> | undefined;

/** EACC: three bytes (low seven bits each) → code point, built on first use (≈15,700 entries). */
function eacc(): Map<number, number> {
  if (eaccTable) return eaccTable;
  eaccTable = new Map();
  for (const entry of MARC8_EACC.split(' ')) {
    const [bytes, ucs] = entry.split(':') as [string, string];
    eaccTable.set(parseInt(bytes, 16), parseInt(ucs, 16));
  }
  return eaccTable;
}

/** What went wrong while decoding; the decoder never throws. */
export interface Marc8Problems {
  unknownCharacter: boolean;
  badEscape: boolean;
}

/**
 * Decodes MARC-8 bytes to a Unicode string in NFC. The escape state starts afresh (G0 = ASCII,
 * G1 = ANSEL) for every call, i.e. for every subfield. Combining marks, which MARC-8 writes before their
 * base letter, are moved after it. Unknown bytes become U+FFFD and are flagged in `problems`.
 */
export function decodeMarc8(bytes: Uint8Array, start: number, end: number, problems: Marc8Problems): string {
  const table = characterSets();
  let g0 = ASCII;
  let g1 = ANSEL;
  let out = '';
  let pending = '';
  let sawNonAscii = false;
  const emit = (text: string, combining: boolean): void => {
    if (combining) {
      pending += text;
    } else {
      out += text + pending;
      pending = '';
    }
  };
  let i = start;
  while (i < end) {
    const byte = bytes[i]!;
    if (byte === 0x1b) {
      i = readEscape(
        bytes,
        i,
        end,
        (target, set) => {
          if (set !== EACC && !table.has(set)) problems.badEscape = true;
          if (target === 0) g0 = set;
          else g1 = set;
        },
        problems,
      );
      continue;
    }
    if (byte < 0x21) {
      emit(String.fromCharCode(byte), false);
      i++;
      continue;
    }
    const setCode = byte < 0x80 ? g0 : g1;
    if (setCode === EACC) {
      // Three bytes per character.
      const codePoint =
        i + 2 < end ? eacc().get(((byte & 0x7f) << 16) | ((bytes[i + 1]! & 0x7f) << 8) | (bytes[i + 2]! & 0x7f)) : undefined;
      if (codePoint === undefined) problems.unknownCharacter = true;
      emit(codePoint === undefined ? REPLACEMENT : String.fromCodePoint(codePoint), false);
      sawNonAscii = true;
      i += 3;
      continue;
    }
    const set = table.get(setCode);
    const position = byte & 0x7f;
    const codePoint = set ? set.chars[position]! : -1;
    if (codePoint === DROPPED) {
      i++;
      continue;
    }
    if (codePoint < 0) {
      problems.unknownCharacter = true;
      emit(REPLACEMENT, false);
    } else {
      emit(String.fromCodePoint(codePoint), set!.combining[position] === 1);
    }
    if (codePoint > 0x7f) sawNonAscii = true;
    i++;
  }
  out += pending;
  return sawNonAscii ? out.normalize('NFC') : out;
}

/**
 * Reads one escape sequence at `at` (bytes[at] = ESC), reports the designation, returns the index after it.
 * Supported: ESC ( , $ ( $ , F → G0; ESC ) - $ ) $ - F → G1; ESC $ F → G0 multibyte;
 * the technique-1 shifts ESC g / b / p / s; the "!E" final of ANSEL.
 */
function readEscape(
  bytes: Uint8Array,
  at: number,
  end: number,
  designate: (target: 0 | 1, set: number) => void,
  problems: Marc8Problems,
): number {
  let i = at + 1;
  const first = i < end ? bytes[i]! : -1;
  switch (first) {
    case 0x67: // g: Greek symbols
    case 0x62: // b: subscripts
    case 0x70: // p: superscripts
      designate(0, first);
      return i + 1;
    case 0x73: // s: back to ASCII
      designate(0, ASCII);
      return i + 1;
  }
  let target: 0 | 1 = 0;
  if (first === 0x24) {
    i++;
    const second = i < end ? bytes[i]! : -1;
    if (second === 0x28 || second === 0x2c) i++;
    else if (second === 0x29 || second === 0x2d) {
      target = 1;
      i++;
    }
  } else if (first === 0x28 || first === 0x2c) {
    i++;
  } else if (first === 0x29 || first === 0x2d) {
    target = 1;
    i++;
  } else {
    problems.badEscape = true;
    return at + 1; // a lone ESC: dropped
  }
  if (i < end && bytes[i] === 0x21) i++; // "!E" = ANSEL
  if (i >= end) {
    problems.badEscape = true;
    return end;
  }
  designate(target, bytes[i]!);
  return i + 1;
}
