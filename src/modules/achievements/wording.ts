/**
 * How achievements read in the annual report, in Russian: the level headings, the results
 * («Диплом 1 степени», «1 место»…), the participants and one line per competition, jury,
 * conference or honour. Pure functions: the API returns their text so that the web app, the
 * printed view and the reports module all say the same.
 */
import { russianDate } from '../../shared/zod.js';
import type { AwardResult, CompetitionLevel, ParticipantKind } from './achievements.schemas.js';

/** The report's headings, in its order: international → national → regional → inter-district → district. */
export const LEVEL_HEADINGS: Record<CompetitionLevel, string> = {
  international: 'Международные конкурсы',
  national: 'Всероссийские конкурсы',
  regional: 'Областные конкурсы',
  inter_district: 'Межрайонные конкурсы',
  district: 'Районные конкурсы',
};
export const LEVEL_ORDER = Object.keys(LEVEL_HEADINGS) as CompetitionLevel[];

const LEVEL_NAMES: Record<CompetitionLevel, string> = {
  international: 'международный',
  national: 'всероссийский',
  regional: 'областной',
  inter_district: 'межрайонный',
  district: 'районный',
};

interface PersonName {
  lastName: string;
  firstName: string;
  middleName: string;
}

/** «Вялова Анастасия Викторовна» → «Вялова А. В.», as reports name staff. */
export function shortName({ lastName, firstName, middleName }: PersonName): string {
  const initials = [firstName, middleName].filter(Boolean).map((name) => `${name[0]!.toUpperCase()}.`).join(' ');
  return initials ? `${lastName} ${initials}` : lastName;
}

/** 5 000 000 kopecks → «50 000 руб.»; kopecks shown only when there are any. */
export function formatRoubles(kopecks: number): string {
  const roubles = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  // Groups of three with a no-break space, as Russian documents write sums (ICU versions differ on the separator).
  const grouped = String(roubles).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return rest ? `${grouped}\u00a0руб. ${String(rest).padStart(2, '0')}\u00a0коп.` : `${grouped}\u00a0руб.`;
}

export interface AwardFacts {
  result: AwardResult;
  rank: number | null;
  amountKopecks: number | null;
}

export function awardWording({ result, rank, amountKopecks }: AwardFacts): string {
  switch (result) {
    case 'place': return `${rank} место`;
    case 'diploma': return `Диплом ${rank} степени`;
    case 'winner_diploma': return 'Диплом победителя';
    case 'laureate_diploma': return 'Диплом лауреата';
    case 'participation_certificate': return 'Сертификат участника';
    case 'thanks_letter': return 'Благодарность';
    case 'monetary': return `Денежное поощрение ${formatRoubles(amountKopecks ?? 0)}`;
    case 'grant': return amountKopecks ? `Грант ${formatRoubles(amountKopecks)}` : 'Грант';
  }
}

/** A prize for the per-branch counts: a place, a diploma of a degree, a winner's or laureate's diploma. */
export const PRIZE_RESULTS: readonly AwardResult[] = ['place', 'diploma', 'winner_diploma', 'laureate_diploma'];

export interface EntryFacts {
  participantKind: ParticipantKind;
  branchName: string;
  staffNames: string[];
  readerName: string;
  preparedByName: string | null;
  teamName: string;
}

/** Who took part, as the report names them: the branch, or the people with their branch in brackets. */
export function participantLabel(entry: EntryFacts): string {
  const names = entry.staffNames.join(', ');
  switch (entry.participantKind) {
    case 'branch': return entry.branchName;
    case 'staff': return `${names} (${entry.branchName})`;
    case 'reader': {
      const preparedBy = entry.preparedByName ? `, подготовил(а) ${entry.preparedByName}` : '';
      return `читатель ${entry.readerName}${preparedBy} (${entry.branchName})`;
    }
    case 'team': return `команда «${entry.teamName}»${names ? `: ${names}` : ''} (${entry.branchName})`;
  }
}

/** Ends the text with one full stop (a result such as «5 000 руб.» already has it). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** A title as the report quotes it: in «», unless it already carries its own quotes. */
export const quoted = (title: string) => (title.includes('«') || title.includes('"') ? title : `«${title}»`);

export interface CompetitionLineFacts {
  name: string;
  organiser: string;
  nominations: readonly string[];
  entries: readonly { nomination: string; workTitle: string; participantLabel: string; awards: readonly string[] }[];
}

/**
 * One competition as a line of the report:
 * «Краеведы России» в номинации «История»: Детская библиотека — Диплом победителя; …
 * Entries without a nomination come first, then each nomination in the competition's order.
 */
export function competitionLine({ name, organiser, nominations, entries }: CompetitionLineFacts): string {
  const head = `${quoted(name)}${organiser ? ` (${organiser})` : ''}`;
  if (entries.length === 0) return sentence(head);
  const order = ['', ...nominations];
  const rank = (nomination: string) => (order.includes(nomination) ? order.indexOf(nomination) : order.length);
  const groups = new Map<string, string[]>();
  for (const entry of [...entries].sort((a, b) => rank(a.nomination) - rank(b.nomination))) {
    const work = entry.workTitle ? `, работа ${quoted(entry.workTitle)}` : '';
    const results = entry.awards.length ? entry.awards.join(', ') : 'участие';
    const texts = groups.get(entry.nomination) ?? [];
    texts.push(`${entry.participantLabel}${work} — ${results}`);
    groups.set(entry.nomination, texts);
  }
  const parts = [...groups].map(([nomination, texts]) => (nomination ? `в номинации ${quoted(nomination)}: ` : '') + texts.join('; '));
  const firstHasNomination = [...groups.keys()][0] !== '';
  return sentence(`${head}${firstHasNomination ? ' ' : ': '}${parts.join('; ')}`);
}

export interface ParticipantFacts {
  branchName: string;
  staffName: string | null;
}

/** Branches and people: «Вялова А. В. (Центральная библиотека), Детская библиотека». */
export const participantsText = (participants: readonly ParticipantFacts[]) =>
  participants.map((p) => (p.staffName ? `${p.staffName} (${p.branchName})` : p.branchName)).join(', ');

export function juryLine(jury: { competitionName: string; level: CompetitionLevel; organiser: string; members: readonly ParticipantFacts[] }): string {
  const organiser = jury.organiser ? `, ${jury.organiser}` : '';
  return sentence(`${quoted(jury.competitionName)} (${LEVEL_NAMES[jury.level]} уровень${organiser}) — ${participantsText(jury.members)}`);
}

export function conferenceLine(conference: {
  conferenceName: string; level: CompetitionLevel; heldOn: string | null; organiser: string; talkTitle: string;
  participants: readonly ParticipantFacts[];
}): string {
  const details = [`${LEVEL_NAMES[conference.level]} уровень`, conference.organiser, conference.heldOn ? russianDate(conference.heldOn) : '']
    .filter(Boolean).join(', ');
  const talk = conference.talkTitle ? `, доклад ${quoted(conference.talkTitle)}` : '';
  return sentence(`${quoted(conference.conferenceName)} (${details})${talk} — ${participantsText(conference.participants)}`);
}

export function honourLine(honour: {
  title: string; fromOrganisation: string; receivedOn: string | null; reason: string; recipients: readonly ParticipantFacts[];
}): string {
  // The organisation in brackets, as typed: «от …» would need it declined.
  const details = [honour.fromOrganisation, honour.receivedOn ? russianDate(honour.receivedOn) : ''].filter(Boolean).join(', ');
  const reason = honour.reason ? ` ${honour.reason}` : '';
  return sentence(`${honour.title}${details ? ` (${details})` : ''}${reason} — ${participantsText(honour.recipients)}`);
}
