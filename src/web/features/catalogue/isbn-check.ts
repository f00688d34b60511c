/**
 * The ISBN check as the cataloguer types: the same rules as the server's (catalogue/projection/isbn.ts,
 * which decides on save), repeated here because the web bundle may not import server modules.
 */
import { t } from '../../lib/messages.js';

/** null when the ISBN is good (or empty), else the message shown under the field. */
export function isbnMessage(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const digits = (/[0-9][0-9\- ‐-―]{8,}[0-9Xx]/.exec(text)?.[0] ?? '').replace(/[^0-9Xx]/g, '').toUpperCase();
  const m = t.bibForm.isbnProblem;
  if (digits.length !== 10 && digits.length !== 13) return `ISBN ${text} : ${m.length}`;
  if (digits.length === 13 && !/^97[89]/.test(digits)) return `ISBN ${text} : ${m.prefix}`;
  const valid = digits.length === 10 ? isbn10Valid(digits) : isbn13Valid(digits);
  return valid ? null : `ISBN ${text} : ${m.checkDigit}`;
}

function isbn10Valid(value: string): boolean {
  if (!/^[0-9]{9}[0-9X]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (value[i] === 'X' ? 10 : Number(value[i])) * (10 - i);
  return sum % 11 === 0;
}

function isbn13Valid(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(value[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(value[12]);
}
