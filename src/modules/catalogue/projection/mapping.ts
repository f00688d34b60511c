/**
 * The shape of a schema's mapping table: which tags and subfield codes give each projection field.
 * The tables themselves (`marc21.ts`, `rusmarc.ts`) are data; `project.ts` is the one reader of them.
 */

export type PersonKind = 'person' | 'organisation' | 'meeting';

export interface PersonSource {
  tag: string;
  kind: PersonKind;
  /** Primary responsibility (main entry, or RUSMARC 700/701/710/711): the first such is the "author". */
  primary: boolean;
}

export interface SchemaMapping {
  title: {
    tag: string;
    title: string; subtitle: string; responsibility: string;
    /** Number and name of a part, appended to the title ("Ч. 1. Начала"). */
    parts: string;
    /** Parallel titles within the title field (RUSMARC 200 $d). */
    parallel?: string;
  };
  /**
   * A volume whose own title is only its designation (RUSMARC 200 with first indicator 0: «Вып. 13.») takes
   * the title of the set it belongs to in front, as ГОСТ Р 7.0.100 describes a volume («Задачи и этюды.
   * Вып. 13»): the set's title from this linking field's embedded field; that set then leaves `series`.
   */
  volumeOfSet?: { titleInd1: string; tag: string; embedded: string; title: string };
  /** Other fields giving parallel titles (MARC21 246 with 2nd indicator 1; RUSMARC 510). */
  parallelTitles: { tag: string; code: string; ind2?: string }[];
  persons: PersonSource[];
  /** How a person's name is written: MARC21 "Surname, Forenames" in $a; RUSMARC surname $a, forenames $g, initials $b. */
  nameStyle: 'marc21' | 'rusmarc';
  /** Subfields naming organisation subunits ($b), appended with ". ". */
  organisationSubunits: string;
  /** Relator codes ($4) and relator terms ($e), each mapped to a MARC relator code (aut, trl, edt, ill, com…). */
  relatorCodeSubfield: string;
  relatorCodes: Record<string, string>;
  relatorTermSubfield?: string;
  relatorTerms: Record<string, string>;
  edition: { tag: string; codes: string };
  publication: { tags: string[]; place: string; publisher: string; date: string };
  /** Fixed-field fallback for the year: a control field, or a subfield, and the character positions. */
  yearFallback: { tag: string; code?: string; start: number; end: number };
  /** Extent, as [code, ISBD separator before it]. */
  extent: { tag: string; parts: [code: string, separator: string][] };
  /**
   * Series statements and linking fields to a series or a multi-volume set. `embedded`: a UNIMARC linking
   * field (410 series, 461 set) whose title and number are read from its embedded field of that tag ($1 200…).
   */
  series: { tag: string; title: string; number: string; embedded?: string }[];
  /**
   * Contents: the works a collection holds. A `title` subfield starts an item; `number` subfields (volume,
   * part) go with the title they precede, or with the one before them when `numbersFollowTitle`; the
   * `responsibility` ones after a title belong to it; `text` holds a whole contents note whose items are
   * separated by « -- » (MARC21 505 $a). `embedded`: a UNIMARC linking field (464) read from its embedded
   * field of that tag (a field with no `$1` at all is read as it is).
   */
  contents: {
    tag: string; title: string; number: string; responsibility: string;
    numbersFollowTitle?: boolean; text?: string; embedded?: string;
  }[];
  isbn: { tag: string; valid: string; cancelled: string };
  issn: { tag: string; codes: string };
  languages: { tag: string; code: string };
  languageFallback?: { tag: string; start: number; end: number };
  /** Leader/06 (type of record) → document kind; text with leader/07 decides book, serial or article. */
  typeOfRecord: Record<string, string>;
  /** ББК: the classification field, its number and item-number (author mark) subfields, and the system code. */
  bbk: { tag: string; number: string; itemNumber: string; systemCode: string; systemPrefix: string };
  /** Fields holding a ББК index as plain text, with no system code (IRBIS 621: before any subfield code, or in these codes). */
  bbkPlain: { tag: string; codes: string }[];
  /** Other places an author mark is written (IRBIS-style RUSMARC 908). */
  authorMark: { tag: string; code: string }[];
  udc: { tag: string; code: string };
  subjects: { tags: string[]; main: string; subdivisions: string };
  keywords: { tag: string; code: string };
  annotation: { tag: string; code: string };
  ageRating: { tag: string; code: string }[];
}

/** Leader/07 for text: monographs and collections are books, serials and integrating resources serials, parts articles. */
export const TEXT_BY_BIBLIOGRAPHIC_LEVEL: Record<string, string> = {
  m: 'book', c: 'book', s: 'serial', i: 'serial', a: 'article', b: 'article',
};
