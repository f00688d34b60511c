/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie.
 * Failures become an ApiError carrying the server's Russian message and per-field errors
 * (application/problem+json), so that a form can put each message next to its field.
 */
import type { FieldError, Problem } from './contract.js';
import { t } from './messages.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The same error with one field's messages reworded (where the server's wording does not fit the form). */
  rewordField(field: string, message: string): ApiError {
    const errors = this.errors.map((e) => (e.field === field ? { field, message } : e));
    return new ApiError(this.status, this.title, this.detail, errors);
  }

  /** The messages for one field ('branchIds' also takes 'branchIds.0'). */
  errorsOf(field: string): string[] {
    return this.errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`)).map((e) => e.message);
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Query string without empty values: '?q=x&page=2', or ''. */
export function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let onUnauthorized: () => void = () => {};

/** Who to tell when the session has ended (401): the session provider shows the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as { detail?: unknown }).detail === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return new ApiError(response.status, body.title, body.detail, body.errors ?? []);
  return new ApiError(response.status, t.unexpectedError, `${t.unexpectedError} (${response.status})`);
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Query;
  /** Sent as JSON, except a File, which is sent as it is with its own type (an upload). */
  body?: unknown;
  signal?: AbortSignal;
}

function requestBody(body: unknown): { headers: Record<string, string>; body: BodyInit | undefined } {
  if (body === undefined) return { headers: {}, body: undefined };
  if (body instanceof File) return { headers: { 'Content-Type': body.type || 'application/octet-stream' }, body };
  return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** Sends a request to /api{path}; resolves to the parsed JSON (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  let response: Response;
  try {
    const sent = requestBody(body);
    response = await fetch(`/api${path}${toQueryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...sent.headers },
      body: sent.body,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, t.networkError, t.networkError);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    // A wrong password at the login form is a 401 too, but it is the form's to show.
    if (response.status === 401 && path !== '/auth/login') onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: (path: string) => request<void>(path, { method: 'DELETE' }),
  /** Sends a file as the raw body (Content-Type: its type), e.g. a scanned diploma. */
  upload: <T>(path: string, file: File, query?: Query) => request<T>(path, { method: 'POST', body: file, query }),
};
