/**
 * Expands the demo catalogue's tables (works × editions) into cataloguing forms. Deterministic: every
 * choice (which publishers' lines, years, page counts, ISBNs) comes from a PRNG seeded with the work's
 * heading and title, so the same data gives the same records on every start and in every test.
 */
import type { AgeRating, BibForm, BibFormPerson } from '../../modules/catalogue/index.js';
import { seededRandom } from '../../shared/random.js';
import { authorMark } from './author-mark.js';
import { IsbnAllocator } from './isbn.js';
import { PROFILE_EDITIONS, PROFILE_SLOTS } from './slots.js';
import type { Author, NonFiction, Slot, Work } from './types.js';

/** One demo record: the form and a stable control number (001) so editions never match each other on load. */
export interface DemoRecord {
  controlNumber: string;
  form: BibForm;
  /** What part of the catalogue it belongs to, for counting in tests and documentation. */
  kind: DemoKind;
}
export type DemoKind = 'russian-classics' | 'soviet-and-modern-classics' | 'children' | 'foreign' | 'modern' | 'non-fiction' | 'local-history';

export function buildCatalogue(sections: readonly { kind: DemoKind; authors?: readonly Author[]; nonFiction?: readonly NonFiction[] }[]): DemoRecord[] {
  const isbns = new IsbnAllocator();
  const records: DemoRecord[] = [];
  const push = (kind: DemoKind, form: BibForm) =>
    records.push({ kind, form, controlNumber: `KRG${String(records.length + 1).padStart(6, '0')}` });
  for (const section of sections) {
    for (const author of section.authors ?? []) {
      for (const work of author.works) for (const form of editionsOfWork(author, work, isbns)) push(section.kind, form);
    }
    for (const item of section.nonFiction ?? []) for (const form of editionsOfNonFiction(item, isbns)) push(section.kind, form);
  }
  return records;
}

function editionsOfWork(author: Author, [title, subtitle, extra = {}]: Work, isbns: IsbnAllocator): BibForm[] {
  const profile = extra.profile ?? author.profile;
  const slots = author.slots ?? (profile === 'modern' ? [] : PROFILE_SLOTS[profile]);
  if (slots.length === 0) throw new Error(`Нет издательских серий для «${title}»`);
  const random = seededRandom(`${author.name ?? ''}|${title}`);
  const count = Math.min(extra.editions ?? PROFILE_EDITIONS[profile], slots.length * 2);
  const pages = extra.pages ?? 320;
  const mainPersons: BibFormPerson[] = [
    ...(author.name ? [{ name: author.name, role: 'aut' }] : []),
    ...(extra.coauthors ?? []).map((name) => ({ name, role: 'aut' })),
  ];
  const heading = author.name ?? title;
  const forms: BibForm[] = [];
  // Start from a work-specific line so that not every work's first edition is from the same publisher.
  const offset = Math.floor(random() * Math.min(slots.length, 3));
  for (let i = 0; i < count; i++) {
    const slot = slots[(offset + i) % slots.length]!;
    const reprint = i >= slots.length;
    const persons = [
      ...mainPersons,
      ...(extra.with ?? []).map(([name, role]) => ({ name, role })),
      ...(i === 0 && extra.ill ? [{ name: extra.ill, role: 'ill' }] : []),
    ];
    forms.push(form({
      title, subtitle, persons, slot, random, isbns, reprint,
      pages: pages * (slot.pagesFactor ?? 1),
      illustrated: Boolean(slot.illustrated || (i === 0 && extra.ill)),
      bbk: author.bbk, udc: author.udc, mark: authorMark(heading),
      subjects: [...(author.subj ?? []), ...(extra.subj ?? [])],
      keywords: [...(author.kw ?? []), ...(extra.kw ?? [])],
      annotation: extra.ann ?? '',
      ageRating: extra.age ?? author.age,
    }));
  }
  return forms;
}

function editionsOfNonFiction(item: NonFiction, isbns: IsbnAllocator): BibForm[] {
  const random = seededRandom(`${item.authors?.[0] ?? ''}|${item.title}`);
  const persons = [
    ...(item.authors ?? []).map((name) => ({ name, role: 'aut' })),
    ...(item.with ?? []).map(([name, role]) => ({ name, role })),
  ];
  const heading = item.authors?.[0] ?? item.title;
  const forms: BibForm[] = [];
  const count = item.editions ?? 1;
  for (let i = 0; i < count; i++) {
    const slot = item.slots[i % item.slots.length]!;
    forms.push(form({
      title: item.title, subtitle: item.subtitle, persons, slot, random, isbns, reprint: i >= item.slots.length,
      responsibility: item.responsibility,
      pages: item.pages * (slot.pagesFactor ?? 1), illustrated: Boolean(item.illustrated || slot.illustrated),
      bbk: item.bbk, udc: item.udc, mark: authorMark(heading),
      subjects: item.subj, keywords: item.kw ?? [], annotation: item.ann ?? '', ageRating: item.age,
    }));
  }
  return forms;
}

function form(p: {
  title: string; subtitle: string; persons: BibFormPerson[]; responsibility?: string;
  slot: Slot; random: () => number; isbns: IsbnAllocator; reprint: boolean;
  pages: number; illustrated: boolean; bbk: string; udc: string; mark: string;
  subjects: readonly string[]; keywords: readonly string[]; annotation: string; ageRating: AgeRating;
}): BibForm {
  const { slot, random } = p;
  const [from, to] = slot.years;
  const year = from + Math.floor(random() * (to - from + 1));
  // Books are printed in sheets of 16 pages; a little variation between printings.
  const sheets = Math.max(1, Math.round((p.pages * (0.92 + random() * 0.16)) / 16));
  const extent = `${sheets * 16} с.${p.illustrated ? ' : ил.' : ''}`;
  const isbn = slot.isbnPrefix ? p.isbns.next(slot.isbnPrefix, random) : null;
  return {
    documentType: 'book',
    title: p.title,
    subtitle: p.subtitle,
    parallelTitle: '',
    contents: [],
    persons: p.persons,
    responsibility: p.responsibility ?? '',
    edition: p.reprint ? 'Переизд.' : slot.edition ?? '',
    place: slot.place, publisher: slot.publisher, year,
    extent,
    series: slot.series ? [slot.series] : [],
    isbns: isbn ? [isbn] : [],
    language: 'rus',
    bbk: p.bbk, authorMark: p.mark, udc: p.udc,
    // The data writes headings as librarians read them («Сибирь — в художественной литературе»); the
    // form's subdivision separator « -- » turns each part after the dash into its own subfield.
    subjects: unique(p.subjects.map((subject) => subject.replaceAll(' — ', ' -- '))), keywords: unique(p.keywords),
    annotation: p.annotation,
    ageRating: p.ageRating,
  };
}

const unique = (values: readonly string[]) => [...new Set(values)];

