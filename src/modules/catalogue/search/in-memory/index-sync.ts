/**
 * The in-memory index of a database, loaded on the first search and brought up to date before each
 * one (catalogue-index.queries.ts describes the change feed: transactions the last sync's snapshot did
 * not see). Records written by this process, by a CLI import in another or by another server on the
 * same PostgreSQL are all found the same way, at the cost of one indexed statement per search when
 * nothing changed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema.js';
import { CatalogueIndex } from './catalogue-index.js';
import { currentSnapshot, findChangesSince, findIndexRows, findIndexRowsByIds } from './catalogue-index.queries.js';

type Db = Kysely<DB>;

/** Records read per statement while loading. */
const LOAD_PAGE = 5_000;

interface IndexState {
  index: CatalogueIndex;
  snapshot: string;
  /** The sync under way, and the one queued behind it (a search that arrived during it needs a later snapshot). */
  running: Promise<void> | null;
  queued: Promise<void> | null;
}

const states = new WeakMap<Db, Promise<IndexState>>();

/**
 * The database's index, current as of this call: every transaction committed before it is in. Searches
 * run on the database itself, not inside a transaction: the index follows committed data only.
 */
export async function syncedCatalogueIndex(db: Db): Promise<CatalogueIndex> {
  if (db.isTransaction) throw new Error('catalogue search: the in-memory index is read outside transactions');
  let loading = states.get(db);
  if (!loading) {
    loading = load(db);
    states.set(db, loading);
    loading.catch(() => states.delete(db));
    return (await loading).index;
  }
  const state = await loading;
  await sync(db, state);
  return state.index;
}

/** Loads the database's index now (a server at start, so that the first reader does not wait): how many records it holds. */
export async function loadCatalogueSearchIndex(db: Db): Promise<number> {
  return (await syncedCatalogueIndex(db)).recordCount;
}

async function load(db: Db): Promise<IndexState> {
  const index = new CatalogueIndex();
  const snapshot = await currentSnapshot(db);
  // The next page is read while this one is indexed.
  let page = findIndexRows(db, { afterId: 0, limit: LOAD_PAGE });
  for (;;) {
    const rows = await page;
    if (rows.length === 0) break;
    page = findIndexRows(db, { afterId: rows.at(-1)!.id, limit: LOAD_PAGE });
    for (const row of rows) index.put(row);
  }
  index.merge();
  const state: IndexState = { index, snapshot, running: null, queued: null };
  await applyChanges(db, state);
  return state;
}

function sync(db: Db, state: IndexState): Promise<void> {
  if (!state.running) {
    state.running = applyChanges(db, state).finally(() => { state.running = null; });
    return state.running;
  }
  state.queued ??= state.running.catch(() => undefined).then(() => {
    state.queued = null;
    return sync(db, state);
  });
  return state.queued;
}

/** Applies what changed since the state's snapshot; a truncated table is loaded again. */
async function applyChanges(db: Db, state: IndexState): Promise<void> {
  const changes = await findChangesSince(db, state.snapshot);
  if (changes.truncated) {
    const fresh = await load(db);
    state.index = fresh.index;
    state.snapshot = fresh.snapshot;
    return;
  }
  for (let start = 0; start < changes.changedIds.length; start += LOAD_PAGE) {
    const ids = changes.changedIds.slice(start, start + LOAD_PAGE);
    const rows = await findIndexRowsByIds(db, ids);
    const found = new Set(rows.map((row) => row.id));
    for (const row of rows) state.index.put(row);
    // Written and deleted since: gone now.
    for (const id of ids) if (!found.has(id)) state.index.remove(id);
  }
  for (const id of changes.deletedIds) state.index.remove(id);
  state.index.mergeIfLarge();
  state.snapshot = changes.snapshot;
}
