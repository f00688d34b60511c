import type { Selectable } from 'kysely';
import type { CompetitionsTable, ConferenceParticipationsTable, HonoursTable, JuryMembershipsTable } from '../../db/schema.js';
import { fullName } from '../staff/index.js';
import type { listAwards, listEntries, listEntryStaff, ParticipantRow } from './achievements.queries.js';
import type {
  AwardView, CompetitionView, ConferenceParticipationView, EntryView, HonourView, JuryMembershipView, ParticipantView, StaffRef,
} from './achievements.schemas.js';
import { awardWording, competitionLine, conferenceLine, honourLine, juryLine, participantLabel, shortName } from './wording.js';

type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];
type EntryStaffRow = Awaited<ReturnType<typeof listEntryStaff>>[number];
type AwardRow = Awaited<ReturnType<typeof listAwards>>[number];

interface NameColumns {
  last_name: string;
  first_name: string;
  middle_name: string;
}

const staffRef = (id: number, row: NameColumns): StaffRef => ({
  id,
  fullName: fullName(row),
  shortName: shortName({ lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name }),
});

export const presentAward = (row: AwardRow): AwardView => ({
  id: row.id,
  entryId: row.entry_id,
  result: row.result,
  rank: row.rank,
  amountKopecks: row.amount_kopecks,
  note: row.note,
  wording: awardWording({ result: row.result, rank: row.rank, amountKopecks: row.amount_kopecks }),
  document: row.file_name === null ? null : {
    fileName: row.file_name, mediaType: row.media_type!, sizeBytes: row.size_bytes!, sha256: row.sha256!, uploadedAt: row.uploaded_at!,
  },
});

export function presentEntry(row: EntryRow, staffRows: EntryStaffRow[], awardRows: AwardRow[]): EntryView {
  const staff = staffRows.filter((s) => s.entry_id === row.id).map((s) => staffRef(s.id, s));
  const preparedBy = row.prepared_by_staff_id === null ? null : staffRef(row.prepared_by_staff_id, {
    last_name: row.prepared_last_name!, first_name: row.prepared_first_name!, middle_name: row.prepared_middle_name!,
  });
  return {
    id: row.id,
    competitionId: row.competition_id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    participantKind: row.participant_kind,
    staff,
    readerName: row.reader_name,
    preparedBy,
    teamName: row.team_name,
    nomination: row.nomination,
    workTitle: row.work_title,
    participantLabel: participantLabel({
      participantKind: row.participant_kind, branchName: row.branch_name, staffNames: staff.map((s) => s.shortName),
      readerName: row.reader_name, preparedByName: preparedBy?.shortName ?? null, teamName: row.team_name,
    }),
    awards: awardRows.filter((award) => award.entry_id === row.id).map(presentAward),
  };
}

export function presentCompetition(row: Selectable<CompetitionsTable>, entries: EntryView[]): CompetitionView {
  const own = entries.filter((entry) => entry.competitionId === row.id);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    level: row.level,
    organiser: row.organiser,
    nominations: row.nominations,
    entries: own,
    text: competitionLine({
      name: row.name, organiser: row.organiser, nominations: row.nominations,
      entries: own.map((entry) => ({ ...entry, awards: entry.awards.map((award) => award.wording) })),
    }),
  };
}

const presentParticipant = (row: ParticipantRow): ParticipantView => ({
  branchId: row.branch_id,
  branchName: row.branch_name,
  staff: row.staff_member_id === null ? null : staffRef(row.staff_member_id, row as ParticipantRow & NameColumns),
});

/** The participants of one record, and the same as the report names them. */
function participantsOf(recordId: number, rows: ParticipantRow[]) {
  const views = rows.filter((row) => row.record_id === recordId).map(presentParticipant);
  return { views, facts: views.map((p) => ({ branchName: p.branchName, staffName: p.staff?.shortName ?? null })) };
}

export function presentJuryMembership(row: Selectable<JuryMembershipsTable>, participants: ParticipantRow[]): JuryMembershipView {
  const members = participantsOf(row.id, participants);
  return {
    id: row.id,
    competitionName: row.competition_name,
    year: row.year,
    level: row.level,
    organiser: row.organiser,
    note: row.note,
    members: members.views,
    text: juryLine({ competitionName: row.competition_name, level: row.level, organiser: row.organiser, members: members.facts }),
  };
}

export function presentConferenceParticipation(
  row: Selectable<ConferenceParticipationsTable>, participants: ParticipantRow[],
): ConferenceParticipationView {
  const who = participantsOf(row.id, participants);
  return {
    id: row.id,
    conferenceName: row.conference_name,
    year: row.year,
    heldOn: row.held_on,
    level: row.level,
    organiser: row.organiser,
    talkTitle: row.talk_title,
    participants: who.views,
    text: conferenceLine({
      conferenceName: row.conference_name, level: row.level, heldOn: row.held_on, organiser: row.organiser, talkTitle: row.talk_title,
      participants: who.facts,
    }),
  };
}

export function presentHonour(row: Selectable<HonoursTable>, participants: ParticipantRow[]): HonourView {
  const recipients = participantsOf(row.id, participants);
  return {
    id: row.id,
    title: row.title,
    fromOrganisation: row.from_organisation,
    year: row.year,
    receivedOn: row.received_on,
    reason: row.reason,
    recipients: recipients.views,
    text: honourLine({
      title: row.title, fromOrganisation: row.from_organisation, receivedOn: row.received_on, reason: row.reason, recipients: recipients.facts,
    }),
  };
}

/** A competition's own data, without its entries (what the audit log keeps of it). */
export const competitionFields = ({ entries: _entries, text: _text, ...fields }: CompetitionView) => fields;
