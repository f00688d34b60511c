/**
 * The demo network's achievements of 2023, entered the way a methodologist would: the text of
 * the 2023 report (report-2023.txt, the project's seed document, kept here as a resource) goes
 * through the report-text import, a reviewer's corrections are applied to the proposals, and the
 * reviewed proposals are confirmed — the same parser, review rules and use-cases as in the app.
 *
 * What comes from the report: every competition, level, participant and result, the campaigns
 * (already recorded with their events by events-2023.ts: the import adds the branches' part in
 * them), the jury work, the conferences named with their participants, the letters of thanks and
 * the March 2023 seminar. What the reviewer ADDS is marked «illustrative» below: facts the report does not give.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../modules/auth/index.js';
import { confirmReportImport, proposeReportImport, type Proposal, type ReviewedProposal } from '../modules/imports/index.js';
import { staffMembers, type DemoBranchCode, type DemoStaffKey } from './kargasok.js';
import { idOf } from './ids.js';

const YEAR = 2023;
const SEMINAR_DAY = '2023-03-29';

const employedOn = (member: { hiredOn: string; dismissedOn?: string | null }, day: string) =>
  member.hiredOn <= day && (!member.dismissedOn || member.dismissedOn > day);
const REPORT = readFileSync(new URL('./report-2023.txt', import.meta.url), 'utf8');

interface Ids {
  branch(code: DemoBranchCode): number;
  staff(key: DemoStaffKey): number;
}

/** Which proposals a correction is about: the kind, and words of its name and of its participant as the text has them. */
interface Match {
  kind: Proposal['kind'];
  name: string;
  participant?: string;
}

type Correction = Match & (
  | { reject: string }
  | { why: string; set(ids: Ids, proposal: Proposal): Partial<ReviewedProposal> }
);

const nameOf = (p: Proposal) => {
  switch (p.kind) {
    case 'award': case 'jury': return p.competition;
    case 'campaign': case 'conference': return p.name;
    case 'honour': return p.title;
    case 'training': return p.course;
    case 'seminar': return p.topic;
  }
};
const participantTextOf = (p: Proposal) => ('participantText' in p ? p.participantText : '');

const branchParticipant = (branchId: number) => ({ kind: 'branch' as const, branchId, staffMemberId: null, readerName: '' });

/** The reviewer's decisions, in the order of the report. */
const CORRECTIONS: readonly Correction[] = [
  {
    kind: 'award', name: 'денежного поощрения', participant: 'Нововасюганская',
    why: 'illustrative: the report gives no sum; 100 000 ₽ is the usual award to an institution in this competition',
    set: (_, p) => ({ results: p.kind === 'award' ? p.results.map((r) => (r.result === 'monetary' ? { ...r, amountKopecks: 100_000_00 } : r)) : [] }),
  },
  {
    kind: 'award', name: 'Моя Россия',
    why: 'the report names no participant; the children\'s library, named for the next competition of the same sentence, is the likely one',
    set: (ids) => ({ participant: branchParticipant(ids.branch('db')) }),
  },
  {
    kind: 'award', name: 'Библиозима',
    why: 'the report names no participant: credited to the central library, which answers for the network',
    set: (ids) => ({ participant: branchParticipant(ids.branch('crb')) }),
  },
  {
    kind: 'award', name: 'Укрась своею планету',
    why: 'the report names no participant: credited to the central library, which answers for the network',
    set: (ids) => ({ participant: branchParticipant(ids.branch('crb')) }),
  },
  {
    kind: 'award', name: 'ЭкоПерезагрузка', participant: 'Штрак',
    why: 'the reader\'s name in the nominative',
    set: (ids) => ({ participant: { kind: 'reader', branchId: ids.branch('novoyugino'), staffMemberId: null, readerName: 'Штрак Владимир' } }),
  },
  {
    kind: 'award', name: 'Наш культурный код',
    why: 'the diplomas of no degree («Дипломы за сохранение и популяризацию…»): recorded as laureate\'s diplomas with what they were for',
    set: (_, p) => ({
      results: p.kind === 'award' ? p.results.map((r) => (r.result === 'diploma' && r.rank === null
        ? { ...r, result: 'laureate_diploma' as const, note: 'за сохранение и популяризацию культурного наследия России' } : r)) : [],
    }),
  },
  {
    kind: 'training', name: '',
    reject: 'the report names no trainees, dates or hours: the reviewer enters each trainee\'s certificate by hand (kargasok.ts)',
  },
  {
    kind: 'jury', name: 'Живая классика',
    why: 'illustrative: the report says «2 сотрудника центральной и детской библиотеки» without names',
    set: (ids) => ({ staffMemberIds: [ids.staff('shestakova'), ids.staff('sanina')] }),
  },
  {
    kind: 'honour', name: 'Благодарственные письма',
    why: 'the sender in the nominative',
    set: () => ({ fromOrganisation: 'Федеральный центр развития программ социализации подростков' }),
  },
  {
    kind: 'conference', name: 'Твой след на земле',
    why: 'illustrative: the report gives no level for this ecological conference',
    set: () => ({ level: 'regional' }),
  },
  { kind: 'conference', name: 'Книга и чтение', reject: 'the report names no participant' },
  { kind: 'conference', name: 'Русский язык и чтение', reject: 'the report names no participant' },
  { kind: 'conference', name: 'Новое издание таблиц ББК', reject: 'the report names no participant' },
  {
    kind: 'seminar', name: 'Семинар работников культуры',
    why: 'the report: «присутствовали все работники культуры, в том числе библиотекари» — every librarian employed that day; the day itself is illustrative (the report gives the month)',
    set: (ids) => ({ heldOn: SEMINAR_DAY, attendeeStaffIds: staffMembers.filter((m) => employedOn(m, SEMINAR_DAY)).map((m) => ids.staff(m.key)) }),
  },
];

const matches = (match: Match, p: Proposal) => p.kind === match.kind
  && nameOf(p).toLowerCase().includes(match.name.toLowerCase())
  && (match.participant === undefined || participantTextOf(p).includes(match.participant));

/**
 * Applies the corrections; the rest is accepted as proposed. A correction that matches nothing
 * means the parser now reads the report differently: the loader stops rather than load other data.
 */
export function reviewProposals(proposals: Proposal[], ids: Ids): ReviewedProposal[] {
  const unused = new Set(CORRECTIONS);
  const reviewed = proposals.map((proposal): ReviewedProposal => {
    const correction = CORRECTIONS.find((c) => matches(c, proposal));
    if (!correction) return { ...proposal, accepted: true };
    unused.delete(correction);
    if ('reject' in correction) return { ...proposal, accepted: false };
    return { ...proposal, ...correction.set(ids, proposal), accepted: true } as ReviewedProposal;
  });
  if (unused.size) throw new Error(`Правки демонстрационного импорта не нашли предложений: ${[...unused].map((c) => `${c.kind} «${c.name}»`).join(', ')}`);
  return reviewed;
}

/** Imports the 2023 report's achievements into the demo network, as a methodologist reviewing them would. */
export async function loadAchievements2023(options: {
  trx: Kysely<DB>; actor: Actor; branchIds: ReadonlyMap<string, number>; staffIds: ReadonlyMap<string, number>;
}) {
  const { trx, actor, branchIds, staffIds } = options;
  const { proposals } = await proposeReportImport({ db: trx, actor, input: { text: REPORT, year: YEAR } });
  const ids: Ids = { branch: (code) => idOf(branchIds, code), staff: (key) => idOf(staffIds, key) };
  return confirmReportImport({ trx, actor, input: { year: YEAR, proposals: reviewProposals(proposals, ids) } });
}
