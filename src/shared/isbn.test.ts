import { describe, expect, it } from 'vitest';
import { isbn10To13, isValidIsbn10, isValidIsbn13, parseIsbn, parseIssn } from './isbn.js';

describe('ISBN', () => {
  it('accepts a hyphenated ISBN-13 and keeps its digits', () => {
    expect(parseIsbn('978-5-901202-50-0')).toEqual({ value: '9785901202500', isbn13: '9785901202500', valid: true });
  });

  it('converts a valid ISBN-10 to ISBN-13 for matching', () => {
    expect(isbn10To13('5930933421')).toBe('9785930933420');
    expect(parseIsbn('5-93093-342-1 (в пер.) : 50 р.')).toEqual({ value: '5930933421', isbn13: '9785930933420', valid: true });
  });

  it('accepts X as the check digit of an ISBN-10', () => {
    expect(isValidIsbn10('080442957X')).toBe(true);
    expect(parseIsbn('0-8044-2957-x')?.isbn13).toBe('9780804429573');
  });

  it('keeps and flags an ISBN whose check digit is wrong', () => {
    expect(parseIsbn('978-5-901202-50-1')).toEqual({ value: '9785901202501', valid: false });
    expect(parseIsbn('5-93093-342-2')).toEqual({ value: '5930933422', valid: false });
  });

  it('flags numbers of the wrong length and ISBN-13 without the 978/979 prefix', () => {
    expect(parseIsbn('5-93093-342')?.valid).toBe(false);
    expect(isValidIsbn13('1234567890128')).toBe(false);
  });

  it('finds no ISBN in text without a number', () => {
    expect(parseIsbn('в пер.')).toBeUndefined();
  });
});

describe('ISSN', () => {
  it('normalises and validates the check digit', () => {
    expect(parseIssn('0131-6141')).toEqual({ value: '0131-6141', valid: true });
    expect(parseIssn('0131 6142')).toEqual({ value: '0131-6142', valid: false });
    expect(parseIssn('0378-5955')).toEqual({ value: '0378-5955', valid: true });
    expect(parseIssn('2434561X')).toEqual({ value: '2434-561X', valid: true });
  });
});
