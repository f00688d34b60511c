/** What an audit entry changed, field by field. */
import { isChange } from '../../lib/format-field.js';

export interface DiffRow {
  /** Dotted path of the field: 'name', 'event.occurredOn'. */
  path: string;
  before: unknown;
  after: unknown;
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Record keys that say nothing the entry's own columns do not (its number, its time). */
const BOOKKEEPING = new Set(['id', 'createdAt']);

function flatten(value: Plain, prefix = '', into: Map<string, unknown> = new Map()): Map<string, unknown> {
  for (const [key, item] of Object.entries(value)) {
    if (BOOKKEEPING.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    // A { from, to } change stays one value: it reads «Сельская → Другая».
    if (isPlain(item) && !isChange(item) && Object.keys(item).length > 0) flatten(item, path, into);
    else into.set(path, item);
  }
  return into;
}

/**
 * Compares like with like when the after-state wraps the before-state under a key —
 * a branch event records before: branch, after: { event, branch }.
 */
function align(before: Plain, after: Plain): Plain {
  const keys = Object.keys(before);
  const wrapper = Object.entries(after).find(
    ([key, value]) => !(key in before) && isPlain(value) && keys.length > 0 && keys.every((k) => k in value),
  );
  return wrapper ? { [wrapper[0]]: before } : before;
}

/** Absent, null and '' all read «—»: a change between them is no change. */
const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ; for a creation every filled field, for a deletion every filled field it had. */
export function diff(before: Plain | null, after: Plain | null): DiffRow[] {
  const old = flatten(before && after ? align(before, after) : (before ?? {}));
  const next = flatten(after ?? {});
  const paths = [...new Set([...next.keys(), ...old.keys()])];
  return paths
    .map((path) => ({ path, before: old.get(path), after: next.get(path) }))
    .filter((row) => !same(row.before, row.after));
}
