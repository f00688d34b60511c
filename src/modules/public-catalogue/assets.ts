import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The one stylesheet, read once at start-up and served under a URL carrying its content hash, so a
 * browser keeps it for a year and fetches it again only when it changed (no build step needed).
 */
export interface Stylesheet { path: string; css: string }

export function loadStylesheet(): Stylesheet {
  const css = readFileSync(new URL('./public.css', import.meta.url), 'utf8');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  return { path: `/static/catalogue.${hash}.css`, css };
}

export const ONE_YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';
