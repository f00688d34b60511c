import type { ApiError } from '../lib/api.js';
import { t } from '../lib/messages.js';

/** A failed load, in the server's words. */
export function ErrorBox({ error }: { error: ApiError }) {
  return (
    <div className="notice notice-error" role="alert">
      {error.status === 404 ? t.notFound : error.detail}
    </div>
  );
}

export function Loading() {
  return <p className="muted" role="status">{t.loading}</p>;
}
