import { describe, expect, it } from 'vitest';
import { countOf, plural } from './plural.js';

describe('Russian plural forms', () => {
  it('choose one, few or many as Russian does, the teens always many', () => {
    const forms = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000].map((n) => plural(n, 'запись', 'записи', 'записей'));
    expect(forms).toEqual(['запись', 'записи', 'записи', 'записей', 'записей', 'записей', 'записей', 'запись', 'записи', 'записей', 'запись', 'записей', 'записей']);
    expect(countOf(1, ['запись', 'записи', 'записей'])).toBe('1 запись');
    expect(countOf(12500, ['запись', 'записи', 'записей'])).toBe('12\u00a0500 записей');
  });
});
