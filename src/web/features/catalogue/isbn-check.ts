/** The ISBN and ISSN checks as the cataloguer types: the server's own rules (src/shared/isbn.ts), said in words. */
import { parseIsbn, parseIssn } from '../../../shared/isbn.js';
import { t } from '../../lib/messages.js';

/** null when the ISBN is good (or empty), else the message shown under the field. */
export function isbnMessage(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const parsed = parseIsbn(text);
  const digits = parsed?.value ?? '';
  const m = t.bibForm.isbnProblem;
  if (digits.length !== 10 && digits.length !== 13) return `ISBN ${text} : ${m.length}`;
  if (digits.length === 13 && !/^97[89]/.test(digits)) return `ISBN ${text} : ${m.prefix}`;
  return parsed?.valid ? null : `ISBN ${text} : ${m.checkDigit}`;
}

/** null when the ISSN is good (or empty), else the message shown under the field. */
export function issnMessage(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const parsed = parseIssn(text);
  const m = t.bibForm.issnProblem;
  if (!parsed) return `ISSN ${text} : ${m.format}`;
  return parsed.valid ? null : `ISSN ${text} : ${m.checkDigit}`;
}
