/**
 * The catalogue's search index, held in the server's memory (docs/ARCHITECTURE.md, «Catalogue search» →
 * «The in-memory index»): for every record, the lexemes of its search vector with their positions and
 * weights, and the columns a search filters, facets and sorts by. PostgreSQL's own full-text index
 * answers a word with a bitmap of every matching row and then reads each row from the heap to rank,
 * facet and sort it — about a thousand scattered pages a search over a million records; here the same
 * work is a walk over arrays.
 *
 * Records live in slots, numbered in the order they were added. A changed record gets a new slot and its
 * old one is marked dead; a deleted record's slot is marked dead. Postings (lexeme → slots, each with its
 * positions) live in two segments: the main one, compact (one array per kind, postings grouped by lexeme,
 * in slot order), and the recent one, appended to as records arrive. When the recent segment grows past
 * an eighth of the main one, both are merged into a new main segment, dead slots dropped and slots
 * renumbered (`merge`). Every slot of the recent segment follows every slot of the main one, so a
 * lexeme's postings — main, then recent — are always in slot order.
 */
import type { IndexRow } from './catalogue-index.queries.js';
import { fnv1a } from '../../../../shared/hash.js';
import { Growable, Interner } from './growable.js';
import { parseTsvector } from './tsvector.js';

/** The sorted orders (a search's `sort` other than relevance). */
export type SortedKind = 'title' | 'year-desc' | 'year-asc';

/** The year of a record without one. */
export const NO_YEAR = -32768;
/** The recent segment is merged into the main one when it holds more postings than this and an eighth of the main one. */
const MERGE_MINIMUM = 200_000;

/** A title key's hash as the index stores it (signed, in an Int32Array). */
export const hashKey = (key: string): number => fnv1a(key) | 0;

/** A multi-valued column (languages, ББК divisions, author keys): each slot's codes, one after another. */
class ListColumn {
  readonly starts = new Growable(Uint32Array);
  readonly codes = new Growable(Int32Array);

  constructor(readonly values: Interner) {
    this.starts.push(0);
  }

  push(values: readonly string[]): void {
    for (const value of values) this.codes.push(this.values.code(value));
    this.starts.push(this.codes.length);
  }

  /** Appends slot `slot` of `from` (a merge copying live slots). */
  copy(from: ListColumn, slot: number): void {
    for (let i = from.starts.array[slot]!; i < from.starts.array[slot + 1]!; i++) this.codes.push(from.codes.array[i]!);
    this.starts.push(this.codes.length);
  }
}

/** The per-slot columns. */
class Slots {
  readonly ids = new Growable(Int32Array);
  readonly networks = new Growable(Int32Array);
  readonly years = new Growable(Int16Array);
  readonly alive = new Growable(Uint8Array);
  readonly documentTypes = new Growable(Uint16Array);
  /** 0: no rating, else the rating's code + 1. */
  readonly ageRatings = new Growable(Uint8Array);
  readonly languages: ListColumn;
  readonly bbkDivisions: ListColumn;
  readonly titleKeys: string[] = [];
  /** `hashKey` of each title key: an exact-title test reads the strings only where the hashes agree. */
  readonly titleHashes = new Growable(Int32Array);
  /** The primary authors' keys (search/keys.ts `authorKeysOf`): an exact author match compares codes. */
  readonly authorKeys: ListColumn;
  /** The ББК indexes as a ББК term matches them by prefix (search/keys.ts `bbkPrefixKey`). */
  readonly bbkKeys: ListColumn;
  readonly documentTypeValues: Interner;
  readonly ageRatingValues: Interner;

  constructor(previous?: Slots) {
    // A merge keeps the codes: the new columns share the value tables, and codes stay valid.
    this.documentTypeValues = previous?.documentTypeValues ?? new Interner();
    this.ageRatingValues = previous?.ageRatingValues ?? new Interner();
    this.languages = new ListColumn(previous?.languages.values ?? new Interner());
    this.bbkDivisions = new ListColumn(previous?.bbkDivisions.values ?? new Interner());
    this.authorKeys = new ListColumn(previous?.authorKeys.values ?? new Interner());
    this.bbkKeys = new ListColumn(previous?.bbkKeys.values ?? new Interner());
  }

  get count(): number {
    return this.ids.length;
  }

  push(row: IndexRow): number {
    const slot = this.ids.length;
    this.ids.push(row.id);
    this.networks.push(row.networkId);
    this.years.push(row.year === null || row.year < -32767 || row.year > 32767 ? NO_YEAR : row.year);
    this.alive.push(1);
    this.documentTypes.push(this.documentTypeValues.code(row.documentType));
    this.ageRatings.push(row.ageRating === null ? 0 : this.ageRatingValues.code(row.ageRating) + 1);
    this.languages.push(row.languages);
    this.bbkDivisions.push(row.bbkDivisions);
    this.titleKeys.push(row.titleKey);
    this.titleHashes.push(hashKey(row.titleKey));
    this.authorKeys.push(row.authorKeys);
    this.bbkKeys.push(row.bbkKeys);
    return slot;
  }

  copy(from: Slots, slot: number): void {
    this.ids.push(from.ids.array[slot]!);
    this.networks.push(from.networks.array[slot]!);
    this.years.push(from.years.array[slot]!);
    this.alive.push(1);
    this.documentTypes.push(from.documentTypes.array[slot]!);
    this.ageRatings.push(from.ageRatings.array[slot]!);
    this.languages.copy(from.languages, slot);
    this.bbkDivisions.copy(from.bbkDivisions, slot);
    this.titleKeys.push(from.titleKeys[slot]!);
    this.titleHashes.push(from.titleHashes.array[slot]!);
    this.authorKeys.copy(from.authorKeys, slot);
    this.bbkKeys.copy(from.bbkKeys, slot);
  }
}

/** One lexeme's postings in slot order: `slot` is the current one (Infinity past the end), its positions `positions[from..to)`. */
export class PostingCursor {
  slot = Infinity;
  positions: Uint16Array;
  from = 0;
  to = 0;
  /** The current posting in the main segment; at mainEnd, the cursor is in the recent one, at list[listIndex]. */
  private k = 0;
  private readonly mainEnd: number = 0;
  private listIndex = 0;
  private readonly list: number[] | undefined;

  /** `lexeme` -1 (no record has it): a cursor already past the end. */
  constructor(private readonly index: CatalogueIndex, lexeme: number) {
    const main = index.main;
    this.positions = main.positions;
    if (lexeme >= 0 && lexeme < main.lexemeCount) {
      this.k = main.lexemeStarts[lexeme]!;
      this.mainEnd = main.lexemeStarts[lexeme + 1]!;
    }
    this.list = lexeme >= 0 ? index.recentPostingsOf(lexeme) : undefined;
    this.load();
  }

  /** Moves to the next posting. */
  next(): void {
    if (this.k < this.mainEnd) this.k++;
    else this.listIndex++;
    this.load();
  }

  /** Moves to the first posting at or after `slot`; true when it is at `slot`. */
  seek(slot: number): boolean {
    if (this.slot >= slot) return this.slot === slot;
    const main = this.index.main;
    if (this.k < this.mainEnd && main.slots[this.mainEnd - 1]! >= slot) {
      // Gallop, then binary search, within the main run.
      let step = 1;
      let low = this.k;
      let high = this.k + 1;
      while (high < this.mainEnd && main.slots[high]! < slot) { low = high; high += step; step *= 2; }
      high = Math.min(high, this.mainEnd - 1);
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (main.slots[middle]! < slot) low = middle + 1;
        else high = middle;
      }
      this.k = low;
      this.load();
      return this.slot === slot;
    }
    this.k = this.mainEnd;
    this.load();
    while (this.slot < slot) this.next();
    return this.slot === slot;
  }

  private load(): void {
    if (this.k < this.mainEnd) {
      const main = this.index.main;
      this.slot = main.slots[this.k]!;
      this.positions = main.positions;
      this.from = main.positionStarts[this.k]!;
      this.to = main.positionStarts[this.k + 1]!;
      return;
    }
    const posting = this.list?.[this.listIndex];
    if (posting === undefined) {
      this.slot = Infinity;
      return;
    }
    const recent = this.index.recent;
    this.slot = recent.slots.array[posting]!;
    this.positions = recent.positions.array;
    this.from = recent.positionStarts.array[posting]!;
    this.to = recent.positionStarts.array[posting + 1]!;
  }
}

/** The compact segment: lexeme L's postings are [lexemeStarts[L], lexemeStarts[L + 1]). */
interface MainSegment {
  lexemeCount: number;
  lexemeStarts: Uint32Array;
  slots: Int32Array;
  positionStarts: Uint32Array;
  positions: Uint16Array;
}

/** The segment records are appended to: postings in slot order, each with its lexeme. */
class RecentSegment {
  readonly slots = new Growable(Int32Array);
  readonly lexemes = new Growable(Int32Array);
  readonly positionStarts = new Growable(Uint32Array);
  readonly positions = new Growable(Uint16Array);
  /**
   * Lexeme → its postings here, in slot order; built when a search first asks (a load appends a million
   * records and merges them before any search: building it then would be wasted), then kept up to date.
   */
  private byLexeme: Map<number, number[]> | null = null;

  constructor() {
    this.positionStarts.push(0);
  }

  get postingCount(): number {
    return this.slots.length;
  }

  /** Appends one posting. */
  push(slot: number, lexeme: number, positions: readonly number[]): void {
    const posting = this.slots.length;
    this.slots.push(slot);
    this.lexemes.push(lexeme);
    for (const position of positions) this.positions.push(position);
    this.positionStarts.push(this.positions.length);
    if (this.byLexeme) add(this.byLexeme, lexeme, posting);
  }

  postingsOf(lexeme: number): number[] | undefined {
    if (!this.byLexeme) {
      this.byLexeme = new Map();
      for (let posting = 0; posting < this.slots.length; posting++) add(this.byLexeme, this.lexemes.array[posting]!, posting);
    }
    return this.byLexeme.get(lexeme);
  }
}

/** Appends `value` to the list `map` keeps under `key` (postings by lexeme, slots by ББК key). */
function add(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const EMPTY_MAIN: MainSegment = {
  lexemeCount: 0, lexemeStarts: new Uint32Array(1), slots: new Int32Array(0), positionStarts: new Uint32Array(1), positions: new Uint16Array(0),
};

export class CatalogueIndex {
  slots = new Slots();
  /**
   * Each main-segment slot's place in the title order (title key, then id), made at a merge: the title sort
   * compares numbers, not strings, except for records added since.
   */
  titleRanks: Int32Array = new Int32Array(0);
  main: MainSegment = EMPTY_MAIN;
  recent = new RecentSegment();
  private readonly lexemeIds = new Map<string, number>();
  private slotOfId = new Map<number, number>();

  /** The number of slots, dead ones included (bitsets over slots are this long). */
  get slotCount(): number {
    return this.slots.count;
  }

  /** How many records the index holds. */
  get recordCount(): number {
    return this.slotOfId.size;
  }

  /** A lexeme's number, or -1 when no record has it. */
  lexemeId(lexeme: string): number {
    return this.lexemeIds.get(lexeme) ?? -1;
  }

  /** The slot of a record, or undefined when the index does not hold it. */
  slotOf(id: number): number | undefined {
    return this.slotOfId.get(id);
  }

  recentPostingsOf(lexeme: number): number[] | undefined {
    return this.recent.postingsOf(lexeme);
  }

  /** Whether a live record of the network has the lexeme. */
  hasLexemeInNetwork(lexeme: string, networkId: number): boolean {
    const { alive, networks } = this.slots;
    for (const cursor = this.cursor(this.lexemeId(lexeme)); cursor.slot !== Infinity; cursor.next()) {
      if (alive.array[cursor.slot] && networks.array[cursor.slot] === networkId) return true;
    }
    return false;
  }

  cursor(lexeme: number): PostingCursor {
    return new PostingCursor(this, lexeme);
  }

  /**
   * The slots of each ББК key (by code), in slot order, dead ones included: a ББК term reads the lists of the keys
   * it names instead of testing every record. Built when a search first asks, then appended to; a merge renumbers
   * the slots, so it drops them.
   */
  private bbkSlots: Map<number, number[]> | null = null;

  bbkSlotsOf(code: number): readonly number[] {
    if (!this.bbkSlots) {
      this.bbkSlots = new Map();
      for (let slot = 0; slot < this.slots.count; slot++) this.addBbkSlots(slot);
    }
    return this.bbkSlots.get(code) ?? [];
  }

  private addBbkSlots(slot: number): void {
    const { starts, codes } = this.slots.bbkKeys;
    for (let k = starts.array[slot]!; k < starts.array[slot + 1]!; k++) {
      add(this.bbkSlots!, codes.array[k]!, slot);
    }
  }

  private sortedOrders: Record<SortedKind, Int32Array> = { title: new Int32Array(0), 'year-desc': new Int32Array(0), 'year-asc': new Int32Array(0) };

  /** The slots the sorted orders cover: those of the last merge (the ones added since follow them). */
  get sortedSlotCount(): number {
    return this.sortedOrders.title.length;
  }

  /** The slots of the last merge in a sort's order, dead ones included (a browse walks it). */
  sortedSlots(kind: SortedKind): Int32Array {
    return this.sortedOrders[kind];
  }

  /**
   * A sort's order over slots: title key then id (by the title ranks where both slots have one), year descending
   * then id descending, year ascending then id; records without a year last either way.
   */
  compareSlots(kind: SortedKind): (a: number, b: number) => number {
    const { slots } = this;
    const ids = slots.ids.array;
    if (kind === 'title') {
      const titles = slots.titleKeys;
      const ranks = this.titleRanks;
      const ranked = ranks.length;
      return (a, b) => {
        if (a < ranked && b < ranked) return ranks[a]! - ranks[b]!;
        const x = titles[a]!;
        const y = titles[b]!;
        return x < y ? -1 : x > y ? 1 : ids[a]! - ids[b]!;
      };
    }
    const years = slots.years.array;
    const sign = kind === 'year-desc' ? -1 : 1;
    return (a, b) => {
      const x = years[a]!;
      const y = years[b]!;
      if (x !== y) {
        if (x === NO_YEAR) return 1;
        if (y === NO_YEAR) return -1;
        return sign * (x - y);
      }
      return sign * (ids[a]! - ids[b]!);
    };
  }

  /** Changes with every record added, replaced or removed (what is computed from the whole index keeps it). */
  version = 0;

  /** Adds a record, or replaces the stored version of it. */
  put(row: IndexRow): void {
    this.remove(row.id);
    this.version++;
    const slot = this.slots.push(row);
    this.slotOfId.set(row.id, slot);
    if (this.bbkSlots) this.addBbkSlots(slot);
    for (const entry of parseTsvector(row.vector)) {
      let lexeme = this.lexemeIds.get(entry.lexeme);
      if (lexeme === undefined) {
        lexeme = this.lexemeIds.size;
        this.lexemeIds.set(entry.lexeme, lexeme);
      }
      this.recent.push(slot, lexeme, entry.positions);
    }
  }

  remove(id: number): void {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return;
    this.slots.alive.array[slot] = 0;
    this.slotOfId.delete(id);
    this.version++;
  }

  /** Merges when the recent segment has grown large enough (see the top). */
  mergeIfLarge(): void {
    const postings = this.recent.postingCount;
    if (postings > MERGE_MINIMUM && postings > this.main.slots.length / 8) this.merge();
  }

  /**
   * One main segment from both, dead slots dropped and the live ones renumbered in order. Two passes
   * over the postings: count each lexeme's postings and positions, then place them — the main segment's
   * first, then the recent one's, which keeps every lexeme's postings in slot order.
   */
  merge(): void {
    const old = this.slots;
    const renumbered = new Int32Array(old.count).fill(-1);
    const slots = new Slots(old);
    for (let slot = 0; slot < old.count; slot++) {
      if (!old.alive.array[slot]) continue;
      renumbered[slot] = slots.count;
      slots.copy(old, slot);
    }
    const { main, recent } = this;
    const lexemeCount = this.lexemeIds.size;
    const postingCounts = new Uint32Array(lexemeCount + 1);
    const positionCounts = new Float64Array(lexemeCount + 1);
    for (let lexeme = 0; lexeme < main.lexemeCount; lexeme++) {
      for (let k = main.lexemeStarts[lexeme]!; k < main.lexemeStarts[lexeme + 1]!; k++) {
        if (renumbered[main.slots[k]!]! < 0) continue;
        postingCounts[lexeme + 1]!++;
        positionCounts[lexeme + 1]! += main.positionStarts[k + 1]! - main.positionStarts[k]!;
      }
    }
    const recentSlots = recent.slots.array;
    const recentLexemes = recent.lexemes.array;
    const recentStarts = recent.positionStarts.array;
    for (let p = 0; p < recent.postingCount; p++) {
      if (renumbered[recentSlots[p]!]! < 0) continue;
      postingCounts[recentLexemes[p]! + 1]!++;
      positionCounts[recentLexemes[p]! + 1]! += recentStarts[p + 1]! - recentStarts[p]!;
    }
    for (let lexeme = 0; lexeme < lexemeCount; lexeme++) {
      postingCounts[lexeme + 1]! += postingCounts[lexeme]!;
      positionCounts[lexeme + 1]! += positionCounts[lexeme]!;
    }
    const postingTotal = postingCounts[lexemeCount]!;
    const next: MainSegment = {
      lexemeCount,
      lexemeStarts: postingCounts.slice(),
      slots: new Int32Array(postingTotal),
      positionStarts: new Uint32Array(postingTotal + 1),
      positions: new Uint16Array(positionCounts[lexemeCount]!),
    };
    // postingCounts and positionCounts now serve as each lexeme's next place to write.
    const place = (lexeme: number, slot: number, positions: Uint16Array, from: number, to: number) => {
      const k = postingCounts[lexeme]!++;
      let write = positionCounts[lexeme]!;
      next.slots[k] = slot;
      next.positionStarts[k] = write;
      for (let i = from; i < to; i++) next.positions[write++] = positions[i]!;
      positionCounts[lexeme] = write;
    };
    for (let lexeme = 0; lexeme < main.lexemeCount; lexeme++) {
      for (let k = main.lexemeStarts[lexeme]!; k < main.lexemeStarts[lexeme + 1]!; k++) {
        const slot = renumbered[main.slots[k]!]!;
        if (slot >= 0) place(lexeme, slot, main.positions, main.positionStarts[k]!, main.positionStarts[k + 1]!);
      }
    }
    const recentPositions = recent.positions.array;
    for (let p = 0; p < recent.postingCount; p++) {
      const slot = renumbered[recentSlots[p]!]!;
      if (slot >= 0) place(recentLexemes[p]!, slot, recentPositions, recentStarts[p]!, recentStarts[p + 1]!);
    }
    next.positionStarts[postingTotal] = next.positions.length;
    this.main = next;
    this.recent = new RecentSegment();
    this.slots = slots;
    this.slotOfId = new Map();
    for (let slot = 0; slot < slots.count; slot++) this.slotOfId.set(slots.ids.array[slot]!, slot);
    this.bbkSlots = null;
    // The sorted orders of the merged slots (a few hundred milliseconds a million records, once a merge).
    const all = () => Int32Array.from({ length: slots.count }, (_, slot) => slot);
    this.titleRanks = new Int32Array(0); // until they are known, compareSlots('title') compares the title keys
    const titleOrder = all().sort(this.compareSlots('title'));
    this.titleRanks = new Int32Array(slots.count);
    titleOrder.forEach((slot, rank) => { this.titleRanks[slot] = rank; });
    this.sortedOrders = { title: titleOrder, 'year-desc': all().sort(this.compareSlots('year-desc')), 'year-asc': all().sort(this.compareSlots('year-asc')) };
  }
}

