/**
 * The cataloguing form (Contract 2): a record in librarians' terms ↔ MARC, for RUSMARC and MARC21.
 *
 * The form reads a record through the projection (`projectWith()`), so what the form shows is what search
 * and display show, and the mapping tables in `projection/` stay the one source of truth for "which tag and
 * subfield holds what". It reads and writes through the part of the table it owns (`FORM_MAPPINGS`): the
 * RUSMARC linking fields to a series or set (410, 461) and IRBIS's plain ББК field (621), which search and display
 * also read, are neither shown nor written by the form, and are kept as they are. Writing goes slot by slot: each form field (title, persons,
 * year…) is compared with what the record says now and rewritten only when it differs, touching only
 * the subfields that slot owns — so an unchanged form leaves the record byte for byte as it was, and
 * every field the form does not show (notes, holdings data, 801, local 9XX…) is kept.
 *
 * Invariants (tested on the corpus): `formFromRecord(recordFromForm(f, s), s)` equals `f` and
 * `formFromRecord(applyForm(r, s, f), s)` equals `f` for a normalised form (see `normaliseBibForm`:
 * trimmed text, authors first, no duplicate list entries). Lists come back in the record's order:
 * subjects are ordered by tag (600…607) as the projection reads them, and so are organisations (MARC21 lists the
 * added corporate bodies, 710, before the meetings, 711).
 */
import type { DataField, MarcField, MarcRecord, Subfield } from '../marc/record.js';
import type { MarcSchema } from '../marc/schema.js';
import type { PersonSource, SchemaMapping } from '../projection/mapping.js';
import { ageRatingOf, contentsItem, MAPPINGS, projectWith, type AgeRating, type BibProjection } from '../projection/project.js';

/** The mapping tables without the fields the form does not own: linking fields to a series or set, plain ББК. */
const formMapping = (mapping: SchemaMapping): SchemaMapping => ({
  ...mapping, series: mapping.series.filter((source) => !source.embedded), bbkPlain: [], volumeOfSet: undefined,
});
const FORM_MAPPINGS: Record<MarcSchema, SchemaMapping> = { marc21: formMapping(MAPPINGS.marc21), rusmarc: formMapping(MAPPINGS.rusmarc) };

export interface BibFormPerson {
  /** "Пушкин, Александр Сергеевич" (surname, comma, forenames or initials) or "Гомер". */
  name: string;
  /** MARC relator code: aut, com, edt, trl, ill… ('' when the record names no role of a secondary person). */
  role: string;
}

export const BIB_FORM_ORGANISATION_KINDS = ['organisation', 'meeting'] as const;
export type BibFormOrganisationKind = (typeof BIB_FORM_ORGANISATION_KINDS)[number];

/**
 * An organisation responsible for the work (a collective author, an editorial body, a publisher-institution) or a
 * meeting (конференция, съезд): MARC21 110/710 or 111/711, RUSMARC 710/711/712 (first indicator 0 or 1).
 */
export interface BibFormOrganisation {
  /**
   * As search and display show it: the name and its subordinate units joined by ". " («Российская академия наук.
   * Сибирское отделение», $a and $b); a new one is written whole in $a (see `writeOrganisations`).
   */
  name: string;
  /** MARC relator code (aut, edt, pbl…) or a role in words as the record gives it; '' when the record names none. */
  role: string;
  kind: BibFormOrganisationKind;
}

export const BIB_FORM_DOCUMENT_TYPES = ['book', 'serial', 'audio', 'video', 'electronic', 'map', 'music', 'other'] as const;
export type BibFormDocumentType = (typeof BIB_FORM_DOCUMENT_TYPES)[number];

export interface BibForm {
  documentType: BibFormDocumentType;
  title: string;
  /** Сведения, относящиеся к заглавию: «роман», «сказки». */
  subtitle: string;
  /** Parallel titles, several joined with " = ". */
  parallelTitle: string;
  /** Authors (role aut) first; the first author is the main entry. */
  persons: BibFormPerson[];
  /**
   * Organisations and meetings, authors first. The first organisation author is the main entry (MARC21 110/111,
   * RUSMARC 710) only when no person is an author. Absent (a caller older than the field): a new record gets none,
   * an edit keeps the record's.
   */
  organisations?: BibFormOrganisation[];
  /** As on the title page; '' → built from the persons (and shown as '' again while it matches them). */
  responsibility: string;
  edition: string;
  place: string;
  publisher: string;
  year: number | null;
  /** «318, [2] с. : ил. ; 21 см» — ISBD separators " : ", " ; ", " + " split it into subfields. */
  extent: string;
  /** Each series the book is in: «Школьная библиотека» or «Школьная библиотека ; вып. 3» (the number after the last " ; "). */
  series: string[];
  /** As typed (the record keeps them as written, RUSMARC 010 $a, MARC21 020 $a); validated by the use-cases, not here. */
  isbns: string[];
  /**
   * ISBNs printed wrong in the book, kept as printed and flagged (RUSMARC 010 $z, MARC21 020 $z: cancelled or
   * invalid): the projection lists them apart, among `invalidIsbns`. Absent (a caller older than the field): a new
   * record gets none, an edit keeps the record's.
   */
  invalidIsbns?: string[];
  /** ISSNs as typed (RUSMARC 011 $a, MARC21 022 $a). Absent: as for `invalidIsbns`. */
  issns?: string[];
  /** MARC language code ('rus'); '' for none. */
  language: string;
  /** ББК indexes, several joined with " ; ". */
  bbk: string;
  authorMark: string;
  /** УДК indexes, several joined with " ; ". */
  udc: string;
  /** Subject headings; subdivisions joined with " -- " («История -- Россия»). */
  subjects: string[];
  keywords: string[];
  /** Paragraphs separated by newlines. */
  annotation: string;
  /**
   * Содержание: the works a collection holds, one item each — «Выстрел / А. С. Пушкин», «Т. 1. Эмма»: the heading,
   * then « / » and its authors (RUSMARC 464 with 200 embedded, MARC21 505 enhanced).
   */
  contents: string[];
  ageRating: AgeRating | null;
}

/** The separators the form uses inside its one-line fields. */
export const LIST_SEPARATOR = ' ; ';
export const PARALLEL_SEPARATOR = ' = ';
export const SUBDIVISION_SEPARATOR = ' -- ';

/** An empty form (a new book in Russian, no age label chosen yet). */
export function emptyBibForm(): BibForm {
  return {
    documentType: 'book', title: '', subtitle: '', parallelTitle: '', persons: [], organisations: [], responsibility: '', edition: '',
    place: '', publisher: '', year: null, extent: '', series: [], isbns: [], invalidIsbns: [], issns: [], language: 'rus', bbk: '', authorMark: '',
    udc: '', subjects: [], keywords: [], annotation: '', contents: [], ageRating: null,
  };
}

/** Trims and collapses spaces, puts authors first, drops empty and repeated list entries. */
export function normaliseBibForm(form: BibForm): BibForm {
  const persons = form.persons
    .map((person) => ({ name: squeeze(person.name), role: person.role.trim() }))
    .filter((person) => person.name !== '');
  const organisations = (form.organisations ?? [])
    .map((organisation) => ({ name: squeeze(organisation.name), role: organisation.role.trim(), kind: organisation.kind }))
    .filter((organisation) => organisation.name !== '');
  const list = (items: string[]) => [...new Set(items.map(squeeze).filter(Boolean))];
  const numbers = (items: string[] = []) => [...new Set(items.map((item) => item.trim()).filter(Boolean))];
  return {
    documentType: form.documentType,
    title: squeeze(form.title),
    subtitle: squeeze(form.subtitle),
    parallelTitle: squeeze(form.parallelTitle).replace(/\s*=\s*/g, PARALLEL_SEPARATOR),
    persons: authorsFirst(persons),
    organisations: authorsFirst(organisations),
    responsibility: squeeze(form.responsibility),
    edition: squeeze(form.edition),
    place: splitList(form.place).join(LIST_SEPARATOR),
    publisher: splitList(form.publisher).join(LIST_SEPARATOR),
    year: form.year,
    extent: squeeze(form.extent),
    series: list(form.series),
    isbns: numbers(form.isbns),
    invalidIsbns: numbers(form.invalidIsbns),
    issns: numbers(form.issns),
    language: form.language.trim().toLowerCase(),
    bbk: [...new Set(splitList(form.bbk))].join(LIST_SEPARATOR),
    authorMark: squeeze(form.authorMark),
    udc: [...new Set(splitList(form.udc))].join(LIST_SEPARATOR),
    subjects: list(form.subjects.map(normaliseSubject)),
    keywords: list(form.keywords),
    annotation: form.annotation.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'),
    contents: list(form.contents.map(normaliseContentsItem)),
    ageRating: form.ageRating,
  };
}

/** Authors (role aut) first, each group in its order. */
function authorsFirst<T extends { role: string }>(entries: T[]): T[] {
  return [...entries.filter((entry) => entry.role === 'aut'), ...entries.filter((entry) => entry.role !== 'aut')];
}

/** «История--Россия » → «История -- Россия»: subdivisions joined by « -- », spaces squeezed. */
function normaliseSubject(subject: string): string {
  return subject.split(/\s*--\s*/).map(squeeze).filter(Boolean).join(SUBDIVISION_SEPARATOR);
}

/** The form for a stored record: what the form can show of it. */
export function formFromRecord(record: MarcRecord, schema: MarcSchema): BibForm {
  return formFromProjection(record, schema, projectWith(record, FORM_MAPPINGS[schema]));
}

function formFromProjection(record: MarcRecord, schema: MarcSchema, p: BibProjection): BibForm {
  const mapping = FORM_MAPPINGS[schema];
  const named = p.persons.filter((person) => person.kind === 'person')
    .map((person) => ({ name: person.name, role: person.roles[0] ?? (person.primary ? 'aut' : '') }));
  const persons = authorsFirst(named);
  return {
    documentType: (BIB_FORM_DOCUMENT_TYPES as readonly string[]).includes(p.documentType) ? p.documentType as BibFormDocumentType : 'other',
    title: p.title,
    subtitle: p.subtitle,
    parallelTitle: p.parallelTitles.join(PARALLEL_SEPARATOR),
    persons,
    organisations: authorsFirst(organisationsOf(record, schema).map(({ organisation }) => organisation)),
    responsibility: p.responsibility === responsibilityFromPersons(persons) ? '' : p.responsibility,
    edition: p.edition,
    place: p.place,
    publisher: p.publisher,
    year: p.year,
    extent: p.extent,
    series: p.series,
    isbns: writtenValues(record, mapping.isbn.tag, mapping.isbn.valid),
    invalidIsbns: writtenValues(record, mapping.isbn.tag, mapping.isbn.cancelled),
    issns: writtenValues(record, mapping.issn.tag, mapping.issn.codes),
    language: p.languages[0] ?? '',
    bbk: p.bbk.join(LIST_SEPARATOR),
    authorMark: p.authorMark,
    udc: p.udc.join(LIST_SEPARATOR),
    subjects: p.subjects,
    keywords: p.keywords,
    annotation: p.annotation,
    contents: p.contents,
    ageRating: p.ageRating,
  };
}

export interface RecordFromFormOptions {
  /** 001. */
  controlNumber?: string;
  /** Who made the record: MARC21 003 and 040, RUSMARC 801 $b (an organisation code such as the network's). */
  agency?: string;
  /** Date entered (RUSMARC 100, MARC21 008) and 005; defaults to now. */
  now?: Date;
}

/** A new record in the schema (RUSMARC by default for this network's own records) from the form. */
export function recordFromForm(form: BibForm, schema: MarcSchema, options: RecordFromFormOptions = {}): MarcRecord {
  const now = options.now ?? new Date();
  const fields: MarcField[] = [];
  if (options.controlNumber) fields.push({ tag: '001', value: options.controlNumber });
  if (options.agency && schema === 'marc21') fields.push({ tag: '003', value: options.agency });
  fields.push({ tag: '005', value: transactionTime(now) });
  if (schema === 'marc21') {
    // 008 for books: date entered, single date (set by the year), Russia, no attempt to code 18–34, language.
    fields.push({ tag: '008', value: `${yymmdd(now)}s    ${'    '}ru ${'|'.repeat(17)}   |d` });
    if (options.agency) fields.push(dataField('040', ' ', ' ', [['a', options.agency], ['b', 'rus'], ['e', 'rcr'], ['c', options.agency]]));
  } else {
    // 100 $a: date entered, publication date type and date (set by the year), audience unknown, not a
    // government publication, cataloguing language Russian, Unicode, Cyrillic title.
    fields.push(dataField('100', ' ', ' ', [['a', `${yyyymmdd(now)}d        u  y0rusy50      ba`]]));
    if (options.agency) fields.push(dataField('801', ' ', '0', [['a', 'RU'], ['b', options.agency], ['c', yyyymmdd(now)], ['g', 'rcr']]));
  }
  const leader = schema === 'marc21' ? '00000nam a2200000 i 4500' : '00000nam0 2200000 i 450 ';
  return applyFormTo({ leader, fields }, schema, form, true);
}

/** The record with the form's fields rewritten and every other field kept as it was. */
export function applyForm(record: MarcRecord, schema: MarcSchema, form: BibForm): MarcRecord {
  return applyFormTo(record, schema, form, false);
}

function applyFormTo(record: MarcRecord, schema: MarcSchema, form: BibForm, creating: boolean): MarcRecord {
  let current: MarcRecord = { leader: record.leader, fields: record.fields };
  // A new record holds none of the form's fields: every slot writes, in order, and nothing needs reading back
  // (re-projecting after each of ~20 writes made building the demo's 2,800 records take seconds).
  const mapping = FORM_MAPPINGS[schema];
  if (creating) {
    const target = normaliseBibForm(form);
    return SLOTS.reduce((built, slot) => slot.write(built, schema, target, mapping), current);
  }
  let projection = projectWith(current, mapping);
  let now = normaliseBibForm(formFromProjection(current, schema, projection));
  const before = now;
  // A list the caller does not send (one older than the field) stays as the record has it.
  const target = normaliseBibForm({
    ...form, invalidIsbns: form.invalidIsbns ?? now.invalidIsbns, issns: form.issns ?? now.issns, organisations: form.organisations ?? now.organisations,
  });
  for (const slot of SLOTS) {
    if (slot.equal(now, target, { projection, creating, before })) continue;
    current = slot.write(current, schema, target, mapping);
    projection = projectWith(current, mapping);
    now = normaliseBibForm(formFromProjection(current, schema, projection));
  }
  return current;
}

/** Sets 005 (date and time of latest transaction) to `now`, adding it after 001–004 when missing. */
export function touchRecord(record: MarcRecord, now: Date): MarcRecord {
  const value = transactionTime(now);
  if (record.fields.some((field) => field.tag === '005')) {
    return { ...record, fields: record.fields.map((field) => (field.tag === '005' ? { tag: '005', value } : field)) };
  }
  return { ...record, fields: placeInTagOrder(record.fields, [{ tag: '005', value }]) };
}

/**
 * The statement of responsibility built from the persons: «А. С. Пушкин ; художник И. Я. Билибин». Persons only: an
 * organisation is named there as the title page words it, which the cataloguer types in.
 */
export function responsibilityFromPersons(persons: BibFormPerson[]): string {
  const authors = persons.filter((person) => person.role === 'aut').map((person) => directOrder(person.name));
  const parts: string[] = [];
  if (authors.length > 0) parts.push(authors.length > 3 ? `${authors.slice(0, 3).join(', ')} [и др.]` : authors.join(', '));
  const byRole = new Map<string, string[]>();
  for (const person of persons) {
    if (person.role === 'aut') continue;
    byRole.set(person.role, [...(byRole.get(person.role) ?? []), directOrder(person.name)]);
  }
  for (const [role, names] of byRole) {
    const word = RESPONSIBILITY_WORDS[role];
    parts.push(word ? `${word} ${names.join(', ')}` : names.join(', '));
  }
  return parts.join(LIST_SEPARATOR);
}

/** Roles the form offers, with their names in librarians' words (ГОСТ Р 7.0.12 and common practice). */
export const PERSON_ROLES: { code: string; label: string }[] = [
  { code: 'aut', label: 'автор' },
  { code: 'com', label: 'составитель' },
  { code: 'edt', label: 'редактор' },
  { code: 'trl', label: 'переводчик' },
  { code: 'ill', label: 'художник' },
  { code: 'aui', label: 'автор предисловия' },
  { code: 'ann', label: 'комментатор' },
  { code: 'pht', label: 'фотограф' },
  { code: 'cmp', label: 'композитор' },
  { code: 'nrt', label: 'чтец' },
  { code: 'oth', label: 'другое' },
];

/**
 * Roles the form offers an organisation or a meeting: those of `PERSON_ROLES` an organisation can hold, and the
 * publisher-institution and the organiser of a meeting (the description words them: `RELATOR_LABELS`).
 */
export const ORGANISATION_ROLES: { code: string; label: string }[] = [
  ...PERSON_ROLES.filter((role) => ['aut', 'com', 'edt'].includes(role.code)),
  { code: 'pbl', label: 'издатель' },
  { code: 'orm', label: 'организатор' },
  ...PERSON_ROLES.filter((role) => role.code === 'oth'),
];

const hasPersonAuthor = (form: BibForm) => form.persons.some((person) => person.role === 'aut');

const RESPONSIBILITY_WORDS: Record<string, string> = {
  com: 'составитель', edt: 'редактор', trl: 'перевод', ill: 'художник', aui: 'предисловие', ann: 'комментарии',
  pht: 'фотографии', cmp: 'музыка', nrt: 'читает',
};

/** "Пушкин, Александр Сергеевич" → "А. С. Пушкин"; "Гомер" stays. */
function directOrder(name: string): string {
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const initials = initialsOf(name.slice(comma + 1));
  const surname = name.slice(0, comma).trim();
  return initials ? `${initials} ${surname}` : surname;
}

/** "Александр Сергеевич" → "А. С."; "А. С." stays; "Мария-Луиза" → "М.-Л.". */
function initialsOf(forenames: string): string {
  return forenames.trim().split(/\s+/).filter(Boolean)
    .map((word) => word.split('-').map((part) => (part ? `${part.replace(/\.$/, '').charAt(0)}.` : '')).join('-'))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Slots: one per form field (or group), each knowing how to compare and how to write itself.

interface Slot {
  /** `before`: the form of the record as it was before this edit (the current one is `current`, as earlier slots left it). */
  equal(current: BibForm, target: BibForm, context: { projection: BibProjection; creating: boolean; before: BibForm }): boolean;
  write(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord;
}

const same = <K extends keyof BibForm>(key: K) => (a: BibForm, b: BibForm) => JSON.stringify(a[key]) === JSON.stringify(b[key]);

/** Leader/06 and /07 for each document type (RUSMARC and MARC21 share these codes, except electronic). */
const LEADER_TYPE: Record<BibFormDocumentType, Record<MarcSchema, [string, string]>> = {
  book: { rusmarc: ['a', 'm'], marc21: ['a', 'm'] },
  serial: { rusmarc: ['a', 's'], marc21: ['a', 's'] },
  audio: { rusmarc: ['i', 'm'], marc21: ['i', 'm'] },
  video: { rusmarc: ['g', 'm'], marc21: ['g', 'm'] },
  electronic: { rusmarc: ['l', 'm'], marc21: ['m', 'm'] },
  map: { rusmarc: ['e', 'm'], marc21: ['e', 'm'] },
  music: { rusmarc: ['c', 'm'], marc21: ['c', 'm'] },
  other: { rusmarc: ['m', 'm'], marc21: ['o', 'm'] },
};

const SLOTS: Slot[] = [
  {
    equal: same('documentType'),
    write(record, schema, form) {
      const [type, level] = LEADER_TYPE[form.documentType][schema];
      const leader = record.leader.padEnd(24, ' ');
      return { ...record, leader: `${leader.slice(0, 6)}${type}${level}${leader.slice(8)}` };
    },
  },
  { equal: same('title'), write: (record, schema, form, mapping) => editTitleField(record, schema, mapping, (field) => {
    // The title shows the part's number and name after the main title («Задачи и этюды. Вып. 13»): while the edited
    // title still ends with them, only the main title changes and the part's subfields ($h, $i; $n, $p) stay.
    const parts = projectWith({ leader: record.leader, fields: [{ ...field, subfields: field.subfields.filter(([code]) => !mapping.title.title.includes(code)) }] }, mapping).title;
    if (parts && form.title.endsWith(`. ${parts}`)) {
      return replaceSubfields(field.subfields, mapping.title.title, [form.title.slice(0, -(parts.length + 2))], 'start');
    }
    const withoutParts = field.subfields.filter(([code]) => !mapping.title.parts.includes(code) || code === '');
    return replaceSubfields(withoutParts, mapping.title.title, form.title ? [form.title] : [], 'start');
  }) },
  { equal: same('subtitle'), write: (record, schema, form, mapping) => editTitleField(record, schema, mapping, (field) =>
    replaceSubfields(field.subfields, mapping.title.subtitle, form.subtitle ? [form.subtitle] : [], mapping.title.title)) },
  {
    equal: same('parallelTitle'),
    // A parallel-title field (RUSMARC 510, MARC21 246) whose title is still listed is kept as it is (its language $z,
    // its other subfields); one no longer listed goes; the others are written where the schema puts a new one.
    write(record, schema, form, mapping) {
      const titles = splitList(form.parallelTitle, PARALLEL_SEPARATOR);
      const { result, kept } = keepListedFields(record, titles,
        (field) => mapping.parallelTitles.some((source) => field.tag === source.tag && (source.ind2 === undefined || field.ind2 === source.ind2)),
        (field) => projectWith({ leader: record.leader, fields: [field] }, mapping).parallelTitles);
      const others = titles.filter((title) => !kept.has(title));
      if (mapping.title.parallel) {
        const code = mapping.title.parallel;
        return editTitleField(result, schema, mapping, (field) => replaceSubfields(field.subfields, code, others, mapping.title.title + mapping.title.parts));
      }
      const source = mapping.parallelTitles[0]!;
      return addFields(result, others.map((title) => dataField(source.tag, '3', source.ind2 ?? ' ', [[source.code, title]])));
    },
  },
  { equal: same('persons'), write: writePersons },
  {
    // Also rewritten when a person author comes or goes (the persons slot has just written them): an organisation
    // author then moves between the main entry and an added one. A record saved unchanged stays as it is, even one
    // whose main entry disagrees with that rule (a MARC21 record with both 100 and 110).
    equal: (current, target, { before }) => same('organisations')(current, target) && hasPersonAuthor(before) === hasPersonAuthor(target),
    write: writeOrganisations,
  },
  {
    // '' means "as the persons say": a new record gets the statement built from them, and so does a record
    // whose statement was typed and is now cleared; a record that never had one is not given one.
    equal: (_current, target, { projection, creating }) => {
      const text = target.responsibility || responsibilityFromPersons(target.persons);
      if (!target.responsibility && !creating && projection.responsibility === '') return true;
      return projection.responsibility === text;
    },
    write: (record, schema, form, mapping) => editTitleField(record, schema, mapping, (field) => {
      const text = form.responsibility || responsibilityFromPersons(form.persons);
      return replaceSubfields(field.subfields, mapping.title.responsibility, text ? [text] : [],
        mapping.title.title + mapping.title.parts + (mapping.title.parallel ?? '') + mapping.title.subtitle);
    }),
  },
  { equal: same('edition'), write: (record, schema, form, mapping) => editSingleField(record, schema, mapping.edition.tag, (subfields) =>
    replaceSubfields(subfields, mapping.edition.codes, form.edition ? [form.edition] : [], 'start')) },
  { equal: same('place'), write: (record, schema, form, mapping) => editPublication(record, schema, mapping, (subfields) =>
    replaceSubfields(subfields, mapping.publication.place, splitList(form.place), 'start')) },
  { equal: same('publisher'), write: (record, schema, form, mapping) => editPublication(record, schema, mapping, (subfields) =>
    replaceSubfields(subfields, mapping.publication.publisher, splitList(form.publisher), mapping.publication.place)) },
  { equal: same('year'), write: writeYear },
  {
    equal: same('extent'),
    write: (record, schema, form, mapping) => editSingleField(record, schema, mapping.extent.tag, (subfields) => {
      const owned = mapping.extent.parts.map(([code]) => code).join('');
      const kept = subfields.filter(([code]) => !owned.includes(code) || code === '');
      return [...extentSubfields(form.extent, mapping), ...kept];
    }),
  },
  {
    equal: same('series'),
    // A series field whose series is still listed stays as it is (its ISSN, its other subfields, the MARC21 830 beside
    // its 490); one no longer listed goes; a new series gets a field of its own.
    write(record, schema, form, mapping) {
      const { result, kept } = keepListedFields(record, form.series,
        (field) => mapping.series.some((source) => source.tag === field.tag), (field) => projectWith({ leader: record.leader, fields: [field] }, mapping).series);
      const source = mapping.series[0]!;
      return addFields(result, form.series.filter((text) => !kept.has(text)).map((text) => {
        const cut = text.lastIndexOf(LIST_SEPARATOR);
        const subfields: Subfield[] = cut > 0
          ? [[source.title, text.slice(0, cut)], [source.number, text.slice(cut + LIST_SEPARATOR.length)]]
          : [[source.title, text]];
        return punctuated(schema, dataField(source.tag, schema === 'marc21' ? '0' : '1', ' ', subfields));
      }));
    },
  },
  { equal: (current, target) => same('isbns')(current, target) && same('invalidIsbns')(current, target), write: writeIsbns },
  {
    equal: same('issns'),
    // An ISSN field still listed stays as it is (its cancelled $y/$z, ISSN-L $l, indicators); one no longer listed goes.
    write(record, _schema, form, mapping) {
      const { tag, codes } = mapping.issn;
      const issns = form.issns ?? [];
      const { result, kept } = keepListedFields(record, issns, (field) => field.tag === tag,
        (field) => writtenValues({ leader: record.leader, fields: [field] }, tag, codes));
      return addFields(result, issns.filter((issn) => !kept.has(issn)).map((issn) => dataField(tag, ' ', ' ', [[codes.charAt(0), issn]])));
    },
  },
  { equal: same('language'), write: writeLanguage },
  {
    equal: same('bbk'),
    write: (record, _schema, form, mapping) => writeValueFields(record, {
      matches: (field) => isBbkField(field, mapping), code: mapping.bbk.number, values: splitList(form.bbk),
      create: (value) => dataField(mapping.bbk.tag, ' ', ' ', [[mapping.bbk.number, value], [mapping.bbk.systemCode, 'rubbk']]),
      keepWhen: (field) => field.subfields.some(([code]) => code === mapping.bbk.itemNumber),
    }),
  },
  { equal: same('authorMark'), write: writeAuthorMark },
  {
    equal: same('udc'),
    write: (record, _schema, form, mapping) => writeValueFields(record, {
      matches: (field) => field.tag === mapping.udc.tag, code: mapping.udc.code, values: splitList(form.udc),
      create: (value) => dataField(mapping.udc.tag, ' ', ' ', [[mapping.udc.code, value]]),
    }),
  },
  { equal: same('subjects'), write: writeSubjects },
  {
    equal: same('keywords'),
    write: (record, schema, form, mapping) => writeValueFields(record, {
      matches: (field) => field.tag === mapping.keywords.tag, code: mapping.keywords.code, values: form.keywords,
      create: (value) => dataField(mapping.keywords.tag, schema === 'rusmarc' ? '0' : ' ', ' ', [[mapping.keywords.code, value]]),
    }),
  },
  { equal: same('annotation'), write: writeAnnotation },
  { equal: same('contents'), write: writeContents },
  { equal: same('ageRating'), write: writeAgeRating },
];

/** One paragraph of the annotation as the record holds it: a non-empty $a of a 330/520, and what the edit does to it. */
interface AnnotationParagraph {
  field: DataField;
  /** Its subfield's index in the field. */
  index: number;
  text: string;
  /** The paragraph of the form written in its place (its field, indicators and other subfields stay). */
  replacement?: string;
  dropped?: boolean;
  /** New paragraphs written just before / just after it. */
  before: string[];
  after: string[];
}

/**
 * Writes the annotation by editing the paragraphs the record has (one $a each, matched to the form's lines as a
 * longest common subsequence) instead of rewriting its fields: a paragraph still there stays byte for byte; a changed
 * one — between the same unchanged neighbours — is written into the $a of the one it replaces, so its field keeps
 * its indicators (MARC21 520 ind1: summary, review, abstract…) and its other subfields ($b expansion, $c source, $u
 * link, $3, $6 linkage); a paragraph taken away loses its $a, and its field goes once no paragraph is left in it; a
 * paragraph added gets a field of its own right after the paragraph before it (before the first, when added at the
 * top). A 330/520 with no $a (IRBIS uses 330 for other data) shows nothing on the form and is never touched. Before,
 * any change deleted every 330/520 and wrote bare ones.
 */
function writeAnnotation(record: MarcRecord, _schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const { tag, code } = mapping.annotation;
  const newField = (text: string) => dataField(tag, ' ', ' ', [[code, text]]);
  const held: AnnotationParagraph[] = dataFields(record, tag).flatMap((field) => field.subfields.flatMap(([c, value], index) =>
    (c === code && value.trim() !== '' ? [{ field, index, text: value.trim(), before: [], after: [] }] : [])));
  const wanted = form.annotation ? form.annotation.split('\n') : [];
  if (held.length === 0) return addFields(record, wanted.map(newField));
  // Between two unchanged paragraphs (or an end), the old ones are replaced by the new ones in turn; what is left over
  // of the old goes, what is left over of the new follows the last one written there.
  let previousHeld = -1;
  let previousWanted = -1;
  const unchanged: [number, number][] = [...commonSubsequence(held.map((paragraph) => paragraph.text), wanted), [held.length, wanted.length]];
  for (const [i, j] of unchanged) {
    const old = held.slice(previousHeld + 1, i);
    const added = wanted.slice(previousWanted + 1, j);
    old.forEach((paragraph, k) => {
      if (k < added.length) paragraph.replacement = added[k];
      else paragraph.dropped = true;
    });
    const rest = added.slice(old.length);
    const anchor = old.length > 0 && added.length > 0 ? old[Math.min(old.length, added.length) - 1] : held[previousHeld];
    if (anchor) anchor.after.push(...rest);
    else held[i]?.before.push(...rest);
    previousHeld = i;
    previousWanted = j;
  }
  const byField = new Map<MarcField, AnnotationParagraph[]>();
  for (const paragraph of held) byField.set(paragraph.field, [...(byField.get(paragraph.field) ?? []), paragraph]);
  return { ...record, fields: record.fields.flatMap((field) => {
    const paragraphs = byField.get(field);
    if (!paragraphs || !('subfields' in field)) return [field];
    const first = paragraphs[0]!;
    const last = paragraphs[paragraphs.length - 1]!;
    const subfields = field.subfields.flatMap((subfield, index): Subfield[] => {
      const paragraph = paragraphs.find((candidate) => candidate.index === index);
      if (!paragraph) return [subfield];
      const written: Subfield[] = paragraph.dropped ? [] : [[code, paragraph.replacement ?? subfield[1]]];
      // A field already holding several paragraphs (a repeated $a) takes a new one after a paragraph inside it there.
      return paragraph === last ? written : [...written, ...paragraph.after.map((text): Subfield => [code, text])];
    });
    const keepsParagraph = subfields.some(([c, value]) => c === code && value.trim() !== '');
    return [...first.before.map(newField), ...(keepsParagraph ? [{ ...field, subfields }] : []), ...last.after.map(newField)];
  }) };
}

/**
 * A contents item as the projection reads it back (`contentsItem`): squeezed, the ISBD punctuation at the ends of
 * its heading and authors gone. Repeated until nothing changes — one pass can leave a full stop the next removes
 * («Эмма..»).
 */
export function normaliseContentsItem(item: string): string {
  for (let current = item; ;) {
    const { heading, authors } = splitContentsItem(current);
    const next = contentsItem([heading], authors ? [authors] : []);
    if (next === current) return next;
    current = next;
  }
}

/** «Выстрел / А. С. Пушкин» → heading «Выстрел», authors «А. С. Пушкин» (at the first « / »). */
function splitContentsItem(item: string): { heading: string; authors: string } {
  const cut = item.indexOf(' / ');
  return cut < 0 ? { heading: item, authors: '' } : { heading: item.slice(0, cut), authors: item.slice(cut + 3) };
}

type ContentsSource = SchemaMapping['contents'][number];

/** One work of the record's contents as the form lists it, and what the edit does around and to it. */
interface ContentsOccurrence {
  item: string;
  kept: boolean;
  /** New items written just before / just after this one (in the same field, or as fields beside it). */
  before: string[];
  after: string[];
}

/**
 * A contents field cut into the pieces an edit can keep or drop one by one: the subfields of one work ($g $t $r…,
 * found by reading ever longer runs through the projection, so the cut is the projection's), a basic note's text
 * ($a «A -- B -- C», one part a work), and subfields of no work ($6/$8 linkage, a leading $u) — or, for a
 * linking field with its work embedded (RUSMARC 464 $1 200…), the whole field.
 */
type ContentsPiece =
  | { kind: 'other'; subfields: Subfield[] }
  | { kind: 'run'; subfields: Subfield[]; occurrence: ContentsOccurrence }
  | { kind: 'text'; subfield: Subfield; parts: { text: string; occurrence?: ContentsOccurrence }[] };

interface ContentsFieldPlan {
  field: DataField;
  source: ContentsSource;
  /** A linking field kept or dropped as a whole: its works, in order. */
  whole?: ContentsOccurrence[];
  pieces: ContentsPiece[];
}

/** ISBD's separator between the works of a MARC21 contents note (`contentsItems` splits $a text on it). */
const CONTENTS_TEXT_SEPARATOR = /\s+--\s*/;

/**
 * Writes the contents list by editing what is there, work by work (the list compared with the record's works as
 * a longest common subsequence): a work still listed keeps its subfields byte for byte — its $g volume, $r
 * authors, $u link, its field's indicators, $6/$8 and the other works of a second 505, the $1 700 author links of a
 * 464 —, a work no longer listed loses only its own subfields (its field goes when no work is left in it), and a
 * new or edited work is written where it stands in the list: in place of the work it replaces, else beside its
 * neighbour, in that field's style (a part of an $a note, a $t/$r run, a 464 of its own). Only a record with no
 * contents field gets a new one: RUSMARC one 464 a work, its 200 embedded (`$1 2001_ $a … $f …`, as the national
 * library writes them); MARC21 one enhanced 505 (`00 $t … / $r … -- $t …`). Rewriting the field whole, as before,
 * lost everything the list does not show. A work moved in the list is written anew at its new place.
 */
function writeContents(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const sourceOf = (field: MarcField) => ('subfields' in field ? mapping.contents.find((source) => source.tag === field.tag) : undefined);
  const itemsOf = (field: DataField, subfields = field.subfields) =>
    projectWith({ leader: record.leader, fields: [{ ...field, subfields }] }, mapping).contents.map(normaliseContentsItem);
  const occurrence = (item: string): ContentsOccurrence => ({ item, kept: false, before: [], after: [] });
  const plans = new Map<MarcField, ContentsFieldPlan>();
  for (const field of record.fields) {
    const source = sourceOf(field);
    if (!source || !('subfields' in field)) continue;
    if (source.embedded && field.subfields.some(([code]) => code === '1')) {
      plans.set(field, { field, source, whole: itemsOf(field).map(occurrence), pieces: [] });
      continue;
    }
    const pieces: ContentsPiece[] = [];
    let run: Subfield[] = [];
    let runItems: string[] = [];
    const closeRun = () => {
      if (run.length > 0) pieces.push(runItems.length === 1 ? { kind: 'run', subfields: run, occurrence: occurrence(runItems[0]!) } : { kind: 'other', subfields: run });
      run = [];
      runItems = [];
    };
    for (const subfield of field.subfields) {
      if (subfield[0] !== '' && source.text?.includes(subfield[0])) {
        closeRun();
        pieces.push({ kind: 'text', subfield, parts: subfield[1].split(CONTENTS_TEXT_SEPARATOR).map((text) => {
          const item = normaliseContentsItem(text);
          return item ? { text, occurrence: occurrence(item) } : { text };
        }) });
        continue;
      }
      const longer = itemsOf(field, [...run, subfield]);
      if (longer.length > runItems.length && run.length > 0) {
        closeRun();
        runItems = itemsOf(field, [subfield]);
      } else {
        runItems = longer;
      }
      run.push(subfield);
    }
    closeRun();
    plans.set(field, { field, source, pieces });
  }
  const occurrences = [...plans.values()].flatMap(contentsOccurrences);

  let matches = commonSubsequence(occurrences.map((entry) => entry.item), form.contents);
  // A linking field holding several works stays only if all of them stay, next to each other in the list.
  const split = new Set([...plans.values()].filter((plan) => plan.whole && plan.whole.length > 1).flatMap((plan) => {
    const listed = plan.whole!.map((entry) => matches.find(([i]) => occurrences[i] === entry)?.[1]);
    return listed.every((j, k) => j !== undefined && (k === 0 || j === listed[k - 1]! + 1)) ? [] : plan.whole!;
  }));
  matches = matches.filter(([i]) => !split.has(occurrences[i]!));
  for (const [i] of matches) occurrences[i]!.kept = true;
  // A work the record repeats (two takes of one song) is listed once, at its first occurrence (which the match
  // prefers): the later ones change nothing the form reads, so they stay while the first does.
  const keptItems = new Set<string>();
  for (const entry of occurrences) {
    if (entry.kept) keptItems.add(entry.item);
    else if (keptItems.has(entry.item)) entry.kept = true;
  }
  // The new items between two kept works go in place of the first work dropped there, else after the earlier kept work.
  if (occurrences.length > 0) [...matches, [occurrences.length, form.contents.length] as const].forEach(([i, j], k) => {
    const [previousI, previousJ] = k > 0 ? matches[k - 1]! : [-1, -1];
    const additions = form.contents.slice(previousJ + 1, j);
    if (additions.length === 0) return;
    if (i > previousI + 1) occurrences[previousI + 1]!.before.push(...additions);
    else if (previousI >= 0) occurrences[previousI]!.after.push(...additions);
    else occurrences[i]!.before.push(...additions);
  });
  const unplaced = occurrences.length === 0 ? form.contents : [];

  const fields = record.fields.flatMap((field): MarcField[] => {
    const plan = plans.get(field);
    if (!plan) return [field];
    if (plan.whole) {
      const newFields = (items: string[]) => newContentsFields(schema, plan.source, items);
      return [...newFields(plan.whole.flatMap((entry) => entry.before)), ...(plan.whole.every((entry) => entry.kept) ? [field] : []),
        ...newFields(plan.whole.flatMap((entry) => entry.after))];
    }
    return rebuildContentsField(plan, schema);
  });
  return addFields({ ...record, fields }, newContentsFields(schema, mapping.contents[0]!, unplaced));
}

/** A contents field with its works dropped and added as planned; the same object when nothing changed in it. */
function rebuildContentsField(plan: ContentsFieldPlan, schema: MarcSchema): DataField[] {
  const changed = (entry: ContentsOccurrence) => !entry.kept || entry.before.length > 0 || entry.after.length > 0;
  /** Dropped with nothing written in its place. */
  const isGone = (entry: ContentsOccurrence) => !entry.kept && entry.before.length === 0 && entry.after.length === 0;
  const occurrences = contentsOccurrences(plan);
  if (!occurrences.some(changed)) return [plan.field];
  if (occurrences.every(isGone)) return [];
  // Subfields kept as they are, and the runs of works (whose ISBD separators are set once all are known).
  const blocks = plan.pieces.flatMap((piece): ContentsRun[] => {
    if (piece.kind === 'other') return [{ subfields: piece.subfields, isNew: false, isWork: false }];
    if (piece.kind === 'text') {
      if (!piece.parts.some((part) => part.occurrence && changed(part.occurrence))) return [{ subfields: [piece.subfield], isNew: false, isWork: false }];
      // A part that is no work (the empty one after a closing « --») stays as written.
      const texts = piece.parts.flatMap((part) => part.occurrence
        ? [...part.occurrence.before, ...(part.occurrence.kept ? [part.text] : []), ...part.occurrence.after] : [part.text]);
      const holdsWork = piece.parts.some((part) => part.occurrence && !isGone(part.occurrence));
      return holdsWork ? [{ subfields: [[piece.subfield[0], texts.join(' -- ').trimEnd()]], isNew: true, isWork: false }] : [];
    }
    const { before, kept, after } = piece.occurrence;
    const added = (items: string[]) => items.map((item): ContentsRun => ({ subfields: contentsRun(schema, plan.source, item), isNew: true, isWork: true }));
    return [...added(before), ...(kept ? [{ subfields: piece.subfields, isNew: false, isWork: true }] : []), ...added(after)];
  });
  if (schema === 'marc21') separateContentsRuns(blocks.filter((block) => block.isWork));
  return [{ ...plan.field, subfields: blocks.flatMap((block) => block.subfields) }];
}

function contentsOccurrences(plan: ContentsFieldPlan): ContentsOccurrence[] {
  return plan.whole ?? plan.pieces.flatMap((piece) =>
    piece.kind === 'run' ? [piece.occurrence] : piece.kind === 'text' ? piece.parts.flatMap((part) => part.occurrence ?? []) : []);
}

interface ContentsRun { subfields: Subfield[]; isNew: boolean; isWork: boolean }

/** One work's subfields: title, then authors (MARC21 with ISBD's « /» between them). */
function contentsRun(schema: MarcSchema, source: ContentsSource, item: string): Subfield[] {
  const { heading, authors } = splitContentsItem(item);
  const [titleCode, authorsCode] = [source.title.charAt(0), source.responsibility.charAt(0)];
  if (!authors) return [[titleCode, heading]];
  return [[titleCode, schema === 'marc21' ? `${heading} /` : heading], [authorsCode, authors]];
}

/**
 * ISBD « --» after a new work that is not the last of its note, and after a kept work a new one now follows. Kept
 * works otherwise keep their punctuation as written (the projection drops it either way).
 */
function separateContentsRuns(runs: ContentsRun[]): void {
  runs.forEach((run, index) => {
    if (index === runs.length - 1 || !(run.isNew || runs[index + 1]!.isNew)) return;
    const last = run.subfields.length - 1;
    const [code, value] = run.subfields[last]!;
    if (!/\s--\s*$/.test(value)) run.subfields = [...run.subfields.slice(0, last), [code, `${value.trimEnd()} --`]];
  });
}

/** New contents fields: RUSMARC one 464 a work, its 200 embedded; MARC21 one enhanced 505 00 for all. */
function newContentsFields(schema: MarcSchema, source: ContentsSource, items: string[]): DataField[] {
  if (items.length === 0) return [];
  if (source.embedded) return items.map((item) => dataField(source.tag, ' ', '0', [['1', `${source.embedded}1 `], ...contentsRun(schema, source, item)]));
  const runs = items.map((item): ContentsRun => ({ subfields: contentsRun(schema, source, item), isNew: true, isWork: true }));
  if (schema === 'marc21') separateContentsRuns(runs);
  return [dataField(source.tag, '0', '0', runs.flatMap((run) => run.subfields))];
}

/** Index pairs [i, j] of a longest common subsequence of `a` and `b`, in order (the classic table, lists are short). */
function commonSubsequence(a: string[], b: string[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    // On a tie, `b` moves on: of two equal items of `a`, the first is matched.
    else if (table[i + 1]![j]! > table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function writePersons(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const personSources = mapping.persons.filter((source) => source.kind === 'person');
  const isPersonField = (field: MarcField): field is DataField => 'subfields' in field && personSources.some((source) => source.tag === field.tag);
  // An existing field of the same name is reused — the same role first — so its other subfields (dates, $3 and
  // $0 authority links, fuller forms) survive: only its tag follows the person's place in the list, and its role
  // subfields are rewritten when the role changed or the field moved between main and added entry.
  const existing = record.fields.filter(isPersonField).map((field) => {
    const person = formFromRecord({ leader: record.leader, fields: [field] }, schema).persons[0];
    return { field, person };
  });
  const used = new Set<DataField>();
  const take = (found: (typeof existing)[number] | undefined) => {
    if (found) used.add(found.field);
    return found;
  };
  let authorIndex = 0;
  const fields = form.persons.map((person) => {
    const isAuthor = person.role === 'aut';
    const tag = schema === 'rusmarc'
      ? (isAuthor ? (authorIndex++ === 0 ? '700' : '701') : '702')
      : (isAuthor && authorIndex++ === 0 ? '100' : '700');
    const unused = existing.filter((entry) => !used.has(entry.field) && entry.person?.name === person.name);
    const reuse = take(unused.find((entry) => entry.person!.role === person.role) ?? unused[0]);
    if (!reuse) return personField(schema, mapping, tag, person);
    // A field moved between a main and an added entry gets its role written out: a main entry's author needs none.
    if (reuse.person!.role === person.role && primaryOf(mapping, reuse.field.tag) === primaryOf(mapping, tag)) return { ...reuse.field, tag };
    const roleCodes = [mapping.relatorCodeSubfield, mapping.relatorTermSubfield];
    return { ...reuse.field, tag, subfields: [...reuse.field.subfields.filter(([code]) => !roleCodes.includes(code)), ...roleSubfields(schema, mapping, person.role)] };
  });
  return addFields(removeFields(record, isPersonField), fields);
}

/**
 * The mapping's organisation and meeting tags (MARC21 110, 111, 710, 711; RUSMARC 710, 711, 712). RUSMARC has no
 * meeting tags of its own: there a meeting (конференция, съезд) is an organisation field with first indicator 1,
 * a corporate body one with 0.
 */
const organisationSources = (mapping: SchemaMapping): PersonSource[] => mapping.persons.filter((source) => source.kind !== 'person');
const hasMeetingTags = (mapping: SchemaMapping) => mapping.persons.some((source) => source.kind === 'meeting');
const ORGANISATION_IND1: Record<BibFormOrganisationKind, string> = { organisation: '0', meeting: '1' };

/**
 * The organisations of a record with their fields, in the order search and display list them (the mapping's tags in
 * turn): each field read alone through the projection; its kind is its tag's, or (RUSMARC) its first indicator's. A
 * field with no name shows nothing on the form and is left as it is.
 */
function organisationsOf(record: MarcRecord, schema: MarcSchema): { field: DataField; organisation: BibFormOrganisation }[] {
  const mapping = FORM_MAPPINGS[schema];
  return organisationSources(mapping).flatMap((source) => dataFields(record, source.tag).flatMap((field) => {
    const read = projectWith({ leader: record.leader, fields: [field] }, mapping).persons[0];
    if (!read) return [];
    const meeting = hasMeetingTags(mapping) ? source.kind === 'meeting' : field.ind1 === ORGANISATION_IND1.meeting;
    return [{ field, organisation: { name: read.name, role: read.roles[0] ?? (read.primary ? 'aut' : ''), kind: meeting ? 'meeting' as const : 'organisation' as const } }];
  }));
}

/**
 * Where an organisation is written, by the mapping's organisation tags: the main entry is its kind's primary tag
 * (MARC21 110 or 111, RUSMARC 710); an added entry its kind's other tag (MARC21 710 or 711). RUSMARC has two: 711,
 * alternative responsibility, listed first, for another author (as 701 for persons) and 712, secondary
 * responsibility, for an editor, a publisher…
 */
function organisationTag(mapping: SchemaMapping, kind: BibFormOrganisationKind, place: 'main' | 'author' | 'other'): string {
  const ofKind = organisationSources(mapping).filter((source) => source.kind === (hasMeetingTags(mapping) ? kind : 'organisation'));
  if (place === 'main') return ofKind.find((source) => source.primary)!.tag;
  const added = ofKind.filter((source) => !source.primary);
  return (place === 'author' ? added[0] : added[added.length - 1])!.tag;
}

/**
 * Writes the organisations as `writePersons` writes the persons. The first organisation author is the main entry
 * (MARC21 110/111, RUSMARC 710) only when no person is an author — a person author keeps the main entry (100/700) and
 * an organisation author is then an added entry with its role (MARC21 710/711 $4 aut, RUSMARC 711 $4 070). Each field
 * is reused when it can be, so its subfields the form does not show (authority links $3/$0, a meeting's number,
 * date and place, $5…) survive: a field of the same name first (the same role and kind first), then, in turn, the
 * fields no longer listed for the names that are new — an organisation whose name was corrected keeps its field. A
 * reused field changes only in what changed: its tag by its place (and kind, MARC21 110 ↔ 111), its first indicator
 * (RUSMARC, by kind), its role subfields ($4, MARC21 $e, as the projection reads them) when the role changed or it
 * moved between main and added entry, and its name (`renamedSubfields`). A field with no name is not the form's and
 * stays; a new organisation gets a field of its own with the whole name in $a.
 */
function writeOrganisations(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const wanted = form.organisations ?? [];
  const existing = organisationsOf(record, schema);
  const reused = new Array<(typeof existing)[number] | undefined>(wanted.length);
  const used = new Set<DataField>();
  wanted.forEach((organisation, index) => {
    const sameName = existing.filter((entry) => !used.has(entry.field) && entry.organisation.name === organisation.name);
    const found = sameName.find((entry) => entry.organisation.role === organisation.role && entry.organisation.kind === organisation.kind) ?? sameName[0];
    if (found) used.add(found.field);
    reused[index] = found;
  });
  const unused = existing.filter((entry) => !used.has(entry.field));
  wanted.forEach((_, index) => {
    if (!reused[index]) reused[index] = unused.shift();
  });
  let authors = hasPersonAuthor(form) ? 1 : 0;
  const fields = wanted.map((organisation, index): DataField => {
    const place = organisation.role !== 'aut' ? 'other' : authors++ === 0 ? 'main' : 'author';
    const tag = organisationTag(mapping, organisation.kind, place);
    const ind1 = hasMeetingTags(mapping) ? '2' : ORGANISATION_IND1[organisation.kind];
    const entry = reused[index];
    if (!entry) return dataField(tag, ind1, hasMeetingTags(mapping) ? ' ' : '2', [['a', organisation.name], ...roleSubfields(schema, mapping, organisation.role)]);
    const { field, organisation: was } = entry;
    let subfields = was.name === organisation.name ? field.subfields : renamedSubfields(record, field, organisation.name, mapping);
    if (was.role !== organisation.role || primaryOf(mapping, field.tag) !== primaryOf(mapping, tag)) {
      const roleCodes = [mapping.relatorCodeSubfield, mapping.relatorTermSubfield];
      subfields = [...subfields.filter(([code]) => !roleCodes.includes(code)), ...roleSubfields(schema, mapping, organisation.role)];
    }
    return { ...field, tag, ind1: hasMeetingTags(mapping) || was.kind === organisation.kind ? field.ind1 : ind1, subfields };
  });
  const held = new Set(existing.map((entry) => entry.field));
  return addFields(removeFields(record, (field) => held.has(field as DataField)), fields);
}

/**
 * The subfields of an organisation's field given a new name. The name shows the field's $a and its subordinate
 * units ($b) joined by ". ", so the $b stay editable there: while the name still ends with the units, only the $a
 * changes; while it still starts with the $a, the units are rewritten as one $b; otherwise the whole name goes to $a
 * and the units go. The field's other subfields stay where they are.
 */
function renamedSubfields(record: MarcRecord, field: DataField, name: string, mapping: SchemaMapping): Subfield[] {
  const nameOf = (subfields: Subfield[]) => projectWith({ leader: record.leader, fields: [{ ...field, subfields }] }, mapping).persons[0]?.name ?? '';
  const units = mapping.organisationSubunits;
  const isUnit = ([code]: Subfield) => code !== '' && units.includes(code);
  const withName = (subfields: Subfield[], value: string): Subfield[] => {
    const at = subfields.findIndex(([code]) => code === 'a');
    return at < 0 ? [['a', value], ...subfields] : subfields.map((subfield, i): Subfield => (i === at ? ['a', value] : subfield));
  };
  const unitsText = nameOf(field.subfields.filter(([code]) => code !== 'a'));
  const headText = nameOf(field.subfields.filter((subfield) => !isUnit(subfield)));
  const candidates: Subfield[][] = [];
  if (unitsText && name.endsWith(`. ${unitsText}`)) candidates.push(withName(field.subfields, name.slice(0, -(unitsText.length + 2))));
  if (headText && name.startsWith(`${headText}. `)) {
    const withoutUnits = field.subfields.filter((subfield) => !isUnit(subfield));
    const at = withoutUnits.findIndex(([code]) => code === 'a') + 1;
    candidates.push([...withoutUnits.slice(0, at), [units.charAt(0), name.slice(headText.length + 2)], ...withoutUnits.slice(at)]);
  }
  const whole = withName(field.subfields.filter((subfield) => !isUnit(subfield)), name);
  return candidates.find((subfields) => nameOf(subfields) === name) ?? whole;
}

const primaryOf = (mapping: SchemaMapping, tag: string) => mapping.persons.find((source) => source.tag === tag)?.primary ?? false;

/**
 * A role as the record writes it: a known relator code in the code subfield ($4); a role in words (as an
 * imported record gave it) in MARC21's term subfield ($e) — RUSMARC has none, so there it is not written.
 */
/**
 * For a list slot whose items each come from a field of their own (series, parallel titles, subjects): the record
 * without the fields `owns` whose items (`itemsOf`, read from the field alone, normalised as the form is) are not all
 * in `listed`, and the items of the fields kept. A field still listed stays as it is, with the subfields the form
 * does not show. A field that shows nothing on the form (a 607 with only a period $h) is not the form's to remove.
 */
function keepListedFields(record: MarcRecord, listed: string[], owns: (field: DataField) => boolean, itemsOf: (field: DataField) => string[]) {
  const wanted = new Set(listed);
  const kept = new Set<string>();
  const result = removeFields(record, (field) => {
    if (!('subfields' in field) || !owns(field)) return false;
    const items = itemsOf(field);
    const keep = items.every((item) => wanted.has(item));
    if (keep) items.forEach((item) => kept.add(item));
    return !keep;
  });
  return { result, kept };
}

/** A MARC relator code (three small Latin letters) or a UNIMARC one (three digits). */
const RELATOR_CODE = /^(?:[a-z]{3}|\d{3})$/;

function roleSubfields(schema: MarcSchema, mapping: SchemaMapping, role: string): Subfield[] {
  if (!role) return [];
  if (RELATOR_CODE.test(role)) return [[mapping.relatorCodeSubfield, relatorCodeFor(schema, mapping, role)]];
  return mapping.relatorTermSubfield ? [[mapping.relatorTermSubfield, role]] : [];
}

/** RUSMARC: $a surname, $b initials, $g forenames, $4 UNIMARC relator code. MARC21: $a "Surname, Forenames", $4. */
function personField(schema: MarcSchema, mapping: SchemaMapping, tag: string, person: BibFormPerson): DataField {
  const relator = roleSubfields(schema, mapping, person.role);
  // A primary person without a role is read back as an author; a secondary one keeps its role empty.
  if (schema === 'marc21') {
    return dataField(tag, person.name.includes(',') ? '1' : '0', ' ', [['a', person.name], ...relator]);
  }
  const comma = person.name.indexOf(',');
  if (comma < 0) return dataField(tag, ' ', '0', [['a', person.name], ...relator]);
  const surname = person.name.slice(0, comma).trim();
  const forenames = person.name.slice(comma + 1).trim();
  const initials = initialsOf(forenames);
  return dataField(tag, ' ', '1', [['a', surname], ...(initials ? [['b', initials] as Subfield] : []), ...(forenames ? [['g', forenames] as Subfield] : []), ...relator]);
}

/** MARC relator code → the schema's code: RUSMARC writes UNIMARC numeric codes (the inverse of its table). */
function relatorCodeFor(schema: MarcSchema, mapping: SchemaMapping, role: string): string {
  if (schema === 'marc21') return role;
  const preferred: Record<string, string> = { aut: '070', edt: '340' };
  if (preferred[role]) return preferred[role];
  return Object.entries(mapping.relatorCodes).find(([, code]) => code === role)?.[0] ?? role;
}

function writeYear(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const yearText = form.year === null ? '' : String(form.year);
  let result = editPublication(record, schema, mapping, (subfields) =>
    replaceSubfields(subfields, mapping.publication.date, yearText ? [yearText] : [], mapping.publication.publisher + mapping.publication.place), !yearText);
  // The fixed field is the fallback the projection reads when the publication field has no date: keep it in step.
  const fallback = mapping.yearFallback;
  const date = form.year === null ? (schema === 'marc21' ? 'uuuu' : '    ') : String(form.year).padStart(4, '0').slice(-4);
  const dateType = form.year === null ? (schema === 'marc21' ? 'n' : 'u') : (schema === 'marc21' ? 's' : 'd');
  const setDate = (text: string) => {
    if (text.length < fallback.end) return text;
    const before = text.slice(0, fallback.start - 1);
    const typeChar = text.charAt(fallback.start - 1);
    const keepType = form.year !== null && typeChar !== ' ' && typeChar !== 'n' && typeChar !== 'u' && typeChar !== '|';
    return `${before}${keepType ? typeChar : dateType}${date}${text.slice(fallback.end)}`;
  };
  result = {
    ...result,
    fields: result.fields.map((field) => {
      if (field.tag !== fallback.tag) return field;
      if ('value' in field) return { ...field, value: setDate(field.value) };
      if (!fallback.code) return field;
      let done = false;
      return { ...field, subfields: field.subfields.map(([code, value]): Subfield => {
        if (code !== fallback.code || done) return [code, value];
        done = true;
        return [code, setDate(value)];
      }) };
    }),
  };
  return result;
}

/**
 * The ISBN slot writes both lists: the book's ISBNs ($a) and those printed wrong in it ($z, cancelled/invalid). A
 * number still listed keeps its subfield where it is — moved between the lists, only the subfield code changes, so its
 * field keeps the qualifier and price ($q, $c) —, and so does a repeat of it (the form lists a number once); one no
 * longer listed goes, with its field when no number is left in it; a new one gets a field of its own. A subfield with
 * no number shows nothing on the form and stays. When the order of a list changed, the fields are written afresh in
 * the form's order (valid ISBNs first), qualifiers moving along; a field holding several numbers keeps their order.
 */
function writeIsbns(record: MarcRecord, _schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const { tag, valid, cancelled } = mapping.isbn;
  const lists = [{ code: valid, wanted: form.isbns }, { code: cancelled, wanted: form.invalidIsbns ?? [] }];
  const kept = new Map(lists.map(({ code }) => [code, new Set<string>()]));
  const isNumber = ([code, value]: Subfield) => (code === valid || code === cancelled) && value.trim() !== '';
  const isIsbnField = (field: MarcField): field is DataField => field.tag === tag && 'subfields' in field && field.subfields.some(isNumber);
  // Where a listed number goes: its own list first, so a number in both lists (a record may hold it twice) stays put.
  const listFor = (code: string, text: string) => [...lists].sort((a, b) => Number(b.code === code) - Number(a.code === code))
    .find((list) => list.wanted.includes(text));
  const fields: MarcField[] = [];
  for (const field of record.fields) {
    if (!isIsbnField(field)) {
      fields.push(field);
      continue;
    }
    const subfields = field.subfields.flatMap((subfield): Subfield[] => {
      if (!isNumber(subfield)) return [subfield];
      const list = listFor(subfield[0], subfield[1].trim());
      if (!list) return [];
      kept.get(list.code)!.add(subfield[1].trim());
      return [[list.code, subfield[1]]];
    });
    if (subfields.some(isNumber)) fields.push({ ...field, subfields });
  }
  let result: MarcRecord = { ...record, fields };
  const additions = lists.map(({ code, wanted }) => ({ code, numbers: wanted.filter((text) => !kept.get(code)!.has(text)) }));
  const inOrder = lists.every(({ code, wanted }, i) => {
    const read = [...new Set([...writtenValues(result, tag, code), ...additions[i]!.numbers])];
    return read.length === wanted.length && read.every((text, k) => text === wanted[k]);
  });
  const newField = (code: string, text: string) => dataField(tag, ' ', ' ', [[code, text]]);
  if (inOrder) return addFields(result, additions.flatMap(({ code, numbers }) => numbers.map((text) => newField(code, text))));
  // The order changed: the fields holding each listed number (each field once, at its first number) in the form's
  // order, new ones among them.
  const fieldsOf = new Map<string, DataField[]>();
  for (const field of result.fields) {
    if (!isIsbnField(field)) continue;
    for (const [code, value] of field.subfields.filter(isNumber)) {
      const key = `${code} ${value.trim()}`;
      fieldsOf.set(key, [...(fieldsOf.get(key) ?? []), field]);
    }
  }
  result = removeFields(result, isIsbnField);
  const placed = new Set<DataField>();
  return addFields(result, lists.flatMap(({ code, wanted }) => wanted.flatMap((text) => {
    const fields = (fieldsOf.get(`${code} ${text}`) ?? [newField(code, text)]).filter((field) => !placed.has(field));
    fields.forEach((field) => placed.add(field));
    return fields;
  })));
}

function writeLanguage(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const { tag, code } = mapping.languages;
  let result: MarcRecord;
  if (!form.language) {
    // Any 101/041 $a left would still speak for the record: the language slot owns them all when cleared.
    result = removeFields(record, (field) => field.tag === tag && 'subfields' in field);
  } else {
    let replaced = false;
    result = { ...record, fields: record.fields.map((field) => {
      if (replaced || field.tag !== tag || !('subfields' in field)) return field;
      const index = field.subfields.findIndex(([c, value]) => c === code && /[a-z]{3}/.test(value.toLowerCase()));
      if (index < 0) return field;
      replaced = true;
      // A combined MARC21 "ruseng" keeps its other languages.
      const rest = (field.subfields[index]![1].toLowerCase().match(/[a-z]{3}/g) ?? []).slice(1).join('');
      const subfields = [...field.subfields];
      subfields[index] = [code, `${form.language}${rest}`];
      return { ...field, subfields };
    }) };
    if (!replaced) result = addFields(result, [dataField(tag, '0', ' ', [[code, form.language]])]);
  }
  const fallback = mapping.languageFallback;
  if (fallback) {
    const language = (form.language || '   ').padEnd(3, ' ').slice(0, 3);
    result = { ...result, fields: result.fields.map((field) => 'value' in field && field.tag === fallback.tag && field.value.length >= fallback.end
      ? { ...field, value: `${field.value.slice(0, fallback.start)}${language}${field.value.slice(fallback.end)}` }
      : field) };
  }
  return result;
}

function writeAuthorMark(record: MarcRecord, _schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const code = mapping.bbk.itemNumber;
  // Cleared everywhere it may be read (ББК field $b, IRBIS 908), then written where it was, else in the first ББК field.
  const firstBbk = record.fields.find((field) => isBbkField(field, mapping)) as DataField | undefined;
  const lived908 = mapping.authorMark.find((source) => record.fields.some((field) => field.tag === source.tag && 'subfields' in field
    && field.subfields.some(([c]) => c === source.code)));
  const livedInBbk = firstBbk?.subfields.some(([c]) => c === code) ?? false;
  let fields: MarcField[] = record.fields.map((field) => {
    if (!('subfields' in field)) return field;
    if (isBbkField(field, mapping)) return { ...field, subfields: field.subfields.filter(([c]) => c !== code) };
    const source = mapping.authorMark.find((s) => s.tag === field.tag);
    if (source) return { ...field, subfields: field.subfields.filter(([c]) => c !== source.code) };
    return field;
  });
  // A ББК field or a 908 left with nothing but its system code goes.
  fields = fields.filter((field) => !('subfields' in field)
    || !(field.tag === mapping.bbk.tag || mapping.authorMark.some((source) => source.tag === field.tag))
    || field.subfields.some(([c]) => c !== mapping.bbk.systemCode && c !== ''));
  let result: MarcRecord = { ...record, fields };
  if (!form.authorMark) return result;
  if (lived908 && !livedInBbk) {
    const existing = result.fields.some((field) => field.tag === lived908.tag);
    if (existing) {
      return { ...result, fields: result.fields.map((field) => field.tag === lived908.tag && 'subfields' in field
        ? { ...field, subfields: [[lived908.code, form.authorMark] as Subfield, ...field.subfields] } : field) };
    }
    return addFields(result, [dataField(lived908.tag, ' ', ' ', [[lived908.code, form.authorMark]])]);
  }
  const target = result.fields.find((field) => isBbkField(field, mapping)) as DataField | undefined;
  if (target) {
    result = { ...result, fields: result.fields.map((field) => field === target
      ? { ...target, subfields: insertAfter(target.subfields, mapping.bbk.number, [code, form.authorMark]) } : field) };
    return result;
  }
  return addFields(result, [dataField(mapping.bbk.tag, ' ', ' ', [[code, form.authorMark], [mapping.bbk.systemCode, 'rubbk']])]);
}

/**
 * A subject field whose heading is still listed stays as it is — every field with that heading: a record may
 * hold the same heading twice, in two thesauri (650 _0 and 650 _2) or with subfields the form does not show (a
 * person's work $t, IRBIS's 606 $b/$c/$d), and the form, showing each heading once, cannot tell them apart. A
 * field no longer listed goes; a new heading gets a 606 1_ / 650 _4 of its own.
 */
function writeSubjects(record: MarcRecord, schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const { tags, main } = mapping.subjects;
  const { result, kept } = keepListedFields(record, form.subjects, (field) => tags.includes(field.tag),
    (field) => projectWith({ leader: record.leader, fields: [field] }, mapping).subjects.map(normaliseSubject));
  const mainTag = schema === 'rusmarc' ? '606' : '650';
  const subdivisionCode = 'x';
  return addFields(result, form.subjects.filter((subject) => !kept.has(subject)).map((subject) => {
    const [head, ...rest] = subject.split(SUBDIVISION_SEPARATOR);
    return dataField(mainTag, schema === 'rusmarc' ? '1' : ' ', schema === 'rusmarc' ? ' ' : '4',
      [[main, head!], ...rest.map((part): Subfield => [subdivisionCode, part])]);
  }));
}

function writeAgeRating(record: MarcRecord, _schema: MarcSchema, form: BibForm, mapping: SchemaMapping): MarcRecord {
  const sources = mapping.ageRating;
  let replaced = false;
  const fields: MarcField[] = [];
  for (const field of record.fields) {
    const source = sources.find((s) => s.tag === field.tag);
    if (!source || !('subfields' in field)) {
      fields.push(field);
      continue;
    }
    const subfields = field.subfields.flatMap(([code, value]): Subfield[] => {
      if (code !== source.code || ageRatingOf(value) === null) return [[code, value]];
      if (form.ageRating && !replaced && source === sources[0]) {
        replaced = true;
        return [[code, form.ageRating]];
      }
      return [];
    });
    if (subfields.some(([code]) => code !== '')) fields.push({ ...field, subfields });
  }
  const result: MarcRecord = { ...record, fields };
  if (!form.ageRating || replaced) return result;
  const source = sources[0]!;
  return addFields(result, [dataField(source.tag, ' ', ' ', [[source.code, form.ageRating]])]);
}

// ---------------------------------------------------------------------------------------------------
// Field surgery.

function isBbkField(field: MarcField, mapping: SchemaMapping): boolean {
  return field.tag === mapping.bbk.tag && 'subfields' in field && field.subfields.some(([code, value]) =>
    code === mapping.bbk.systemCode && value.toLowerCase().startsWith(mapping.bbk.systemPrefix));
}

/**
 * Rewrites the values of a repeatable field (one value per field, e.g. ББК 686 $a, УДК 675 $a,
 * keywords 610 $a): fields whose value stays are kept as they are, others lose the value (and go when
 * nothing else of theirs matters), new values get new fields. Falls back to writing all afresh when
 * the order would differ from the form's.
 */
function writeValueFields(record: MarcRecord, options: {
  matches: (field: MarcField) => boolean; code: string; values: string[];
  create: (value: string) => DataField; keepWhen?: (field: DataField) => boolean;
}): MarcRecord {
  const { code, values: wanted } = options;
  const matches = (field: MarcField): field is DataField => 'subfields' in field && options.matches(field);
  const pool = [...wanted];
  const fields: MarcField[] = [];
  for (const field of record.fields) {
    if (!matches(field)) {
      fields.push(field);
      continue;
    }
    const subfields = field.subfields.filter(([c, value]) => {
      if (c !== code) return true;
      const index = pool.indexOf(value.trim());
      if (index < 0) return false;
      pool.splice(index, 1);
      return true;
    });
    const hasValue = subfields.some(([c]) => c === code);
    if (hasValue || (options.keepWhen?.({ ...field, subfields }) ?? false)) fields.push({ ...field, subfields });
  }
  const keptValues = fields.filter(matches).flatMap((field) => values(field, code).map((value) => value.trim()));
  const inOrder = [...keptValues, ...pool];
  if (inOrder.every((value, i) => value === wanted[i])) {
    // A ББК field left holding only the author mark takes the first new index.
    let result: MarcRecord = { ...record, fields };
    const orphan = fields.find((field): field is DataField => matches(field) && !field.subfields.some(([c]) => c === code));
    const additions = [...pool];
    if (orphan && additions.length > 0 && keptValues.length === 0) {
      const value = additions.shift()!;
      result = { ...result, fields: result.fields.map((field) => field === orphan ? { ...orphan, subfields: [[code, value] as Subfield, ...orphan.subfields] } : field) };
    }
    return addFields(result, additions.map(options.create));
  }
  const withoutAll = removeFields({ ...record, fields }, (field) => matches(field) && field.subfields.some(([c]) => c === code));
  const previous = new Map(fields.filter(matches).flatMap((field) => values(field, code).map((value) => [value.trim(), field] as const)));
  return addFields(withoutAll, wanted.map((value) => previous.get(value) ?? options.create(value)));
}

/** Edits the title field (RUSMARC 200, MARC21 245), creating it when missing. */
function editTitleField(record: MarcRecord, schema: MarcSchema, mapping: SchemaMapping, edit: (field: DataField) => Subfield[]): MarcRecord {
  return editSingleField(record, schema, mapping.title.tag, (subfields, field) => edit(field ?? dataField(mapping.title.tag, '1', schema === 'marc21' ? '0' : ' ', subfields)), true);
}

/** Edits the first field with this tag, creating it (in tag order) when missing; drops it when left empty (unless `keep`). */
function editSingleField(record: MarcRecord, schema: MarcSchema, tag: string,
  edit: (subfields: Subfield[], field: DataField | undefined) => Subfield[], keep = false): MarcRecord {
  const index = record.fields.findIndex((field) => field.tag === tag && 'subfields' in field);
  const field = index >= 0 ? record.fields[index] as DataField : undefined;
  const subfields = edit(field?.subfields ?? [], field);
  const hasContent = subfields.some(([code, value]) => code !== '' && value !== '');
  if (!field) {
    if (!hasContent) return record;
    const ind1 = tag === '200' ? '1' : tag === '245' ? '1' : ' ';
    const ind2 = tag === '245' ? '0' : tag === '264' ? '1' : ' ';
    return addFields(record, [punctuated(schema, dataField(tag, ind1, ind2, subfields))]);
  }
  if (!hasContent && !keep) {
    // Clearing: the next field with this tag would otherwise speak instead (a record in two scripts has two 250s).
    return { ...record, fields: record.fields.flatMap((other) => {
      if (other.tag !== tag || !('subfields' in other)) return [other];
      const left = other === field ? subfields : edit(other.subfields, other);
      return left.some(([code, value]) => code !== '' && value !== '') ? [punctuated(schema, { ...other, subfields: left })] : [];
    }) };
  }
  const fields = [...record.fields];
  fields[index] = punctuated(schema, { ...field, subfields });
  return { ...record, fields };
}

/** Edits the publication field the projection reads (first 210/214, MARC21 first 260/264); a new one is 210 / 264 _1. */
function editPublication(record: MarcRecord, schema: MarcSchema, mapping: SchemaMapping, edit: (subfields: Subfield[]) => Subfield[], removing = false): MarcRecord {
  const tag = mapping.publication.tags.find((candidate) => record.fields.some((field) => field.tag === candidate && 'subfields' in field));
  if (!tag && removing) return record;
  return editSingleField(record, schema, tag ?? (schema === 'marc21' ? '264' : '210'), (subfields) => edit(subfields));
}

/**
 * Replaces every subfield with one of `codes` by `newValues` (with the first code), placed where the first
 * old one was, else after the last subfield with a code in `after` ('start': at the beginning).
 */
function replaceSubfields(subfields: Subfield[], codes: string, newValues: string[], after: string): Subfield[] {
  const code = codes[0]!;
  const firstOld = subfields.findIndex(([c]) => codes.includes(c) && c !== '');
  const kept = subfields.filter(([c]) => !codes.includes(c) || c === '');
  const additions = newValues.map((value): Subfield => [code, value]);
  let position: number;
  if (firstOld >= 0) position = subfields.slice(0, firstOld).filter(([c]) => !codes.includes(c) || c === '').length;
  else if (after === 'start') position = kept[0]?.[0] === '' ? 1 : 0;
  else {
    let last = -1;
    kept.forEach(([c], i) => { if (c !== '' && after.includes(c)) last = i; });
    position = last >= 0 ? last + 1 : (after.length > 0 ? leadingCount(kept, after) : kept.length);
  }
  return [...kept.slice(0, position), ...additions, ...kept.slice(position)];
}

/** Where to insert when none of the "after" codes is present: after subfields that sort before the new one. */
function leadingCount(kept: Subfield[], after: string): number {
  const firstAfter = after[0]!;
  let count = 0;
  for (const [c] of kept) {
    if (c === '' || c < firstAfter) count++;
    else break;
  }
  return count;
}

function insertAfter(subfields: Subfield[], afterCode: string, subfield: Subfield): Subfield[] {
  let last = -1;
  subfields.forEach(([c], i) => { if (c === afterCode) last = i; });
  return [...subfields.slice(0, last + 1), subfield, ...subfields.slice(last + 1)];
}

/** «318, [2] с. : ил. ; 21 см» → $a $c $d (RUSMARC 215) or $a $b $c (MARC21 300), by the mapping's separators. */
function extentSubfields(extent: string, mapping: SchemaMapping): Subfield[] {
  if (!extent) return [];
  const parts = mapping.extent.parts;
  const result: Subfield[] = [];
  let rest = extent;
  let partIndex = 0;
  let value = '';
  // Walk the text; a separator of a later part starts that part, anything else stays in the current value.
  const separators = parts.slice(1).map(([, separator]) => separator);
  while (rest.length > 0) {
    let cut = -1;
    let cutPart = -1;
    for (let i = partIndex + 1; i < parts.length; i++) {
      const at = rest.indexOf(separators[i - 1]!);
      if (at >= 0 && (cut < 0 || at < cut)) { cut = at; cutPart = i; }
    }
    if (cut < 0) { value += rest; break; }
    value += rest.slice(0, cut);
    result.push([parts[partIndex]![0], value]);
    value = '';
    rest = rest.slice(cut + separators[cutPart - 1]!.length);
    partIndex = cutPart;
  }
  result.push([parts[partIndex]![0], value]);
  return result.filter(([, v]) => v !== '');
}

/** MARC21 carries ISBD punctuation at the end of the subfield before the next one; the projection strips it again. */
const MARC21_PUNCTUATION: Record<string, Record<string, string>> = {
  '245': { b: ' :', c: ' /' },
  '250': { b: ' /' },
  '260': { a: ' ;', b: ' :', c: ',' },
  '264': { a: ' ;', b: ' :', c: ',' },
  '300': { b: ' :', c: ' ;', e: ' +' },
  '490': { v: ' ;' },
};

function punctuated(schema: MarcSchema, field: DataField): DataField {
  const rules = schema === 'marc21' ? MARC21_PUNCTUATION[field.tag] : undefined;
  if (!rules) return field;
  const subfields = field.subfields.map(([code, value], i): Subfield => {
    const next = field.subfields[i + 1]?.[0];
    const mark = next ? rules[next] : undefined;
    if (!mark || code === '') return [code, value];
    return [code, `${value.replace(/[\s/:;=,]+$/u, '')}${mark}`];
  });
  return { ...field, subfields };
}

function removeFields(record: MarcRecord, predicate: (field: MarcField) => boolean): MarcRecord {
  return { ...record, fields: record.fields.filter((field) => !predicate(field)) };
}

function addFields(record: MarcRecord, fields: MarcField[]): MarcRecord {
  return fields.length === 0 ? record : { ...record, fields: placeInTagOrder(record.fields, fields) };
}

/** Inserts each new field after the last field whose tag sorts at or before it (records are in tag order, mostly). */
function placeInTagOrder(existing: MarcField[], additions: MarcField[]): MarcField[] {
  const fields = [...existing];
  for (const field of additions) {
    let position = fields.length;
    for (let i = fields.length - 1; i >= 0; i--) {
      if (fields[i]!.tag <= field.tag) { position = i + 1; break; }
      position = i;
    }
    fields.splice(position, 0, field);
  }
  return fields;
}

function dataField(tag: string, ind1: string, ind2: string, subfields: Subfield[]): DataField {
  return { tag, ind1, ind2, subfields };
}

function dataFields(record: MarcRecord, tag: string): DataField[] {
  return record.fields.filter((field): field is DataField => field.tag === tag && 'subfields' in field);
}

/** The values of these subfields in every field with this tag, as written (trimmed), empty ones left out. */
function writtenValues(record: MarcRecord, tag: string, codes: string): string[] {
  return dataFields(record, tag).flatMap((field) => values(field, codes)).map((value) => value.trim()).filter(Boolean);
}

function values(field: DataField, codes: string): string[] {
  return field.subfields.filter(([code]) => code !== '' && codes.includes(code)).map(([, value]) => value);
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "a ; b" → ["a", "b"]; a separator needs its spaces, so "a;b" inside an index stays one value. */
function splitList(text: string, separator = LIST_SEPARATOR): string[] {
  return squeeze(text).split(separator).map(squeeze).filter(Boolean);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const yyyymmdd = (d: Date) => `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
const yymmdd = (d: Date) => yyyymmdd(d).slice(2);
/** 005: yyyymmddhhmmss.f */
const transactionTime = (d: Date) => `${yyyymmdd(d)}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}.0`;
