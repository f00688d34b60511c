/**
 * The parser measured on the network's real 2023 report against awards read by hand
 * (test/fixtures/report-2023-awards.ts). An award is proposed correctly when all four fields
 * match: competition name (compared folded, without punctuation), level, participant, result.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoNetworkForParser, SEED_AWARDS, type ExpectedAward } from '../../../../test/fixtures/report-2023-awards.js';
import type { Proposal } from '../imports.schemas.js';
import { parseReportText } from './parse-report-text.js';
import { fold } from './text.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const seed = readFileSync(path.resolve(repoRoot, '../shared/seed/report-2023.txt'), 'utf8');
const network = demoNetworkForParser();

const nameKey = (name: string) => fold(name).replace(/[^\p{L}\d]+/gu, ' ').trim();

function participantKey(participant: ExpectedAward['participant']): string {
  if (!participant) return '—';
  if ('branch' in participant) return `branch ${participant.branch}`;
  if ('staff' in participant) return `staff ${participant.staff}`;
  return `reader ${participant.reader}`;
}

const branchName = (id: number | null) => network.branches.find((b) => b.id === id)?.name ?? '?';

/** Proposed awards as the fixture writes them: one line per participant and result. */
function awardLines(proposals: Proposal[]): string[] {
  return proposals.flatMap((p) => {
    if (p.kind !== 'award') return [];
    const participant = !p.participant ? '—'
      : p.participant.kind === 'branch' ? `branch ${branchName(p.participant.branchId)}`
        : p.participant.kind === 'staff' ? `staff ${network.staff.find((s) => s.id === p.participant!.staffMemberId)?.lastName ?? '?'}`
          : `reader ${branchName(p.participant.branchId)}`;
    const results = p.results.length ? p.results.map((r) => (r.rank ? `${r.result} ${r.rank}` : r.result)) : ['—'];
    return results.map((result) => [nameKey(p.competition), p.level, participant, result].join(' | '));
  });
}

const expectedLines = SEED_AWARDS.map((a) => [nameKey(a.competition), a.level, participantKey(a.participant), a.result ?? '—'].join(' | '));

function score(proposed: string[]) {
  const unmatched = [...proposed];
  const missed: string[] = [];
  for (const line of expectedLines) {
    const at = unmatched.indexOf(line);
    if (at === -1) missed.push(line);
    else unmatched.splice(at, 1);
  }
  return { correct: expectedLines.length - missed.length, missed, spurious: unmatched };
}

describe('the parser on the seed report', () => {
  const parsed = parseReportText(seed, network);
  const proposed = awardLines(parsed.proposals);
  const { correct, missed, spurious } = score(proposed);
  const duplicates = proposed.filter((line, i) => proposed.indexOf(line) !== i);

  it('proposes at least 80% of the hand-read awards with all four fields right, and few spurious ones', () => {
    console.log([
      `seed awards (hand-read): ${expectedLines.length}`,
      `proposed award lines: ${proposed.length}`,
      `correct (competition, level, participant, result all match): ${correct} = ${(100 * correct / expectedLines.length).toFixed(1)}% recall`,
      `spurious: ${spurious.length}; proposed twice: ${duplicates.length}; repeated passages dropped: ${parsed.repeatedPassages.length} (${parsed.repeatedPassages.map((p) => p.words).join(', ')} words)`,
      ...missed.map((line) => `  missed:   ${line}`),
      ...spurious.map((line) => `  spurious: ${line}`),
    ].join('\n'));
    expect(correct / expectedLines.length).toBeGreaterThanOrEqual(0.8);
    expect(spurious.length).toBeLessThanOrEqual(3);
  });

  it('merges the repeated second half: no award is proposed twice', () => {
    expect(parsed.repeatedPassages).toHaveLength(1);
    expect(duplicates).toEqual([]);
  });

  it('proposes exactly what the report without its repeat gives', () => {
    const firstHalf = seed.slice(0, seed.lastIndexOf('вновь созданный филиал'));
    expect(parseReportText(firstHalf, network).proposals).toEqual(parsed.proposals);
  });

  it('proposes the campaigns, courses, jury work, conferences and the March 2023 seminar', () => {
    const of = <K extends Proposal['kind']>(kind: K) => parsed.proposals.filter((p): p is Extract<Proposal, { kind: K }> => p.kind === kind);
    expect(of('campaign').map((c) => c.name)).toEqual(['Библионочь-2023', 'Диктант Победы', 'Окна Победы', 'ДАРЮТЕПЛО']);
    expect(of('honour')).toEqual([expect.objectContaining({
      title: 'Благодарственные письма', fromOrganisation: 'Федерального центра развития программ социализации подростков',
    })]);
    expect(of('training').slice(0, 2)).toEqual([
      expect.objectContaining({ course: 'Консультант Плюс/ Технология ТОП', expectedCount: 14, topic: 'digital' }),
      expect.objectContaining({ course: 'Академия госпабликов', expectedCount: 4 }),
    ]);
    expect(of('jury')).toEqual([expect.objectContaining({ competition: 'Живая классика', level: 'national', expectedCount: 2 })]);
    expect(of('conference').map((c) => c.name)).toContain('Твой след на земле');
    expect(of('seminar')).toEqual([expect.objectContaining({
      topic: 'Семинар работников культуры Каргасокскго района Томской области', heldOn: '2023-03-01',
    })]);
  });
});
