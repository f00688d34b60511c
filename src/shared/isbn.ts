/**
 * ISBN and ISSN as written in catalogue records: "978-5-901202-50-0", "5-93093-342-1 (в пер.) : 50 р.",
 * "ISBN 5930933421". Pure functions; an invalid number is kept (as written, hyphens removed) and flagged,
 * never dropped, because a bad ISBN printed in the book is still what a reader may type.
 * Shared by the catalogue's projection and the staff app's cataloguing form (one rule for both).
 */

export interface ParsedIsbn {
  /** Digits (and a final X) as written, hyphens and spaces removed. */
  value: string;
  /** The ISBN-13 form of a valid ISBN (a 10-digit one converted), for matching; undefined when invalid. */
  isbn13?: string;
  valid: boolean;
}

const ISBN_CANDIDATE = /[0-9][0-9\- ]{8,}[0-9Xx]/;

/** Reads the ISBN out of a field's text and checks it. Returns undefined when there is no number at all. */
export function parseIsbn(text: string): ParsedIsbn | undefined {
  const candidate = ISBN_CANDIDATE.exec(text.replace(/[‐-―]/g, '-'))?.[0];
  if (!candidate) return undefined;
  const value = candidate.replace(/[- ]/g, '').toUpperCase();
  if (value.length === 10 && isValidIsbn10(value)) return { value, isbn13: isbn10To13(value), valid: true };
  if (value.length === 13 && isValidIsbn13(value)) return { value, isbn13: value, valid: true };
  return { value, valid: false };
}

export function isValidIsbn10(value: string): boolean {
  if (!/^[0-9]{9}[0-9X]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (value[i] === 'X' ? 10 : Number(value[i])) * (10 - i);
  return sum % 11 === 0;
}

export function isValidIsbn13(value: string): boolean {
  if (!/^97[89][0-9]{10}$/.test(value)) return false;
  return ean13CheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/** 5930933421 → 9785930933425: prefix 978, drop the old check digit, compute the EAN-13 one. */
export function isbn10To13(isbn10: string): string {
  const body = `978${isbn10.slice(0, 9)}`;
  return `${body}${ean13CheckDigit(body)}`;
}

function ean13CheckDigit(twelveDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export interface ParsedIssn {
  /** NNNN-NNNC */
  value: string;
  valid: boolean;
}

/** Reads an ISSN ("0131-6141", "01316141") and checks its mod-11 digit. */
export function parseIssn(text: string): ParsedIssn | undefined {
  const match = /([0-9]{4})[- ]?([0-9]{3}[0-9Xx])/.exec(text);
  if (!match) return undefined;
  const digits = `${match[1]}${match[2]!.toUpperCase()}`;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  const valid = (check === 10 ? 'X' : String(check)) === digits[7];
  return { value: `${digits.slice(0, 4)}-${digits.slice(4)}`, valid };
}
