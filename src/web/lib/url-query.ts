import { useSearchParams } from 'wouter';

/**
 * A list's filters and page, kept in the URL query string so that a link (or the Back
 * button) reproduces the view. Changing any filter returns to page 1.
 */
export function useUrlQuery<K extends string>(keys: readonly K[]): [Record<K, string>, (patch: Partial<Record<K | 'page', string>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const update = (patch: Partial<Record<K | 'page', string>>) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (!('page' in patch)) next.delete('page');
      for (const [key, value] of Object.entries(patch) as [string, string | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  };
  return [values, update];
}

/** A positive page number from the query string (1 when absent or wrong). */
export function pageOf(value: string): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
