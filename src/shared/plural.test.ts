import { describe, expect, it } from 'vitest';
import { countOf, plural } from './plural.js';

describe('Russian plural forms', () => {
  it('choose one, few or many as Russian does, the teens always many', () => {
    const forms = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000].map((n) => plural(n, 'запись', 'записи', 'записей'));
    expect(forms).toEqual(['запись', 'записи', 'записи', 'записей', 'записей', 'записей', 'записей', 'запись', 'записи', 'записей', 'запись', 'записей', 'записей']);
    expect(countOf(1, ['запись', 'записи', 'записей'])).toBe('1 запись');
    expect(countOf(12500, ['запись', 'записи', 'записей'])).toBe('12\u00a0500 записей');
  });

  it('take the «few» form for a fraction, as Russian does («1,5 минуты», «2,5 секунды»)', () => {
    expect(plural(1.5, 'минута', 'минуты', 'минут')).toBe('минуты');
    expect(plural(11.2, 'секунда', 'секунды', 'секунд')).toBe('секунды');
    expect(countOf(0.5, ['час', 'часа', 'часов'])).toBe('0,5 часа');
  });
});
