import type { DataField, MarcField, MarcRecord } from '../marc/record.js';
import type { MarcSchema } from '../marc/schema.js';
import { parseIsbn, parseIssn } from '../../../shared/isbn.js';
import { TEXT_BY_BIBLIOGRAPHIC_LEVEL, type PersonKind, type SchemaMapping } from './mapping.js';
import { MARC21_MAPPING } from './marc21.js';
import { RUSMARC_MAPPING } from './rusmarc.js';

export type AgeRating = '0+' | '6+' | '12+' | '16+' | '18+';

export interface ProjectedPerson {
  name: string;
  kind: PersonKind;
  /** MARC relator codes (aut, trl, edt, com, ill…); terms that map to none are kept as written. */
  roles: string[];
  primary: boolean;
  dates?: string;
}

/** What search and display need of a record; derived from it, never edited by itself. */
export interface BibProjection {
  controlNumber: string | null;
  controlNumberSource: string | null;
  title: string;
  subtitle: string;
  parallelTitles: string[];
  responsibility: string;
  persons: ProjectedPerson[];
  edition: string;
  place: string;
  publisher: string;
  year: number | null;
  extent: string;
  series: string[];
  /** The works a collection holds, one string each: «Ч. 1. Стихотворения / А. Блок». */
  contents: string[];
  /** Valid ISBNs as ISBN-13 (10-digit ones converted). */
  isbns: string[];
  /** ISBNs kept as written (hyphens removed) that failed the check, and cancelled ones ($z). */
  invalidIsbns: string[];
  issns: string[];
  languages: string[];
  documentType: string;
  bbk: string[];
  authorMark: string;
  udc: string[];
  subjects: string[];
  keywords: string[];
  annotation: string;
  ageRating: AgeRating | null;
}

export const MAPPINGS: Record<MarcSchema, SchemaMapping> = { marc21: MARC21_MAPPING, rusmarc: RUSMARC_MAPPING };

/**
 * The version of what `project` (and the search keys built from it) derives from a record. Raise it with
 * any change that gives a stored record another projection: the records stored before are then brought
 * up to date when the program next opens the database (`refreshCatalogueProjection`). 2: series and sets
 * from RUSMARC 410/461, IRBIS's ББК 621, contents (464, 505). 3: a volume titled by its set
 * («Задачи и этюды. Вып. 13»), the title key sorting numbers as numbers. 4: a first person with a role other
 * than author (a reteller, an editor) is no longer taken for the author when nobody is marked as one; a MARC21
 * role term ending in a full stop («автор.») is read as the term without it.
 */
export const PROJECTION_VERSION = 4;

/** Builds the projection of a record read in the given schema. Pure; never throws on odd records. */
export function project(record: MarcRecord, schema: MarcSchema): BibProjection {
  return projectWith(record, MAPPINGS[schema]);
}

/** The projection through a given mapping table (the cataloguing form reads through the part it owns). */
export function projectWith(record: MarcRecord, mapping: SchemaMapping): BibProjection {
  const byTag = indexFields(record.fields);
  const data = (tag: string) => (byTag.get(tag) ?? []).filter(isDataField);
  const control = (tag: string) => {
    const field = byTag.get(tag)?.[0];
    return field && !isDataField(field) ? field.value : undefined;
  };

  const titleField = data(mapping.title.tag)[0];
  const parts = titleField ? values(titleField, mapping.title.parts).map(clean).filter(Boolean) : [];
  const ownTitle = [titleField ? clean(values(titleField, mapping.title.title).join(' ')) : '', ...parts].filter(Boolean).join('. ');
  const volumeOfSet = mapping.volumeOfSet;
  const setTitle = volumeOfSet && titleField?.ind1 === volumeOfSet.titleInd1
    ? data(volumeOfSet.tag).map((field) => joinClean(values(embeddedField(field, volumeOfSet.embedded), volumeOfSet.title), '. ')).find(Boolean)
    : undefined;
  const title = setTitle ? [setTitle, ownTitle.replace(/\.$/, '')].filter(Boolean).join('. ') : ownTitle;
  const parallelTitles = [
    ...(titleField && mapping.title.parallel ? values(titleField, mapping.title.parallel) : []),
    ...mapping.parallelTitles.flatMap((source) => data(source.tag)
      .filter((field) => source.ind2 === undefined || field.ind2 === source.ind2)
      .flatMap((field) => values(field, source.code))),
  ].map(clean).filter(Boolean);

  const publication = mapping.publication.tags.flatMap((tag) => data(tag))[0];
  const dateText = publication ? values(publication, mapping.publication.date).join(' ') : '';
  const fallback = mapping.yearFallback;
  const fallbackText = fallback.code
    ? first(data(fallback.tag), fallback.code) ?? ''
    : control(fallback.tag) ?? '';

  const isbnFields = data(mapping.isbn.tag);
  const isbns: string[] = [];
  const invalidIsbns: string[] = [];
  for (const field of isbnFields) {
    for (const [code, value] of field.subfields) {
      if (code !== mapping.isbn.valid && code !== mapping.isbn.cancelled) continue;
      const parsed = parseIsbn(value);
      if (!parsed) continue;
      if (code === mapping.isbn.valid && parsed.isbn13) pushUnique(isbns, parsed.isbn13);
      else pushUnique(invalidIsbns, parsed.value);
    }
  }

  const bbkFields = data(mapping.bbk.tag).filter((field) =>
    values(field, mapping.bbk.systemCode).some((code) => code.toLowerCase().startsWith(mapping.bbk.systemPrefix)));

  return {
    controlNumber: control('001')?.trim() || null,
    controlNumberSource: control('003')?.trim() || null,
    title,
    subtitle: titleField ? joinClean(values(titleField, mapping.title.subtitle), ' : ') : '',
    parallelTitles,
    responsibility: titleField ? joinClean(values(titleField, mapping.title.responsibility), ' ; ') : '',
    persons: projectPersons(mapping, data),
    edition: data(mapping.edition.tag)[0] ? joinClean(values(data(mapping.edition.tag)[0]!, mapping.edition.codes), ', ') : '',
    place: publication ? joinClean(values(publication, mapping.publication.place), ' ; ') : '',
    publisher: publication ? joinClean(values(publication, mapping.publication.publisher), ' ; ') : '',
    year: yearOf(dateText) ?? yearOf(fallbackText.slice(fallback.start, fallback.end)),
    extent: extentOf(mapping, data(mapping.extent.tag)[0]),
    series: unique(mapping.series.filter((source) => !setTitle || source.tag !== volumeOfSet!.tag).flatMap((source) => data(source.tag).map((linking) => {
      const field = source.embedded ? embeddedField(linking, source.embedded) : linking;
      const seriesTitle = joinClean(values(field, source.title), '. ');
      const number = joinClean(values(field, source.number), ', ');
      return seriesTitle && number ? `${seriesTitle} ; ${number}` : seriesTitle;
    })).filter(Boolean)),
    contents: unique(mapping.contents.flatMap((source) => data(source.tag).flatMap((field) =>
      contentsItems(source, source.embedded && field.subfields.some(([code]) => code === '1') ? embeddedField(field, source.embedded) : field)))),
    isbns,
    invalidIsbns,
    issns: unique(data(mapping.issn.tag).flatMap((field) => values(field, mapping.issn.codes))
      .map((value) => parseIssn(value)?.value).filter((value): value is string => Boolean(value))),
    languages: languagesOf(mapping, data, control),
    documentType: documentTypeOf(mapping, record.leader),
    bbk: unique([
      ...bbkFields.flatMap((field) => values(field, mapping.bbk.number)),
      // The text before any subfield code counts too: IRBIS writes 621 so.
      ...mapping.bbkPlain.flatMap((source) => data(source.tag).flatMap((field) =>
        field.subfields.filter(([code]) => code === '' || source.codes.includes(code)).map(([, value]) => value))),
    ].map(clean).filter(Boolean)),
    authorMark: clean(bbkFields.flatMap((field) => values(field, mapping.bbk.itemNumber))[0]
      ?? mapping.authorMark.map((source) => first(data(source.tag), source.code)).find(Boolean) ?? ''),
    udc: unique(data(mapping.udc.tag).flatMap((field) => values(field, mapping.udc.code)).map(clean).filter(Boolean)),
    subjects: unique(mapping.subjects.tags.flatMap((tag) => data(tag)).map((field) => field.subfields
      .filter(([code]) => code === mapping.subjects.main || mapping.subjects.subdivisions.includes(code))
      .map(([, value]) => clean(value)).filter(Boolean).join(' -- ')).filter(Boolean)),
    keywords: unique(data(mapping.keywords.tag).flatMap((field) => values(field, mapping.keywords.code)).map(clean).filter(Boolean)),
    annotation: data(mapping.annotation.tag).flatMap((field) => values(field, mapping.annotation.code)).map((text) => text.trim()).filter(Boolean).join('\n'),
    ageRating: mapping.ageRating.flatMap((source) => data(source.tag).flatMap((field) => values(field, source.code)))
      .map(ageRatingOf).find((rating) => rating !== null) ?? null,
  };
}

/**
 * The items of one contents field, in order (see `SchemaMapping.contents`): «Т. 3. Эмма / Дж. Остин».
 */
function contentsItems(source: SchemaMapping['contents'][number], field: DataField): string[] {
  const items: string[] = [];
  let heading: string[] = [];
  let hasTitle = false;
  let responsibility: string[] = [];
  const flush = () => {
    const item = contentsItem(heading, responsibility);
    if (item) items.push(item);
    heading = [];
    hasTitle = false;
    responsibility = [];
  };
  for (const [code, value] of field.subfields) {
    if (code === '') continue;
    if (source.text?.includes(code)) {
      flush();
      items.push(...value.split(/\s+--\s*/).map(contentsPart).filter(Boolean));
    } else if (source.title.includes(code)) {
      if (hasTitle || responsibility.length > 0) flush();
      heading.push(value);
      hasTitle = true;
    } else if (source.number.includes(code)) {
      if ((hasTitle && !source.numbersFollowTitle) || responsibility.length > 0) flush();
      heading.push(value);
    } else if (source.responsibility.includes(code)) {
      responsibility.push(value);
    }
  }
  flush();
  return items;
}

/**
 * One contents item as the projection gives it: the parts of its heading (number, title) joined by «. », then
 * « / » and its authors joined by «, » — «Т. 3. Эмма / Дж. Остин»; '' when the heading is empty.
 */
export function contentsItem(heading: string[], responsibility: string[]): string {
  const text = heading.map(contentsPart).filter(Boolean).join('. ');
  const by = responsibility.map(contentsPart).filter(Boolean).join(', ');
  return text && by ? `${text} / ${by}` : text;
}

/** ISBD punctuation the cataloguer wrote between items (« -- ») and after parts («Т. 1.») goes. */
const contentsPart = (value: string) => clean(value.replace(/\s*--\s*$/, '').replace(/\.$/, ''));

function projectPersons(mapping: SchemaMapping, data: (tag: string) => DataField[]): ProjectedPerson[] {
  const persons: ProjectedPerson[] = [];
  for (const source of mapping.persons) {
    for (const field of data(source.tag)) {
      const name = source.kind === 'person' ? personName(mapping, field) : organisationName(mapping, field);
      if (!name) continue;
      const roles: string[] = [];
      for (const [code, value] of field.subfields) {
        if (code === mapping.relatorCodeSubfield) {
          const trimmed = value.trim();
          pushUnique(roles, mapping.relatorCodes[trimmed] ?? trimmed);
        } else if (code === mapping.relatorTermSubfield) {
          const term = clean(value).toLowerCase();
          // «автор.» with the full stop that closes the field in MARC21 is «автор».
          const bare = term.replace(/\.$/, '');
          pushUnique(roles, mapping.relatorTerms[term] ?? mapping.relatorTerms[`${term}.`] ?? mapping.relatorTerms[bare] ?? term);
        }
      }
      const dates = clean(first([field], mapping.nameStyle === 'rusmarc' ? 'f' : 'd') ?? '');
      persons.push({ name, kind: source.kind, roles: roles.filter(Boolean), primary: source.primary, ...(dates ? { dates } : {}) });
    }
  }
  return persons;
}

/** "Калинин, Сергей Юрьевич" from MARC21 $a, or from RUSMARC $a + $g (else $a + initials $b). */
function personName(mapping: SchemaMapping, field: DataField): string {
  const surname = clean(first([field], 'a') ?? '');
  if (mapping.nameStyle === 'marc21') {
    const numeration = clean(first([field], 'b') ?? '');
    return [surname, numeration].filter(Boolean).join(' ');
  }
  const forenames = clean(first([field], 'g') ?? '');
  if (forenames) return `${surname}, ${forenames}`;
  const initials = clean(first([field], 'b') ?? '');
  const numeration = clean(first([field], 'd') ?? '');
  return [surname, initials, numeration].filter(Boolean).join(' ');
}

function organisationName(mapping: SchemaMapping, field: DataField): string {
  return [first([field], 'a'), ...values(field, mapping.organisationSubunits)].map((part) => clean(part ?? '')).filter(Boolean).join('. ');
}

function extentOf(mapping: SchemaMapping, field: DataField | undefined): string {
  if (!field) return '';
  let text = '';
  for (const [code, separator] of mapping.extent.parts) {
    const value = joinClean(values(field, code), ' ');
    if (value) text += text ? `${separator}${value}` : value;
  }
  return text;
}

function languagesOf(mapping: SchemaMapping, data: (tag: string) => DataField[], control: (tag: string) => string | undefined): string[] {
  const codes = data(mapping.languages.tag).flatMap((field) => values(field, mapping.languages.code))
    // Old MARC21 records run several codes together ("ruseng").
    .flatMap((value) => value.trim().toLowerCase().match(/[a-z]{3}/g) ?? []);
  if (codes.length === 0 && mapping.languageFallback) {
    const { tag, start, end } = mapping.languageFallback;
    const code = control(tag)?.slice(start, end).toLowerCase();
    if (code && /^[a-z]{3}$/.test(code)) codes.push(code);
  }
  return unique(codes);
}

function documentTypeOf(mapping: SchemaMapping, leader: string): string {
  const type = mapping.typeOfRecord[leader[6] ?? ''] ?? 'other';
  if (type !== 'text') return type;
  return TEXT_BY_BIBLIOGRAPHIC_LEVEL[leader[7] ?? ''] ?? 'book';
}

const AGE_RATING = /(?:^|[^0-9])(0|6|12|16|18)\s*\+/;

/** "12+", "Для детей старше 6 лет (6+)" → the label; anything else → null. */
export function ageRatingOf(text: string): AgeRating | null {
  const match = AGE_RATING.exec(text);
  return match ? (`${match[1]}+` as AgeRating) : null;
}

/** The first four-digit year in a date statement: "1804-1807" → 1804, "[2007]" → 2007, "cop. 2019" → 2019. */
function yearOf(text: string): number | null {
  const match = /(?:^|[^0-9])([12][0-9]{3})(?![0-9])/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Strips the ISBD punctuation MARC21 leaves at the end of subfields (" /", " :", " ;", " =", ","), and brackets' spaces. */
function clean(text: string): string {
  return text.replace(/[\s/:;=,]+$/u, '').replace(/^[\s/:;=,]+/u, '').replace(/\s+/g, ' ').trim();
}

function joinClean(parts: string[], separator: string): string {
  return parts.map(clean).filter(Boolean).join(separator);
}

/**
 * The field embedded in a UNIMARC linking field: the subfields after the `$1` that starts with `tag`
 * (`$1 2001 $a Задачи и этюды $v Вып. 13`), up to the next `$1`; none when there is no such `$1`.
 */
function embeddedField(linking: DataField, tag: string): DataField {
  const subfields: DataField['subfields'] = [];
  let inside = false;
  for (const subfield of linking.subfields) {
    if (subfield[0] === '1') inside = subfield[1].startsWith(tag);
    else if (inside) subfields.push(subfield);
  }
  return { ...linking, subfields };
}

function values(field: DataField, codes: string): string[] {
  const result: string[] = [];
  for (const [code, value] of field.subfields) if (codes.includes(code) && code !== '') result.push(value);
  return result;
}

function first(fields: DataField[], code: string): string | undefined {
  for (const field of fields) for (const [subfieldCode, value] of field.subfields) if (subfieldCode === code) return value;
  return undefined;
}

function indexFields(fields: MarcField[]): Map<string, MarcField[]> {
  const byTag = new Map<string, MarcField[]>();
  for (const field of fields) {
    const list = byTag.get(field.tag);
    if (list) list.push(field);
    else byTag.set(field.tag, [field]);
  }
  return byTag;
}

const isDataField = (field: MarcField): field is DataField => 'subfields' in field;

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
