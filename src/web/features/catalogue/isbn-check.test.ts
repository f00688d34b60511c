import { describe, expect, it } from 'vitest';
import { t } from '../../lib/messages.js';
import { isbnMessage, issnMessage } from './isbn-check.js';

const m = t.bibForm.isbnProblem;

describe('the ISBN check under the cataloguing form', () => {
  it('accepts a good ISBN-10 or ISBN-13 however it is written, and an empty field', () => {
    expect(isbnMessage('978-5-901202-50-0')).toBeNull();
    expect(isbnMessage('5-93093-342-1 (в пер.)')).toBeNull();
    expect(isbnMessage('ISBN 978‑5‑901202‑50‑0')).toBeNull(); // non-breaking hyphens, as pasted from a PDF
    expect(isbnMessage('  ')).toBeNull();
  });

  it('names what is wrong: the length, the prefix of an ISBN-13, the check digit', () => {
    expect(isbnMessage('978-5-9012')).toBe(`ISBN 978-5-9012 : ${m.length}`);
    expect(isbnMessage('978-5-901202-50-00')).toBe(`ISBN 978-5-901202-50-00 : ${m.length}`);
    expect(isbnMessage('977-5-901202-50-0')).toBe(`ISBN 977-5-901202-50-0 : ${m.prefix}`);
    expect(isbnMessage('978-5-901202-50-1')).toBe(`ISBN 978-5-901202-50-1 : ${m.checkDigit}`);
    expect(isbnMessage('5-93093-342-2')).toBe(`ISBN 5-93093-342-2 : ${m.checkDigit}`);
  });
});

describe('the ISSN check under the cataloguing form', () => {
  it('accepts a good ISSN with or without its hyphen, and names a wrong check digit or a wrong shape', () => {
    expect(issnMessage('0131-6141')).toBeNull();
    expect(issnMessage('01302698')).toBeNull();
    expect(issnMessage('0130-1234')).toBe(`ISSN 0130-1234 : ${t.bibForm.issnProblem.checkDigit}`);
    expect(issnMessage('01-31')).toBe(`ISSN 01-31 : ${t.bibForm.issnProblem.format}`);
  });
});
