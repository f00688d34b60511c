import { describe, expect, it } from 'vitest';
import type { ImportProposal, ImportProposalOf } from '../../lib/contract.js';
import { errorsByProposal, groupProposals, participantFrom, participantValue, startReview } from './review.js';

const award = (key: string, level: ImportProposalOf<'award'>['level'], confidence: 'high' | 'low' = 'high'): ImportProposal => ({
  kind: 'award', key, source: '', warnings: [], confidence, competition: key, level, nomination: '', workTitle: '',
  participant: null, participantText: '', results: [],
});

describe('reviewing proposals', () => {
  it('starts with the complete proposals accepted and the incomplete ones waiting', () => {
    expect(startReview([award('a', 'national'), award('b', null, 'low')]).map((p) => p.accepted)).toEqual([true, false]);
  });

  it('groups awards by their proposed level, widest first, those without a level after them', () => {
    const groups = groupProposals([award('a', 'district'), award('b', null), award('c', 'international')]);
    expect(groups.map((g) => [g.title, g.indexes])).toEqual([
      ['Конкурсы: международный уровень', [2]], ['Конкурсы: районный уровень', [0]], ['Конкурсы: уровень не указан', [1]],
    ]);
  });

  it('turns the participant select into a participant and back, crediting a staff member\'s branch', () => {
    const staff = participantFrom('s:7', null, () => 3);
    expect(staff).toEqual({ kind: 'staff', staffMemberId: 7, branchId: 3, readerName: '' });
    expect(participantValue(staff)).toBe('s:7');
    const reader = participantFrom('r:4', { kind: 'reader', branchId: 2, staffMemberId: null, readerName: 'Штрак Владимир' }, () => null);
    expect(reader).toEqual({ kind: 'reader', branchId: 4, staffMemberId: null, readerName: 'Штрак Владимир' });
    expect(participantFrom('', reader, () => null)).toBeNull();
  });

  it('puts the server\'s messages on the proposal they name, with the field in words', () => {
    const errors = errorsByProposal([
      { field: 'proposals.3.level', message: 'обязательное поле' }, { field: 'proposals.3.results.0.rank', message: 'укажите место (1–3)' },
      { field: 'year', message: 'обязательное поле' },
    ], (field) => ({ level: 'Уровень', results: 'Результаты' })[field.split('.')[0]!] ?? field);
    expect([...errors]).toEqual([[3, ['Уровень: обязательное поле', 'Результаты: укажите место (1–3)']]]);
  });
});
