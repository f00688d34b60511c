import { t } from '../lib/messages.js';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

/** «Показаны 51–100 из 230» with previous/next buttons. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t.pager.label}>
      <span>{from <= total ? t.pager.shown(from, to, total) : t.pager.none}</span>
      {pages > 1 && (
        <>
          <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1}>{t.pager.previous}</button>
          <span>{t.pager.page(page, pages)}</span>
          <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages}>{t.pager.next}</button>
        </>
      )}
    </nav>
  );
}
