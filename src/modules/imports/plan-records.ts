/**
 * Reviewed proposals → the inputs of the use-cases that save them, checked by those modules'
 * own body schemas. Every problem is reported at once, named by the proposal and its field
 * («proposals.3.level: обязательное поле»), before anything is written.
 */
import {
  addEntryBody, createCompetitionBody, recordConferenceParticipationBody, recordHonourBody, recordJuryMembershipBody,
  type AddEntryInput, type CreateCompetitionInput, type RecordConferenceParticipationInput, type RecordHonourInput,
  type RecordJuryMembershipInput,
} from '../achievements/index.js';
import type { CreateCampaignInput } from '../events/index.js';
import { createTrainingBody, recordSeminarBody, type CreateTrainingInput, type RecordSeminarInput } from '../staff/index.js';
import type { FieldError } from '../../server/problem.js';
import type { z } from '../../shared/zod.js';
import type { ConfirmReportTextInput, ProposalOf, ReviewedProposal } from './imports.schemas.js';

interface Planned {
  index: number;
  key: string;
}

export type PlannedRecord = Planned & (
  | { kind: 'award'; competition: CreateCompetitionInput; entry: AddEntryInput }
  | { kind: 'campaign'; campaign: CreateCampaignInput; branchIds: number[] }
  | { kind: 'honour'; honour: RecordHonourInput }
  | { kind: 'training'; training: CreateTrainingInput; staffMemberIds: number[] }
  | { kind: 'jury'; jury: RecordJuryMembershipInput }
  | { kind: 'conference'; conference: RecordConferenceParticipationInput }
  | { kind: 'seminar'; seminar: RecordSeminarInput }
);

/** The receiving schema's field → the proposal's field that the reviewer edits. */
type FieldMap = Record<string, string>;
const AWARD_FIELDS: FieldMap = {
  name: 'competition', level: 'level', year: 'year', branchId: 'participant', participantKind: 'participant',
  staffMemberIds: 'participant', preparedByStaffId: 'participant', readerName: 'participant.readerName', awards: 'results',
};

const undefinedIfNull = <T>(value: T | null) => value ?? undefined;

class Planner {
  readonly records: PlannedRecord[] = [];
  readonly errors: FieldError[] = [];

  constructor(private readonly year: number, private readonly staffBranches: ReadonlyMap<number, number>) {}

  private fail(index: number, field: string, message: string) {
    this.errors.push({ field: `proposals.${index}.${field}`, message });
  }

  /** The value as the schema reads it, or its issues named by the proposal's fields. */
  private check<S extends z.ZodType>(index: number, schema: S, value: unknown, fields: FieldMap = {}): z.output<S> | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const [first = '', ...rest] = issue.path.map(String);
      const field = [fields[first] ?? first, ...rest].join('.').replace(/^results\.(\d+)$/, 'results.$1.result');
      this.fail(index, field, issue.message);
    }
    return undefined;
  }

  add(proposal: ReviewedProposal, index: number) {
    const { key } = proposal;
    switch (proposal.kind) {
      case 'award': return this.award(proposal, index);
      case 'campaign': {
        if (!proposal.name) this.fail(index, 'name', 'не может быть пустым');
        if (!proposal.level) this.fail(index, 'level', 'обязательное поле');
        if (proposal.name && proposal.level) {
          this.records.push({
            kind: 'campaign', index, key, branchIds: proposal.branchIds,
            campaign: { name: proposal.name, kind: 'campaign', year: this.year, level: proposal.level },
          });
        }
        return;
      }
      case 'honour': {
        const honour = this.check(index, recordHonourBody, {
          title: proposal.title, fromOrganisation: proposal.fromOrganisation, year: this.year, reason: proposal.reason,
          branchIds: proposal.branchIds, staffMemberIds: proposal.staffMemberIds,
        });
        if (honour) this.records.push({ kind: 'honour', index, key, honour });
        return;
      }
      case 'training': {
        if (proposal.staffMemberIds.length === 0) this.fail(index, 'staffMemberIds', 'выберите сотрудников, прошедших обучение');
        const training = this.check(index, createTrainingBody, {
          course: proposal.course, topic: undefinedIfNull(proposal.topic), finishedOn: undefinedIfNull(proposal.finishedOn),
        });
        if (training && proposal.staffMemberIds.length) this.records.push({ kind: 'training', index, key, training, staffMemberIds: proposal.staffMemberIds });
        return;
      }
      case 'jury': {
        const jury = this.check(index, recordJuryMembershipBody, {
          competitionName: proposal.competition, year: this.year, level: undefinedIfNull(proposal.level), staffMemberIds: proposal.staffMemberIds,
        }, { competitionName: 'competition' });
        if (jury) this.records.push({ kind: 'jury', index, key, jury });
        return;
      }
      case 'conference': {
        const conference = this.check(index, recordConferenceParticipationBody, {
          conferenceName: proposal.name, year: this.year, level: undefinedIfNull(proposal.level),
          branchIds: proposal.branchIds, staffMemberIds: proposal.staffMemberIds,
        }, { conferenceName: 'name' });
        if (conference) this.records.push({ kind: 'conference', index, key, conference });
        return;
      }
      case 'seminar': {
        const seminar = this.check(index, recordSeminarBody, {
          heldOn: undefinedIfNull(proposal.heldOn), topic: proposal.topic, description: proposal.description,
          attendeeStaffIds: proposal.attendeeStaffIds,
        });
        if (seminar) this.records.push({ kind: 'seminar', index, key, seminar });
        return;
      }
    }
  }

  private award(proposal: ProposalOf<'award'>, index: number) {
    const competition = this.check(index, createCompetitionBody, {
      name: proposal.competition, year: this.year, level: undefinedIfNull(proposal.level),
      nominations: proposal.nomination ? [proposal.nomination] : [],
    }, AWARD_FIELDS);
    const { participant } = proposal;
    if (!participant) return this.fail(index, 'participant', 'укажите участника');
    const person = participant.staffMemberId ?? undefined;
    const branchId = participant.kind === 'staff' && person !== undefined ? this.staffBranches.get(person) : undefinedIfNull(participant.branchId);
    const entry = this.check(index, addEntryBody, {
      branchId,
      participantKind: participant.kind,
      ...(participant.kind === 'staff' ? { staffMemberIds: person === undefined ? [] : [person] } : {}),
      ...(participant.kind === 'reader' ? { readerName: participant.readerName, preparedByStaffId: person } : {}),
      nomination: proposal.nomination,
      workTitle: proposal.workTitle,
      awards: proposal.results.map((r) => ({
        result: r.result, rank: undefinedIfNull(r.rank), amountKopecks: undefinedIfNull(r.amountKopecks), ...(r.note ? { note: r.note } : {}),
      })),
    }, AWARD_FIELDS);
    if (competition && entry) this.records.push({ kind: 'award', index, key: proposal.key, competition, entry });
  }
}

/** The accepted proposals as records to save, or every problem with them. */
export function planRecords(input: ConfirmReportTextInput, staffBranches: ReadonlyMap<number, number>): { records: PlannedRecord[]; errors: FieldError[] } {
  const planner = new Planner(input.year, staffBranches);
  input.proposals.forEach((proposal, index) => {
    if (proposal.accepted) planner.add(proposal, index);
  });
  return { records: planner.records, errors: planner.errors };
}

/** Every branch and staff id an accepted proposal refers to, with the field that names it. */
export function referencesOf(input: ConfirmReportTextInput): { branches: Map<number, string[]>; staff: Map<number, string[]> } {
  const branches = new Map<number, string[]>();
  const staff = new Map<number, string[]>();
  const note = (map: Map<number, string[]>, id: number | null, field: string) => {
    if (id !== null) map.set(id, [...(map.get(id) ?? []), field]);
  };
  input.proposals.forEach((p, index) => {
    if (!p.accepted) return;
    const at = (field: string) => `proposals.${index}.${field}`;
    if (p.kind === 'award' && p.participant) {
      note(branches, p.participant.kind === 'staff' ? null : p.participant.branchId, at('participant'));
      note(staff, p.participant.staffMemberId, at('participant'));
    }
    if ('branchIds' in p) p.branchIds.forEach((id) => note(branches, id, at('branchIds')));
    if ('staffMemberIds' in p) p.staffMemberIds.forEach((id) => note(staff, id, at('staffMemberIds')));
    if (p.kind === 'seminar') p.attendeeStaffIds.forEach((id) => note(staff, id, at('attendeeStaffIds')));
  });
  return { branches, staff };
}
