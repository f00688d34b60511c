/**
 * The bibliographic description of a record per ГОСТ Р 7.0.100-2018 («Библиографическая запись.
 * Библиографическое описание»), built from the projection — the text a reader sees on the record page
 * and a librarian copies into a list of literature.
 *
 * Areas are separated by ". – "; within the title area: Title = Parallel title : other title
 * information / first statement of responsibility ; subsequent statements. A heading (заголовок)
 * «Пушкин, А. С.» precedes the description when there are one to three authors; with four or more the
 * description is under the title and the statement names the first author with «[и др.]».
 */

import ISBN from 'isbn3';

/** A person or organisation as the projection has it; `roles` are MARC relator codes. */
export interface BibDescriptionPerson {
  name: string;
  kind?: string;
  roles?: readonly string[];
  primary?: boolean;
}

/**
 * What the description needs: the projection fields. `BibProjection` and `CatalogueHit` both satisfy it
 * (the hit names its authors in `authors` instead of `persons`; either is used).
 */
export interface BibDescriptionInput {
  title: string;
  subtitle?: string;
  parallelTitles?: readonly string[];
  responsibility?: string;
  persons?: readonly BibDescriptionPerson[];
  authors?: readonly string[];
  edition?: string;
  place?: string;
  publisher?: string;
  year?: number | null;
  extent?: string;
  series?: readonly string[];
  isbns?: readonly string[];
  invalidIsbns?: readonly string[];
  issns?: readonly string[];
  /** Projection document type; gives the content-and-access area («Текст : непосредственный»). */
  documentType?: string;
}

/** Conventional words for what the publication does not say (abbreviations per ГОСТ Р 7.0.12). */
export const NO_PLACE = '[Б. м.]';
export const NO_PUBLISHER = '[б. и.]';
export const NO_DATE = '[б. г.]';
export const AND_OTHERS = '[и др.]';

const AREA_SEPARATOR = '. – ';

/** Area 0, «вид содержания и средство доступа», for the kinds of documents it can be stated for with certainty. */
const CONTENT_AND_ACCESS: Record<string, string> = {
  book: 'Текст : непосредственный',
  serial: 'Текст : непосредственный',
  article: 'Текст : непосредственный',
  electronic: 'Текст : электронный',
  map: 'Изображение картографическое : непосредственное',
  music: 'Музыка (знаковая) : непосредственная',
};

/**
 * Plain-Russian words for MARC relator codes, nominative: the statement of responsibility built from the persons
 * (when the record has none) and the record page's list of participants.
 */
export const RELATOR_LABELS: Record<string, string> = {
  aut: 'автор', com: 'составитель', edt: 'редактор', red: 'редактор', trl: 'переводчик', ill: 'художник', aui: 'автор предисловия',
  aft: 'автор послесловия', ann: 'комментатор', cwt: 'комментатор', adp: 'автор обработки', pht: 'фотограф', cmp: 'композитор',
  nrt: 'чтец', ths: 'научный руководитель', pbl: 'издатель', orm: 'организатор',
};

/**
 * A valid ISBN with its hyphens where the ISBN agency's ranges put them (978-5-699-12014-7), as books print it and
 * ГОСТ Р 7.0.100 gives it; the projection keeps digits only (for matching). A number outside the known ranges
 * stays as it is.
 */
export function hyphenatedIsbn(isbn: string): string {
  return ISBN.hyphenate(isbn) ?? isbn;
}

/** The description as one line of text, ending with a full stop. Pure. */
export function describeBibRecord(p: BibDescriptionInput): string {
  const authors = authorNames(p);
  const heading = authors.length >= 1 && authors.length <= 3 ? headingName(authors[0]!) : '';

  const areas = [
    titleArea(p, authors),
    clean(p.edition),
    publicationArea(p),
    clean(p.extent),
    // One series area, each series in its parentheses: «– (Серия А ; 3) (Серия Б). –».
    (p.series ?? []).map(clean).filter(Boolean).map((series) => `(${series})`).join(' '),
    ...(p.isbns ?? []).map((isbn) => `ISBN ${hyphenatedIsbn(isbn)}`),
    ...(p.invalidIsbns ?? []).map((isbn) => `ISBN ${isbn} (ошибоч.)`),
    ...(p.issns ?? []).map((issn) => `ISSN ${issn}`),
    CONTENT_AND_ACCESS[p.documentType ?? ''] ?? '',
  ].filter(Boolean);
  const body = joinAreas(areas);
  const text = heading ? `${heading} ${body}` : body;
  return endsWithStop(text) ? text : `${text}.`;
}

/**
 * The heading form of a person's name: surname, then initials — «Пушкин, Александр Сергеевич» →
 * «Пушкин, А. С.», «Сент-Экзюпери, Антуан де» → «Сент-Экзюпери, А. де», «Жан-Поль» → «Ж.-П.».
 * «Акулова З.М.» → «Акулова, З. М.». A name without forenames («Екатерина II», an organisation) is kept as written.
 */
export function headingName(name: string): string {
  const text = clean(name);
  const [surname, ...rest] = text.split(',');
  const forenames = rest.join(',').trim();
  if (forenames) return `${surname!.trim()}, ${initials(forenames)}`;
  // IRBIS writes «Акулова З.М.»: a surname and run-together initials, without the comma.
  const glued = /^(\S+)\s+((?:\p{Lu}\p{Ll}?\.\s*)+)$/u.exec(text);
  return glued ? `${glued[1]}, ${initials(glued[2]!.replace(/\.(?=\S)/gu, '. '))}` : text;
}

/** «Александр Сергеевич» → «А. С.»; particles (де, фон, ван) stay words; initials already given stay. */
function initials(forenames: string): string {
  return forenames.split(/\s+/).filter(Boolean).map((word) => {
    if (/^[a-zа-яё]/u.test(word)) return word; // a particle: «де», «фон»
    return word.split('-').map((part) => (part.endsWith('.') ? part : `${[...part][0] ?? ''}.`)).join('-');
  }).join(' ');
}

/** «Пушкин, Александр Сергеевич» → «А. С. Пушкин»: the form used in a statement of responsibility. */
function statementName(name: string): string {
  const heading = headingName(name);
  const comma = heading.indexOf(', ');
  return comma < 0 ? heading : `${heading.slice(comma + 2)} ${heading.slice(0, comma)}`;
}

function authorNames(p: BibDescriptionInput): string[] {
  if (p.persons) {
    return p.persons
      .filter((person) => (person.kind ?? 'person') === 'person')
      .filter((person) => (person.roles ?? []).includes('aut') || (person.primary === true && (person.roles ?? []).length === 0))
      .map((person) => person.name);
  }
  return [...(p.authors ?? [])];
}

function titleArea(p: BibDescriptionInput, authors: string[]): string {
  let text = clean(p.title) || '[Без заглавия]';
  for (const parallel of p.parallelTitles ?? []) if (clean(parallel)) text += ` = ${clean(parallel)}`;
  const subtitle = clean(p.subtitle);
  if (subtitle) text += ` : ${subtitle}`;
  const responsibility = responsibilityStatement(p, authors);
  if (responsibility) text += ` / ${responsibility}`;
  return text;
}

/**
 * The statement as the record gives it, else built from the persons. With four or more authors the
 * first statement is shortened to the first name and «[и др.]».
 */
function responsibilityStatement(p: BibDescriptionInput, authors: string[]): string {
  const recorded = clean(p.responsibility);
  if (recorded) {
    if (authors.length < 4) return recorded;
    const [first = '', ...others] = recorded.split(' ; ');
    const names = first.split(', ');
    const shortened = names.length >= 4 ? `${names[0]} ${AND_OTHERS}` : first;
    return [shortened, ...others].join(' ; ');
  }
  const statements: string[] = [];
  if (authors.length >= 4) statements.push(`${statementName(authors[0]!)} ${AND_OTHERS}`);
  else if (authors.length > 0) statements.push(authors.map(statementName).join(', '));
  const byRole = new Map<string, string[]>();
  for (const person of p.persons ?? []) {
    const role = (person.roles ?? []).find((code) => code !== 'aut' && RELATOR_LABELS[code]);
    if (!role || authors.includes(person.name)) continue;
    const name = person.kind === 'person' || person.kind === undefined ? statementName(person.name) : clean(person.name);
    byRole.set(role, [...(byRole.get(role) ?? []), name]);
  }
  for (const [role, names] of byRole) statements.push(`${RELATOR_LABELS[role]} ${names.join(', ')}`);
  return statements.join(' ; ');
}

function publicationArea(p: BibDescriptionInput): string {
  const place = clean(p.place) || NO_PLACE;
  const publisher = clean(p.publisher) || NO_PUBLISHER;
  const year = p.year === null || p.year === undefined ? NO_DATE : String(p.year);
  return `${place} : ${publisher}, ${year}`;
}

/** Joins areas with ". – ", not doubling the full stop after an area that already ends with one («ил.», «[и др.]» keeps it). */
function joinAreas(areas: string[]): string {
  let text = '';
  for (const area of areas) {
    if (!text) text = area;
    else text += endsWithStop(text) ? ` – ${area}` : `${AREA_SEPARATOR}${area}`;
  }
  return text;
}

function endsWithStop(text: string): boolean {
  return /[.?!]$/u.test(text);
}

/** Trims and drops ISBD punctuation a record leaves at the ends of an element. */
function clean(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').replace(/^[\s/:;=,]+/u, '').replace(/[\s/:;=,]+$/u, '').trim();
}
