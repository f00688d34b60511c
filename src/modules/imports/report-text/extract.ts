/**
 * Proposals from the clauses of a report. A clause is first sorted by what it is about (a
 * seminar, jury work, courses, a conference); otherwise it is read for competitions, and failing
 * that for campaigns and letters of thanks.
 *
 * A competition clause is cut into segments, one per competition: at a word naming one that is
 * followed by its own name («Конкурс «Моя Россия» …, Конкурс «Была война…» …»), or at a title in
 * quotes that opens an item under a heading («Всероссийские конкурсы: «Краеведы России» …»).
 * A segment's items (between commas) pair participants with their results in either order —
 * «Детская библиотека – диплом 2 степени», «3 место Центральная библиотека» — and results
 * without a participant go to the participants just before them («…подготовила нашу
 * читательницу, которая получила диплом 2 степени») or, before any participant, to all of them
 * («Дипломы за …: Большегривский БДЦ, Павловская …»). A clause with no competition of its own
 * but a participant and a result continues the previous one («3 степени – Средневасюганская…»).
 */
import type { CompetitionLevel } from '../../achievements/index.js';
import type { ProposalOf, ProposedParticipant, ProposedResult } from '../imports.schemas.js';
import { findQuotes, inside, itemBounds, MASK, type Quote, type Span } from './clauses.js';
import {
  CAMPAIGN_WORD, CAMPAIGNS, CLAUSE_KINDS, COMPETITION_HEAD, COMPETITION_SECTION, CONFERENCE_HEAD, HEAD_NOMINATIVE, levelOfWord,
  MONTHS, RESULT_PATTERNS, TRAINING_TOPICS,
} from './dictionary.js';
import type { Guess, Mention, ParticipantMatcher } from './participants.js';
import { fold, wordsOf } from './text.js';

/** A proposal before it gets its key and confidence. */
export type Draft =
  | Omit<ProposalOf<'award'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'campaign'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'honour'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'training'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'jury'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'conference'>, 'key' | 'confidence'>
  | Omit<ProposalOf<'seminar'>, 'key' | 'confidence'>;

/** What the warnings say; the ones that mean «something is missing» make a proposal's confidence low. */
export const MISSING = {
  level: 'уровень не указан',
  participant: 'участник не найден',
  name: 'название не найдено',
  rank: 'степень диплома не указана',
  amount: 'сумма денежного поощрения не указана',
  date: 'дата не указана',
  people: (count: number | null) => (count ? `выберите сотрудников (в тексте — ${count})` : 'выберите сотрудников'),
} as const;
export const DOUBT = {
  /** An entry may have no award (participation); the reviewer checks the text did not state one. */
  result: 'результат не указан',
  unquotedName: 'название без кавычек — проверьте, где оно кончается',
  monthOnly: 'в тексте указан только месяц — уточните дату',
  kindUnclear: 'в тексте перечислены конференции и акции вместе — проверьте, что это конференция',
} as const;

interface Found<T> extends Span {
  value: T;
}

/** The context a clause is read in: the level of the current heading, the competition a clause may continue. */
interface ReadingState {
  sectionLevel: CompetitionLevel | null;
  previous: Segment | null;
  seminar: Omit<ProposalOf<'seminar'>, 'key' | 'confidence'> | null;
}

interface Segment extends Span {
  name: string;
  descriptive: boolean;
  level: CompetitionLevel | null;
  /** A contest within the competition («в конкурсе фотозон «…»»), kept as its nomination. */
  subContest: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const unique = <T>(values: T[]) => [...new Set(values)];

function earliestLongest<T extends Span>(spans: T[]): T[] {
  const kept: T[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.some((k) => k.start < span.end && span.start < k.end)) kept.push(span);
  }
  return kept;
}

/** One clause, read once: participants found and masked, quotes, items, results. */
class ClauseReading {
  readonly folded: string;
  readonly masked: string;
  readonly foldedMasked: string;
  readonly quotes: Quote[];
  readonly strayCloses: number[];
  readonly items: Span[];
  readonly results: Found<ProposedResult>[];

  constructor(readonly text: string, readonly mentions: Mention[]) {
    this.folded = fold(text);
    let masked = text;
    for (const m of mentions) masked = masked.slice(0, m.start) + MASK.repeat(m.end - m.start) + masked.slice(m.end);
    this.masked = masked;
    this.foldedMasked = fold(masked);
    ({ quotes: this.quotes, strayCloses: this.strayCloses } = findQuotes(text, masked));
    this.items = itemBounds(masked, this.quotes);
    this.results = earliestLongest(RESULT_PATTERNS.flatMap(({ pattern, result, ranked }) =>
      [...this.foldedMasked.matchAll(pattern)].map((m) => ({
        start: m.index, end: m.index + m[0].length,
        value: { result, rank: ranked ? Number(m[1]) : null, amountKopecks: null, note: '' },
      })))).filter((r) => !inside(r.start, this.quotes));
  }

  itemAt(position: number): Span {
    return this.items.find((item) => position >= item.start && position <= item.end) ?? this.items.at(-1)!;
  }

  /** The level named by an adjective among the few words before a position, within its item. */
  levelBefore(position: number, maxWords = 3): CompetitionLevel | null {
    const item = this.itemAt(position);
    const words = wordsOf(this.masked.slice(item.start, position)).slice(-maxWords).reverse();
    for (const word of words) {
      const level = levelOfWord(word.text);
      if (level) return level;
    }
    return null;
  }

  quoteAt(position: number): Quote | undefined {
    return this.quotes.find((q) => q.start === position);
  }

  heads(pattern: RegExp): Span[] {
    return [...this.foldedMasked.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
      .filter((head) => !inside(head.start, this.quotes));
  }

  /**
   * The name that follows a word like «конкурс»: the first quoted title before the name can have
   * ended, or else the words up to «в номинации», a dash, a participant or a stray closing quote.
   */
  nameAfter(head: Span): { name: string; descriptive: boolean; end: number } | null {
    for (let i = head.end; i < this.masked.length; i++) {
      const char = this.masked[i];
      const quote = char === '«' ? this.quoteAt(i) : undefined;
      if (quote) return { name: quote.inner, descriptive: false, end: quote.end };
      if (char === MASK || char === ':' || char === '»' || this.foldedMasked.startsWith(' в номинации', i)
        || this.masked.startsWith(' – ', i)) {
        return this.descriptiveName(head, i);
      }
    }
    return this.descriptiveName(head, this.masked.length);
  }

  private descriptiveName(head: Span, end: number): { name: string; descriptive: boolean; end: number } | null {
    const rest = this.text.slice(head.end, end).replace(/[\s–,]+$/u, '');
    if (!/\p{L}{2}/u.test(rest)) return null;
    const word = this.folded.slice(head.start, head.end);
    const nominative = HEAD_NOMINATIVE.find(([pattern]) => pattern.test(word))?.[1] ?? capitalise(word);
    return { name: `${nominative}${rest}`, descriptive: true, end };
  }

  /** «в номинации «…»» or «в номинации библиотечное мероприятие «Работа»»: the nomination and the work after it. */
  nominations(): Found<{ nomination: string; workTitle: string }>[] {
    const found: Found<{ nomination: string; workTitle: string }>[] = [];
    for (const m of this.foldedMasked.matchAll(/(?<![\p{L}])в номинации\s+/gu)) {
      if (inside(m.index, this.quotes)) continue;
      const from = m.index + m[0].length;
      const quote = this.quoteAt(from);
      if (quote) {
        found.push({ start: m.index, end: quote.end, value: { nomination: capitalise(quote.inner), workTitle: '' } });
        continue;
      }
      const stop = this.firstStop(from, ['«', MASK, ',', ' – ']);
      const nomination = this.text.slice(from, stop).trim();
      const work = this.workAfter(stop);
      found.push({ start: m.index, end: work?.end ?? stop, value: { nomination: capitalise(nomination), workTitle: work?.title ?? '' } });
    }
    for (const m of this.foldedMasked.matchAll(/(?<![\p{L}])название работы\s+/gu)) {
      const quote = this.quoteAt(m.index + m[0].length);
      if (quote) found.push({ start: m.index, end: quote.end, value: { nomination: '', workTitle: quote.inner } });
    }
    return found;
  }

  /** A work named right after a nomination: «… «Прикасаясь сердцем к подвигу»», «… – Литературный вечер «Я, конечно, вернусь…»». */
  private workAfter(position: number): { title: string; end: number } | null {
    let from = position;
    if (this.masked.startsWith(' – ', from)) from += 3;
    while (this.masked[from] === ' ') from++;
    const next = this.firstStop(from, ['«', MASK, ',']);
    const quote = this.masked[next] === '«' ? this.quoteAt(next) : undefined;
    if (!quote || this.results.some((r) => r.start >= from && r.start < next)) return null;
    const lead = this.text.slice(from, next).trim();
    return { title: lead ? `${lead} «${quote.inner}»` : quote.inner, end: quote.end };
  }

  private firstStop(from: number, stops: string[]): number {
    const result = this.results.find((r) => r.start >= from)?.start ?? this.masked.length;
    return Math.min(result, ...stops.map((stop) => {
      const at = this.masked.indexOf(stop, from);
      return at === -1 ? this.masked.length : at;
    }));
  }
}

const guessToParticipant = (guess: Guess): ProposedParticipant => {
  switch (guess.kind) {
    case 'branch': return { kind: 'branch', branchId: guess.branchId, staffMemberId: null, readerName: '' };
    case 'staff': return { kind: 'staff', branchId: guess.branchId, staffMemberId: guess.staffMemberId, readerName: '' };
    case 'reader': return { kind: 'reader', branchId: guess.branchId, staffMemberId: null, readerName: guess.readerName };
  }
};

/**
 * The participants of an item as separate entries: a branch named just before a staff member or a
 * reader is where they work or who prepared them («сотрудник центральной библиотеки Вялова А.В.»,
 * «сотрудница Центральной библиотеки подготовила нашу читательницу»), not another participant.
 */
function participantsOf(mentions: Mention[], matcher: ParticipantMatcher): { mention: Mention; participant: ProposedParticipant; doubts: string[] }[] {
  const people = mentions.filter((m) => m.guess.kind !== 'branch');
  const absorbed = new Set<Mention>();
  const out = people.map((person) => {
    const participant = guessToParticipant(person.guess);
    const doubts = [...person.doubts];
    const employer = mentions.filter((m) => m.guess.kind === 'branch' && m.end <= person.start).at(-1);
    if (employer && employer.guess.kind === 'branch') {
      absorbed.add(employer);
      if (participant.branchId === null) participant.branchId = employer.guess.branchId;
      else if (participant.branchId !== employer.guess.branchId) {
        doubts.push(`в тексте — «${matcher.branchName(employer.guess.branchId)}», в сети сотрудник работает в «${matcher.branchName(participant.branchId)}»`);
      }
    }
    if (participant.kind === 'reader' && participant.branchId === null) doubts.push('укажите филиал, подготовивший читателя');
    return { mention: person, participant, doubts };
  });
  const branches = mentions.filter((m) => m.guess.kind === 'branch' && !absorbed.has(m))
    .map((mention) => ({ mention, participant: guessToParticipant(mention.guess), doubts: [...mention.doubts] }));
  return [...out, ...branches].sort((a, b) => a.mention.start - b.mention.start);
}

export class ReportReader {
  private readonly state: ReadingState = { sectionLevel: null, previous: null, seminar: null };
  readonly drafts: Draft[] = [];

  constructor(private readonly matcher: ParticipantMatcher) {}

  read(clause: string): void {
    const folded = fold(clause);
    const reading = new ClauseReading(clause, this.matcher.find(clause));
    // Only the clause right after a competition's may continue it.
    const previous = this.state.previous;
    this.state.previous = null;
    if (CLAUSE_KINDS.seminar.test(folded)) return this.seminar(reading);
    this.state.seminar = null;
    if (CLAUSE_KINDS.jury.test(folded)) return this.jury(reading);
    if (CLAUSE_KINDS.training.test(folded)) return this.training(reading);
    if (CLAUSE_KINDS.conference.test(folded)) return this.conference(reading);
    if (!this.competitions(reading, previous)) this.campaignsAndHonours(reading);
  }

  private push(draft: Draft): void {
    this.drafts.push(draft);
  }

  // ——— Competitions ———

  private competitions(reading: ClauseReading, previous: Segment | null): boolean {
    const section = reading.heads(COMPETITION_SECTION)[0];
    if (section) this.state.sectionLevel = reading.levelBefore(section.start) ?? this.state.sectionLevel;
    const segments = this.segments(reading, COMPETITION_HEAD, this.state.sectionLevel);
    if (segments.length === 0) {
      // «3 степени – Средневасюганская сельская библиотека»: more of the previous competition.
      if (!previous || reading.mentions.length === 0 || reading.results.length === 0) return false;
      segments.push({ ...previous, start: 0, end: clauseEnd(reading) });
    }
    // A clause that opens with a level and a competition sets the level for the clauses after it.
    const first = wordsOf(reading.masked)[0]?.text ?? '';
    const opening = levelOfWord(first);
    if (opening && reading.heads(COMPETITION_HEAD).some((head) => head.start < 40)) this.state.sectionLevel = opening;
    for (const segment of segments) this.awards(reading, segment);
    this.state.previous = segments.at(-1)!;
    return true;
  }

  /** The competitions (or conferences) a clause names, each with the part of the clause that is about it. */
  private segments(reading: ClauseReading, headPattern: RegExp, defaultLevel: CompetitionLevel | null): Segment[] {
    const starts: (Segment & { headItem: Span })[] = [];
    const headsAndQuotes = [
      ...reading.heads(headPattern).map((head) => ({ head, quote: undefined })),
      ...reading.items.map((item) => {
        const at = item.start + (reading.masked.slice(item.start).length - reading.masked.slice(item.start).trimStart().length);
        return { head: undefined, quote: reading.quoteAt(at) };
      }).filter((q) => q.quote),
    ].sort((a, b) => (a.head ?? a.quote!).start - (b.head ?? b.quote!).start);

    for (const { head, quote } of headsAndQuotes) {
      const span = (head ?? quote)!;
      const item = reading.itemAt(span.start);
      const current = starts.at(-1);
      if (current && inside(span.start, [{ start: current.start, end: current.end }])) continue;
      const named = head ? reading.nameAfter(head) : { name: quote!.inner, descriptive: false, end: quote!.end };
      if (!named) continue;
      const precededByIn = /(?:^|\s)во?\s+(?:[\p{L}-]+\s+){0,2}$/u.test(reading.foldedMasked.slice(item.start, span.start));
      if (current && head && precededByIn && current.headItem.start === item.start) {
        current.subContest = `${HEAD_NOMINATIVE.find(([p]) => p.test(reading.folded.slice(head.start, head.end)))?.[1] ?? ''}${reading.text.slice(head.end, named.end)}`.trim();
        continue;
      }
      const level = head ? reading.levelBefore(head.start) : reading.levelBefore(span.start);
      starts.push({
        name: named.name, descriptive: named.descriptive, level: level ?? defaultLevel, subContest: '',
        start: starts.length === 0 ? 0 : item.start, end: named.end, headItem: item,
      });
    }
    return starts.map(({ headItem: _, ...segment }, i) => ({ ...segment, end: starts[i + 1]?.start ?? clauseEnd(reading) }));
  }

  private awards(reading: ClauseReading, segment: Segment): void {
    const items = reading.items.filter((item) => item.start >= segment.start && item.start < segment.end);
    const nominations = reading.nominations().filter((n) => n.start >= segment.start && n.start < segment.end);
    const entries: { participant: ReturnType<typeof participantsOf>[number] | null; results: ProposedResult[]; item: Span }[] = [];
    const defaults: ProposedResult[] = [];
    let waiting: typeof entries = [];
    for (const item of items) {
      const mentions = reading.mentions.filter((m) => m.start >= item.start && m.start < item.end);
      const results = reading.results.filter((r) => r.start >= item.start && r.start < item.end).map((r) => r.value);
      const participants = participantsOf(mentions, this.matcher).map((participant) => ({ participant, results: [...results], item }));
      if (participants.length) {
        entries.push(...participants);
        waiting = results.length ? [] : participants;
      } else if (results.length && waiting.length) {
        for (const entry of waiting) entry.results.push(...results);
        waiting = [];
      } else if (results.length && entries.length === 0) {
        defaults.push(...results);
      }
    }
    if (entries.length === 0) entries.push({ participant: null, results: [], item: { start: segment.start, end: segment.end } });
    const firstParticipant = entries[0]!.participant?.mention.start ?? segment.end;
    const segmentNomination = nominations.find((n) => n.start < firstParticipant);

    for (const entry of entries) {
      const results = entry.results.length ? entry.results : defaults;
      const own = entry.participant
        ? nominations.find((n) => n.start > entry.participant!.mention.start && n.start >= entry.item.start && n.start < entry.item.end)
        : undefined;
      const nomination = own ?? segmentNomination;
      const workTitle = nominations.find((n) => n.value.workTitle && !n.value.nomination && n.start >= entry.item.start && n.start < entry.item.end)?.value.workTitle
        ?? nomination?.value.workTitle ?? '';
      const participantText = entry.participant ? reading.text.slice(entry.participant.mention.start, entry.participant.mention.end) : '';
      const warnings = [
        ...(segment.level ? [] : [MISSING.level]),
        ...(entry.participant ? [] : [MISSING.participant]),
        ...(results.length ? [] : [DOUBT.result]),
        ...(results.some((r) => r.result === 'diploma' && r.rank === null) ? [MISSING.rank] : []),
        ...(results.some((r) => r.result === 'monetary') ? [MISSING.amount] : []),
        ...(entry.participant?.doubts ?? []),
        ...(segment.descriptive ? [DOUBT.unquotedName] : []),
      ];
      this.push({
        kind: 'award',
        source: reading.text.slice(segment.start, segment.end).trim(),
        warnings,
        competition: segment.name,
        level: segment.level,
        nomination: segment.subContest || (nomination?.value.nomination ?? ''),
        workTitle,
        participant: entry.participant?.participant ?? null,
        participantText,
        results,
      });
    }
  }

  // ——— Campaigns and letters of thanks ———

  private campaignsAndHonours(reading: ClauseReading): void {
    const branchIds = unique(reading.mentions.flatMap((m) => (m.guess.kind === 'branch' ? [m.guess.branchId] : [])));
    const participantText = reading.mentions.map((m) => reading.text.slice(m.start, m.end)).join(', ');
    for (const quote of reading.quotes) {
      const known = CAMPAIGNS.find(({ pattern }) => pattern.test(fold(quote.inner)));
      const called = [...reading.foldedMasked.matchAll(CAMPAIGN_WORD)].some((m) => m.index + m[0].length - 1 === quote.start);
      if (!known && !called) continue;
      const item = reading.itemAt(quote.start);
      const level = reading.levelBefore(quote.start, 20) ?? known?.level ?? null;
      this.push({
        kind: 'campaign', source: reading.text.slice(item.start, quote.end).trim(),
        warnings: [...(level ? [] : [MISSING.level]), ...(branchIds.length ? [] : [MISSING.participant])],
        name: quote.inner, level, branchIds, participantText,
      });
    }
    const letters = /(?<![\p{L}])(благодарственн\p{L}*\s+письм\p{L}*|благодарност\p{L}*|почетн\p{L}*\s+грамот\p{L}*)/u.exec(reading.foldedMasked);
    if (!letters) return;
    const from = / от\s+(.+?)(?=\s+за\s|$)/u.exec(reading.text.slice(letters.index));
    const reason = /(?<![\p{L}])за\s+.+$/u.exec(reading.text.slice(letters.index));
    this.push({
      kind: 'honour', source: reading.text,
      warnings: branchIds.length ? [] : [MISSING.participant],
      title: capitalise(reading.text.slice(letters.index, letters.index + letters[0].length)),
      fromOrganisation: from?.[1]?.trim() ?? '', reason: reason?.[0]?.trim() ?? '',
      branchIds, staffMemberIds: [], participantText,
    });
  }

  // ——— Jury, courses, conferences, seminars ———

  private jury(reading: ClauseReading): void {
    const head = reading.heads(COMPETITION_HEAD)[0];
    const named = head ? reading.nameAfter(head) : null;
    const level = head ? reading.levelBefore(head.start) : null;
    const expectedCount = peopleCount(reading.text);
    this.push({
      kind: 'jury', source: reading.text,
      warnings: [...(named ? [] : [MISSING.name]), ...(level ? [] : [MISSING.level]), MISSING.people(expectedCount)],
      competition: named?.name ?? '', level, staffMemberIds: [], expectedCount,
      suggestedBranchIds: this.suggestedBranches(reading), participantText: reading.text.slice(0, head?.start ?? reading.text.length).trim(),
    });
  }

  private training(reading: ClauseReading): void {
    const expectedCount = peopleCount(reading.text);
    const suggestedBranchIds = this.suggestedBranches(reading);
    const courses = reading.quotes.length
      ? reading.quotes.map((quote) => ({ course: quote.inner, topic: topicOf(quote.inner) }))
      : TRAINING_TOPICS.filter(({ pattern }) => pattern.test(reading.folded)).map(({ course, topic }) => ({ course, topic }));
    for (const { course, topic } of courses) {
      this.push({
        kind: 'training', source: reading.text,
        warnings: [MISSING.people(expectedCount), MISSING.date],
        course, topic, finishedOn: null, staffMemberIds: [], expectedCount, suggestedBranchIds,
        participantText: reading.text.slice(0, reading.quotes[0]?.start ?? 0).trim(),
      });
    }
  }

  /** Branches a clause names, with the public access centres for «ЦОДов». */
  private suggestedBranches(reading: ClauseReading): number[] {
    const named = reading.mentions.flatMap((m) => (m.guess.kind === 'branch' ? [m.guess.branchId] : []));
    return unique([...named, ...(/(?<![\p{L}])цод/u.test(reading.foldedMasked) ? this.matcher.publicAccessCentres : [])]);
  }

  private conference(reading: ClauseReading): void {
    const segments = this.segments(reading, CONFERENCE_HEAD, null);
    const mixed = /акци/u.test(reading.folded);
    for (const segment of segments) {
      const mentions = reading.mentions.filter((m) => m.start >= segment.start && m.start < segment.end);
      const participants = participantsOf(mentions, this.matcher);
      const branchIds = unique(participants.flatMap((p) => (p.participant.kind === 'branch' && p.participant.branchId ? [p.participant.branchId] : [])));
      const staffMemberIds = unique(participants.flatMap((p) => (p.participant.kind === 'staff' && p.participant.staffMemberId ? [p.participant.staffMemberId] : [])));
      const isConference = segment.descriptive || /конференци/u.test(fold(reading.text.slice(segment.start, segment.end)));
      this.push({
        kind: 'conference', source: reading.text.slice(segment.start, segment.end).replace(/^[\s,:]+/u, '').trim(),
        warnings: [
          ...(segment.level ? [] : [MISSING.level]),
          ...(branchIds.length + staffMemberIds.length ? [] : [MISSING.participant]),
          ...(mixed && !isConference ? [DOUBT.kindUnclear] : []),
          ...(segment.descriptive ? [DOUBT.unquotedName] : []),
        ],
        name: segment.name, level: segment.level, branchIds, staffMemberIds,
        participantText: mentions.map((m) => reading.text.slice(m.start, m.end)).join(', '),
      });
    }
  }

  private seminar(reading: ClauseReading): void {
    const current = this.state.seminar;
    if (current && reading.quotes.length === 0) {
      current.description = [current.description, reading.text].filter(Boolean).join('. ');
      return;
    }
    const month = new RegExp(`(?<![\\p{L}])в\\s+(${MONTHS.join('|')})\\p{L}*\\s+((?:19|20)\\d\\d)`, 'u').exec(reading.folded);
    const date = /(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)/.exec(reading.text);
    const heldOn = date
      ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`
      : month ? `${month[2]}-${String(MONTHS.indexOf(month[1]!) + 1).padStart(2, '0')}-01` : null;
    const title = reading.quotes[0]?.inner ?? '';
    const attendance = /(?:присутствовал\p{L}*|участвовал\p{L}*)\s+(.+)$/u.exec(reading.text);
    const draft = {
      kind: 'seminar' as const, source: reading.text,
      warnings: [...(title ? [] : [MISSING.name]), ...(heldOn ? (date ? [] : [DOUBT.monthOnly]) : [MISSING.date])],
      topic: title, heldOn, description: attendance ? `Присутствовали ${attendance[1]}` : '', attendeeStaffIds: [],
    };
    this.state.seminar = draft;
    this.push(draft);
  }
}

const clauseEnd = (reading: ClauseReading) => reading.text.length;

/** «8 сотрудников … и 6 сотрудников …» → 14. */
function peopleCount(text: string): number | null {
  const counts = [...fold(text).matchAll(/(?<!\d)(\d{1,3})\s+(?:сотрудник|библиотекар|работник|специалист)/gu)].map((m) => Number(m[1]));
  return counts.length ? counts.reduce((a, b) => a + b, 0) : null;
}

const DIGITAL = /консультант\s*плюс|госпаблик|цифров|компьютер|информационн\p{L}* технолог/u;

function topicOf(course: string) {
  const folded = fold(course);
  if (DIGITAL.test(folded)) return 'digital' as const;
  return TRAINING_TOPICS.find(({ pattern }) => pattern.test(folded))?.topic ?? null;
}
