/**
 * Who a report names: branches of the network (by their names in any case, by «Центральная»,
 * «Детская», «МБУК «… ЦРБ»»), staff by surname and initials, readers («нашу читательницу»,
 * «участника Новоюгинской СОШ Штрак Владимира»). Names are compared by stems, so
 * «Новоюгинской сельской библиотеки» is «Новоюгинская сельская библиотека»; a stem met without
 * the words of a library around it («Новоюгинской СОШ») is a match the reviewer should check.
 */
import {
  BRANCH_NAME_HEAD, BRANCH_NAME_TAIL, CENTRAL_LIBRARY, CHILDREN_LIBRARY, GENERIC_NAME_STEMS, NAMED_READER, READER, STAFF_NAME,
} from './dictionary.js';
import { fold, stem, wordsOf } from './text.js';

export interface KnownBranch {
  id: number;
  name: string;
  type: string;
  isPublicAccessCentre: boolean;
}

export interface KnownStaffMember {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string;
  branchId: number;
}

export type Guess =
  | { kind: 'branch'; branchId: number }
  | { kind: 'staff'; staffMemberId: number | null; branchId: number | null; name: string }
  | { kind: 'reader'; readerName: string; branchId: number | null };

export interface Mention {
  start: number;
  end: number;
  guess: Guess;
  /** Why the reviewer should look twice; empty when the match is certain. */
  doubts: string[];
}

export interface ParticipantMatcher {
  find(text: string): Mention[];
  branchName(id: number): string;
  staffBranch(id: number): number | null;
  publicAccessCentres: number[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Keeps the earliest, then the longest, of overlapping mentions. */
function earliestLongest(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of sorted) if (!kept.some((k) => overlaps(k, mention))) kept.push(mention);
  return kept;
}

export function participantMatcher(branches: readonly KnownBranch[], staff: readonly KnownStaffMember[]): ParticipantMatcher {
  const names = new Map(branches.map((b) => [b.id, b.name]));
  const central = branches.find((b) => b.type === 'central');
  const children = branches.find((b) => b.type === 'children');

  // Each branch is found by all the stems of its name, and by the stems no other branch shares.
  const stemsOf = (name: string) => wordsOf(name).map((w) => stem(w.text));
  const counts = new Map<string, number>();
  for (const branch of branches) for (const s of new Set(stemsOf(branch.name))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const sequences = branches.flatMap((branch) => {
    const all = stemsOf(branch.name);
    const own = all.filter((s) => !GENERIC_NAME_STEMS.has(s) && counts.get(s) === 1);
    return [{ branchId: branch.id, stems: all, whole: true }, ...(own.length ? [{ branchId: branch.id, stems: own, whole: false }] : [])];
  });

  function byName(text: string, folded: string): Mention[] {
    const words = wordsOf(text);
    const stems = words.map((w) => stem(w.text));
    const found: Mention[] = [];
    for (let i = 0; i < words.length; i++) {
      for (const sequence of sequences) {
        if (!sequence.stems.every((s, k) => stems[i + k] === s)) continue;
        let start = words[i]!.start;
        let end = words[i + sequence.stems.length - 1]!.end;
        const head = BRANCH_NAME_HEAD.exec(folded.slice(0, start))!;
        const tail = BRANCH_NAME_TAIL.exec(folded.slice(end));
        const certain = sequence.whole || Boolean(tail) || head[0].length > 0;
        start -= head[0].length;
        if (tail) end += tail[0].length;
        else if (folded[end] === '»' && folded.slice(start, end).includes('«')) end += 1;
        const doubts = certain ? [] : [`«${text.slice(start, end)}» — похоже на «${names.get(sequence.branchId)}»`];
        found.push({ start, end, guess: { kind: 'branch', branchId: sequence.branchId }, doubts });
      }
    }
    return found;
  }

  function byType(folded: string): Mention[] {
    const found: Mention[] = [];
    for (const [branch, patterns] of [[central, CENTRAL_LIBRARY], [children, CHILDREN_LIBRARY]] as const) {
      if (!branch) continue;
      for (const pattern of patterns) {
        for (const m of folded.matchAll(pattern)) {
          found.push({ start: m.index, end: m.index + m[0].length, guess: { kind: 'branch', branchId: branch.id }, doubts: [] });
        }
      }
    }
    return found;
  }

  function byStaffName(text: string): Mention[] {
    return [...text.matchAll(STAFF_NAME)].flatMap((m) => {
      const [written, surname, first, middle] = m as unknown as [string, string, string, string];
      const candidates = staff.filter((s) => stem(s.lastName) === stem(surname)
        && fold(s.firstName[0] ?? '') === fold(first) && fold(s.middleName[0] ?? '') === fold(middle));
      // A capitalised word with initials that is nobody we know: a person only if the surname looks like one.
      if (candidates.length === 0 && !/(?:ов|ев|ин|ын|ск|цк|ая|их|ых|ко|ук|юк|ян|дзе|швили)(?:а|ой|у|ым|ом)?$/u.test(fold(surname))) return [];
      const member = candidates.length === 1 ? candidates[0]! : undefined;
      const doubts = member ? [] : candidates.length > 1
        ? [`«${written}»: в сети несколько сотрудников с такими фамилией и инициалами`]
        : [`сотрудник «${written}» не найден в сети`];
      return [{
        start: m.index, end: m.index + written.length, doubts,
        guess: { kind: 'staff', staffMemberId: member?.id ?? null, branchId: member?.branchId ?? null, name: written } as const,
      }];
    });
  }

  /** Readers, with the branch named inside the mention («…Новоюгинской СОШ…») as the one that prepared them. */
  function byReader(text: string, folded: string, branchMentions: Mention[]): Mention[] {
    const named = [...text.matchAll(NAMED_READER)].map((m) => {
      const organisation = { start: m.index + m[0].indexOf(m[1]!), end: m.index + m[0].indexOf(m[1]!) + m[1]!.length };
      const branch = branchMentions.find((b) => overlaps(b, organisation));
      const doubts = [...(branch?.doubts ?? []), ...(branch ? [] : [`«${m[1]}»: филиал, подготовивший участника, не найден`])];
      return {
        start: m.index, end: m.index + m[0].length, doubts,
        guess: { kind: 'reader', readerName: m[2]!, branchId: branch?.guess.kind === 'branch' ? branch.guess.branchId : null } as const,
      };
    });
    const unnamed = [...folded.matchAll(READER)].map((m) => ({
      start: m.index, end: m.index + m[0].length, doubts: ['имя читателя в тексте не указано'],
      guess: { kind: 'reader', readerName: /читательниц/u.test(m[0]) ? 'читательница' : 'читатель', branchId: null } as const,
    }));
    return [...named, ...unnamed];
  }

  return {
    find(text) {
      const folded = fold(text);
      const branchMentions = earliestLongest([...byName(text, folded), ...byType(folded)]);
      return earliestLongest([...byReader(text, folded, branchMentions), ...byStaffName(text), ...branchMentions]);
    },
    branchName: (id) => names.get(id) ?? '',
    staffBranch: (id) => staff.find((s) => s.id === id)?.branchId ?? null,
    publicAccessCentres: branches.filter((b) => b.isPublicAccessCentre).map((b) => b.id),
  };
}
