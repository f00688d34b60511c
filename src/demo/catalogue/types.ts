/**
 * The shapes of the demo catalogue's data tables. A work (what the author wrote) is written once;
 * its editions (what the library holds) are expanded from edition profiles by `build.ts`, so that
 * «Капитанская дочка» in five editions is one line of data, not five records typed by hand.
 */
import type { AgeRating } from '../../modules/catalogue/index.js';

/** A person as cataloguers write the heading: «Фамилия, Имя Отчество». */
export type PersonName = string;
/** MARC relator codes the demo uses: author, translator, illustrator, compiler, editor, retelling. */
export type Role = 'aut' | 'trl' | 'ill' | 'com' | 'edt' | 'adp';

/** One publisher's line of books the library buys: who, where, which series, which years. */
export interface Slot {
  publisher: string;
  place: string;
  /** ISBN group and registrant ('5-17'); null for Soviet editions printed before ISBNs (1987). */
  isbnPrefix: string | null;
  series: string;
  years: readonly [from: number, to: number];
  illustrated?: boolean;
  /** Page count relative to the work's usual length (large type, small format). */
  pagesFactor?: number;
  /** Edition statement («Изд. 2-е, испр.»), when the line is a revised edition. */
  edition?: string;
}

export type Profile =
  | 'school'        // 19th-century classics read at school
  | 'classic'       // the same authors for adults, collected and selected works
  | 'soviet'        // Soviet and post-Soviet classics
  | 'poetry'
  | 'children'      // Russian children's prose and poems, 6+
  | 'picture'       // picture books for the youngest, 0+
  | 'folk'          // folk tales
  | 'foreign-children'
  | 'foreign'       // translated classics for adults
  | 'modern'        // popular modern fiction (editions come from the author's own slots)
  | 'war';          // the Great Patriotic War in fiction

export interface WorkExtra {
  /** How many editions the library holds (default: the profile's). */
  editions?: number;
  /** The usual page count of one edition. */
  pages?: number;
  age?: AgeRating;
  profile?: Profile;
  /** Annotation (330) — written for this demo, for the well-known works. */
  ann?: string;
  subj?: readonly string[];
  kw?: readonly string[];
  /** Other persons named in every edition: translators, compilers, editors. */
  with?: readonly (readonly [PersonName, Role])[];
  /** An illustrator named in the first edition. */
  ill?: PersonName;
  /** Co-authors (role aut) after the main author. */
  coauthors?: readonly PersonName[];
}

/** [title, subtitle («роман», «повесть», «сказки»), extra]. */
export type Work = readonly [title: string, subtitle: string, extra?: WorkExtra];

export interface Author {
  /** The heading; null for works entered under their title (folk tales, collections, reference books). */
  name: PersonName | null;
  /** ББК index of the author's fiction: 84(2Рос=Рус)1, 84(2Рос=Рус)6, 84(4Вел)… */
  bbk: string;
  /** УДК of the literature (821.161.1 Russian, 821.111 English…). */
  udc: string;
  profile: Profile;
  age: AgeRating;
  /** Subjects and keywords every work of the author gets. */
  subj?: readonly string[];
  kw?: readonly string[];
  /** The author's own publishers (modern fiction), replacing the profile's slots. */
  slots?: readonly Slot[];
  works: readonly Work[];
}

/** A non-fiction title, entered under its author or, with no author, under its title. */
export interface NonFiction {
  title: string;
  subtitle: string;
  authors?: readonly PersonName[];
  with?: readonly (readonly [PersonName, Role])[];
  /** Statement of responsibility when no person is named («сост. Каргасокская ЦРБ»). */
  responsibility?: string;
  bbk: string;
  udc: string;
  pages: number;
  editions?: number;
  age: AgeRating;
  subj: readonly string[];
  kw?: readonly string[];
  ann?: string;
  slots: readonly Slot[];
  illustrated?: boolean;
}
