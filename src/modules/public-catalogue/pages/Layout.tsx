import type { ReactNode } from 'react';
import { M } from '../messages.js';
import {
  COLOUR_SCHEMES, FONT_SIZES, IMAGES, LETTER_SPACINGS, viClassName, viLink, type ViChange, type ViSettings,
} from '../vi-settings.js';

/** What every page knows: the network, the reader's VI settings, the page's own URL (to come back to). */
export interface PageContext {
  networkName: string;
  vi: ViSettings;
  /** The current path with its query, for the VI links' way back. */
  path: string;
  stylesheet: string;
}

/** The page frame: skip link, header with the VI switch, the VI settings when on, main, footer. */
export function Layout({ context, title, children }: { context: PageContext; title: string; children: ReactNode }) {
  const { vi, path } = context;
  return (
    <html lang="ru" className={viClassName(vi)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${context.networkName}`}</title>
        <link rel="stylesheet" href={context.stylesheet} />
      </head>
      <body>
        <a className="skip" href="#main">{M.skip}</a>
        {vi.enabled && <ViPanel vi={vi} path={path} />}
        <header className="site">
          <div className="wrap">
            <a className="brand" href="/">
              {vi.images === 'on' && <Emblem />}
              <span>{context.networkName}<br /><span className="muted">{M.catalogue}</span></span>
            </a>
            <nav aria-label="Служебные ссылки">
              {vi.enabled
                ? <a href={viLink({ on: '0' }, path)}>{M.viOff}</a>
                : <a href={viLink({ on: '1' }, path)}>{M.viOn}</a>}
              <a href="/app/">{M.staffLogin}</a>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>{children}</main>
        <footer className="site"><div className="wrap">{M.footer}</div></footer>
      </body>
    </html>
  );
}

/** A book: the network's emblem, the only picture of the site (hidden with images off). */
function Emblem() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" strokeWidth="2" d="M3 5c3-1 6-1 9 1 3-2 6-2 9-1v14c-3-1-6-1-9 1-3-2-6-2-9-1zM12 6v14" />
    </svg>
  );
}

function ViPanel({ vi, path }: { vi: ViSettings; path: string }) {
  const group = <K extends keyof ViChange & keyof ViSettings>(key: K, label: string, values: readonly string[], names: Record<string, string>) => (
    <div>
      <span id={`vi-${key}`}>{label}: </span>
      <ul aria-labelledby={`vi-${key}`}>
        {values.map((value) => (
          <li key={value}>
            <a href={viLink({ [key]: value }, path)} aria-current={vi[key] === value ? 'true' : undefined}>{names[value]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <nav className="vi-panel" aria-label={M.viSettings}>
      <div className="wrap">
        {group('size', M.viSize, FONT_SIZES, M.viSizes)}
        {group('scheme', M.viScheme, COLOUR_SCHEMES, M.viSchemes)}
        {group('images', M.viImages, IMAGES, M.viImagesOptions)}
        {group('spacing', M.viSpacing, LETTER_SPACINGS, M.viSpacings)}
      </div>
    </nav>
  );
}

/** The one search box, on the home page and above the results. */
export function SearchBox({ q }: { q: string }) {
  return (
    <form className="box" role="search" method="get" action="/search">
      <label htmlFor="q">{M.searchLabel}</label>
      <input id="q" name="q" type="search" defaultValue={q} placeholder={M.searchPlaceholder} />
      <button type="submit">{M.find}</button>
    </form>
  );
}

/** The age rating label, as on the book (mandatory labelling in Russia). */
export function AgeBadge({ age }: { age: string | null }) {
  return age ? <span className="age" title={M.ageRating(age)} aria-label={M.ageRating(age)}>{age}</span> : null;
}
