import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** A page as an HTML document: static markup only — no hydration data, no script, nothing for a client to run. */
export function renderPage(page: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}
