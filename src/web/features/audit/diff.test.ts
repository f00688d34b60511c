import { describe, expect, it } from 'vitest';
import { diff } from './diff.js';

describe('audit diff', () => {
  it('shows only the fields an update changed', () => {
    const rows = diff({ id: 1, name: 'А', phone: '', email: 'a@x.ru' }, { id: 1, name: 'Б', phone: '', email: 'a@x.ru' });
    expect(rows).toEqual([{ path: 'name', before: 'А', after: 'Б' }]);
  });

  it('treats absent, null and empty text as the same empty value', () => {
    expect(diff({ phone: '', closedOn: null }, { phone: null, closedOn: '' })).toEqual([]);
  });

  it('lists the filled fields of a created record, without its id and creation time', () => {
    const rows = diff(null, { id: 7, createdAt: '2024-01-01T00:00:00Z', login: 'ivanova', branchIds: [3], middleName: '' });
    expect(rows.map((row) => row.path)).toEqual(['login', 'branchIds']);
  });

  it('compares a branch with the branch inside a branch event record, not with the whole record', () => {
    const branch = { name: 'Старое', type: 'rural' };
    const rows = diff(branch, {
      event: { kind: 'renamed', details: { name: { from: 'Старое', to: 'Новое' } } },
      branch: { name: 'Новое', type: 'rural' },
    });
    expect(rows).toEqual([
      { path: 'event.kind', before: undefined, after: 'renamed' },
      { path: 'event.details.name', before: undefined, after: { from: 'Старое', to: 'Новое' } },
      { path: 'branch.name', before: 'Старое', after: 'Новое' },
    ]);
  });
});
