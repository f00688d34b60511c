/** The review of proposals as plain data: grouping, participants as select values, the server's errors per proposal. */
import type { FieldError, ImportLevel, ImportProposal, ReviewedProposal } from '../../lib/contract.js';
import { competitionLevelLabels, t } from '../../lib/messages.js';

type AwardParticipant = Extract<ReviewedProposal, { kind: 'award' }>['participant'];

/** New proposals start accepted when nothing is missing; the rest wait for the reviewer. */
export const startReview = (proposals: ImportProposal[]): ReviewedProposal[] =>
  proposals.map((p) => ({ ...p, accepted: p.confidence !== 'low' }));

const LEVELS = Object.keys(competitionLevelLabels) as ImportLevel[];
const KIND_ORDER = ['campaign', 'honour', 'training', 'jury', 'conference', 'seminar'] as const;

export interface Group {
  title: string;
  /** Positions in the review list: the server names errors by them. */
  indexes: number[];
}

/**
 * Awards by the level first proposed (a row does not jump away while its level is being
 * corrected), from international to district, then the other kinds in the report's order.
 */
export function groupProposals(initial: ImportProposal[]): Group[] {
  const indexes = (match: (p: ImportProposal) => boolean) => initial.flatMap((p, i) => (match(p) ? [i] : []));
  const awards = [
    ...LEVELS.map((level) => ({ title: t.reportImport.groups.award(competitionLevelLabels[level]), indexes: indexes((p) => p.kind === 'award' && p.level === level) })),
    { title: t.reportImport.groups.awardNoLevel, indexes: indexes((p) => p.kind === 'award' && p.level === null) },
  ];
  const others = KIND_ORDER.map((kind) => ({ title: t.reportImport.groups[kind], indexes: indexes((p) => p.kind === kind) }));
  return [...awards, ...others].filter((group) => group.indexes.length > 0);
}

/** 'b:12' a branch, 's:7' a staff member, 'r:12' a reader prepared by a branch; '' nobody chosen. */
export function participantValue(participant: AwardParticipant): string {
  if (!participant) return '';
  if (participant.kind === 'staff') return participant.staffMemberId ? `s:${participant.staffMemberId}` : '';
  return participant.branchId ? `${participant.kind === 'reader' ? 'r' : 'b'}:${participant.branchId}` : '';
}

export function participantFrom(value: string, previous: AwardParticipant, staffBranch: (id: number) => number | null): AwardParticipant {
  const [kind, raw] = value.split(':');
  const id = Number(raw);
  if (!kind || !id) return null;
  if (kind === 's') return { kind: 'staff', staffMemberId: id, branchId: staffBranch(id), readerName: '' };
  if (kind === 'r') return { kind: 'reader', branchId: id, staffMemberId: null, readerName: previous?.kind === 'reader' ? previous.readerName : '' };
  return { kind: 'branch', branchId: id, staffMemberId: null, readerName: '' };
}

/** The server's messages by proposal: 'proposals.3.level' → 3 → ['Уровень: обязательное поле']. */
export function errorsByProposal(errors: FieldError[], fieldLabel: (field: string) => string): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const { field, message } of errors) {
    const match = /^proposals\.(\d+)\.?(.*)$/.exec(field);
    if (!match) continue;
    const index = Number(match[1]);
    map.set(index, [...(map.get(index) ?? []), match[2] ? `${fieldLabel(match[2])}: ${message}` : message]);
  }
  return map;
}
