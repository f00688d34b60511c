import { describe, expect, it } from 'vitest';
import { marcToText, textToMarc } from './marc-text.js';

describe('MARC as text for experts', () => {
  const record = {
    leader: '00000nam0 2200000 i 450 ',
    fields: [
      { tag: '001', value: 'kargasok-12' },
      { tag: '100', ind1: ' ', ind2: ' ', subfields: [['a', '20240305d2019    u  y0rusy50      ba']] as [string, string][] },
      { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Цена $5'], ['e', 'повесть']] as [string, string][] },
    ],
  };

  it('writes one field a line with # for blanks and reads it back unchanged', () => {
    const text = marcToText(record);
    expect(text).toBe('LDR 00000nam0#2200000#i#450#\n001 kargasok-12\n100 ##$a20240305d2019    u  y0rusy50      ba\n200 1#$aЦена {dollar}5$eповесть');
    expect(textToMarc(text)).toEqual({ record });
  });

  it('names each line it cannot read', () => {
    expect(textToMarc('LDR 123\n200 1\n606 ##Без подполя')).toEqual({ errors: [
      'Строка 1: маркер записи должен быть из 24 знаков, а не 3',
      'Строка 2: поле 200 без индикаторов',
      'Строка 3: в поле 606 после индикаторов нужно подполе ($a…)',
    ] });
  });
});
