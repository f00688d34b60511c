/**
 * Uploads a file as the raw request body with progress: fetch cannot report how much of a request
 * body has been sent, XMLHttpRequest can (xhr.upload.onprogress). Failures become an ApiError like
 * api.ts's, with the server's Russian message.
 */
import { ApiError, toQueryString, type Query } from './api.js';
import type { Problem } from './contract.js';
import { t } from './messages.js';

export interface UploadProgress {
  /** Bytes sent so far, and the file's size. */
  loaded: number;
  total: number;
}

export function uploadWithProgress<T>(options: {
  path: string;
  file: Blob;
  query?: Query;
  /** Default application/octet-stream: the server reads the content, not the name. */
  contentType?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<T> {
  const { path, file, query, contentType = 'application/octet-stream', onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}${toQueryString(query)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(new ApiError(0, t.networkError, t.networkError));
    xhr.onabort = () => reject(new DOMException('Загрузка отменена', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const problem = body as Partial<Problem> | undefined;
      reject(typeof problem?.detail === 'string'
        ? new ApiError(xhr.status, problem.title ?? t.unexpectedError, problem.detail, problem.errors ?? [])
        : new ApiError(xhr.status, t.unexpectedError, `${t.unexpectedError} (${xhr.status})`));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
