import { describe, expect, it } from 'vitest';
import type { ProjectedPerson } from '../projection/project.js';
import { authorKeysOf, primaryAuthors } from './keys.js';

const person = (name: string, roles: string[], primary = false): ProjectedPerson => ({ name, kind: 'person', roles, primary });

describe('the primary authors of a record', () => {
  it('are those marked primary, else the authors by role, else a first person the record gives no role', () => {
    const pushkin = person('Пушкин, Александр Сергеевич', ['aut'], true);
    expect(primaryAuthors([person('Жуковский, Василий Андреевич', ['edt']), pushkin])).toEqual([pushkin]);
    const ilf = person('Ильф, Илья Арнольдович', ['aut']);
    expect(primaryAuthors([person('Кукрыниксы', ['ill']), ilf])).toEqual([ilf]);
    const unnamedRole = person('Гоголь, Николай Васильевич', []);
    expect(primaryAuthors([unnamedRole, person('Иванов, Иван', ['edt'])])).toEqual([unnamedRole]);
  });

  it('leave out a reteller, editor or translator named first: folk tales «в обработке А. Н. Толстого» are not his books', () => {
    const tolstoy = person('Толстой, Алексей Николаевич', ['adp']);
    expect(primaryAuthors([tolstoy])).toEqual([]);
    expect(authorKeysOf([tolstoy])).toEqual([]);
    expect(primaryAuthors([person('Лозинский, Михаил Леонидович', ['trl'])])).toEqual([]);
  });
});
