import { useCallback, useEffect, useState } from 'react';
import { ApiError, request, toQueryString, type Query } from './api.js';
import { t } from './messages.js';

export interface Resource<T> {
  /** The last data received; kept while the next request is on its way, so a slow link does not blank the page. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads GET /api{path}{query} and reloads when the path or query changes; null path loads nothing. */
export function useApi<T>(path: string | null, query?: Query): Resource<T> {
  const url = path === null ? null : `${path}${toQueryString(query)}`;
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(url !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setLoading(true);
    request<T>(url, { signal: controller.signal }).then(
      (result) => {
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof ApiError ? failure : new ApiError(0, t.unexpectedError, t.unexpectedError));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [url, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
