/**
 * The demo network's catalogue: a few thousand records of what a Russian district library holds —
 * Russian classics, the children's library's shelves, translated books, popular modern fiction,
 * non-fiction and local history — as our own RUSMARC records.
 *
 * ILLUSTRATIVE: editions and ISBNs are generated, not copied from real books. Works, authors,
 * translators and publishers are real (see each data file's header for what is and what is not);
 * which edition appeared where and when, page counts, ISBN numbers and most author marks are made up,
 * deterministically, so every start builds the same catalogue.
 */
import { buildCatalogue, type DemoRecord } from './build.js';
import { childrensWriters, folkTales } from './data/children.js';
import { foreignForAdults, foreignForChildren } from './data/foreign.js';
import { localHistory } from './data/local-history.js';
import { modernFiction } from './data/modern.js';
import { digitalGuides, gardenBooks, healthBooks, historyBooks, homeBooks, lawBooks, referenceBooks } from './data/non-fiction.js';
import { russianClassics, russianClassicsForChildren } from './data/russian-classics.js';
import { anthologies, sovietClassics } from './data/soviet-classics.js';

let built: DemoRecord[] | undefined;

/** Every record of the demo catalogue, in a stable order (built once, then reused). */
export function demoCatalogue(): readonly DemoRecord[] {
  built ??= buildDemoCatalogue();
  return built;
}

/** Builds the catalogue anew from the data tables: the same records every time. */
export function buildDemoCatalogue(): DemoRecord[] {
  return buildCatalogue([
    { kind: 'russian-classics', authors: [...russianClassics, ...russianClassicsForChildren] },
    { kind: 'soviet-and-modern-classics', authors: [...sovietClassics, ...anthologies] },
    { kind: 'children', authors: [...childrensWriters, ...folkTales] },
    { kind: 'foreign', authors: [...foreignForChildren, ...foreignForAdults] },
    { kind: 'modern', authors: modernFiction },
    { kind: 'non-fiction', nonFiction: [...referenceBooks, ...lawBooks, ...digitalGuides, ...gardenBooks, ...healthBooks, ...homeBooks, ...historyBooks] },
    { kind: 'local-history', nonFiction: localHistory },
  ]);
}
