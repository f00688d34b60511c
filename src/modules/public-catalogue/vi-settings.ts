/**
 * The version for the visually impaired (ГОСТ Р 52872-2019): on or off, and its settings — font size,
 * colour scheme, images, letter spacing — chosen by plain GET links (no JavaScript) and remembered in a
 * cookie. Pure: parsing and writing the cookie value, the classes the page root gets, the settings links.
 */

export const VI_COOKIE = 'vi';

export const FONT_SIZES = ['normal', 'large', 'largest'] as const;
export const COLOUR_SCHEMES = ['black-on-white', 'white-on-black', 'blue-on-light-blue'] as const;
export const IMAGES = ['on', 'off'] as const;
export const LETTER_SPACINGS = ['normal', 'wide'] as const;

export interface ViSettings {
  enabled: boolean;
  size: (typeof FONT_SIZES)[number];
  scheme: (typeof COLOUR_SCHEMES)[number];
  images: (typeof IMAGES)[number];
  spacing: (typeof LETTER_SPACINGS)[number];
}

/** The normal version; switching the VI version on starts from large black-on-white type, images shown. */
export const NORMAL_VERSION: ViSettings = { enabled: false, size: 'normal', scheme: 'black-on-white', images: 'on', spacing: 'normal' };
const VI_DEFAULTS: ViSettings = { enabled: true, size: 'large', scheme: 'black-on-white', images: 'on', spacing: 'normal' };

const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** The cookie value «large.white-on-black.off.wide» → settings; anything else → the normal version. */
export function parseViCookie(value: string | undefined): ViSettings {
  if (!value) return NORMAL_VERSION;
  const [size, scheme, images, spacing] = value.split('.');
  return {
    enabled: true,
    size: pick(FONT_SIZES, size, VI_DEFAULTS.size),
    scheme: pick(COLOUR_SCHEMES, scheme, VI_DEFAULTS.scheme),
    images: pick(IMAGES, images, VI_DEFAULTS.images),
    spacing: pick(LETTER_SPACINGS, spacing, VI_DEFAULTS.spacing),
  };
}

/** The cookie value for settings; undefined for the normal version (the cookie is cleared). */
export function viCookieValue(settings: ViSettings): string | undefined {
  return settings.enabled ? [settings.size, settings.scheme, settings.images, settings.spacing].join('.') : undefined;
}

/** The query of a `/vi` request: `on=0` back to the normal version; otherwise each given setting changes. */
export interface ViChange { on?: string; size?: string; scheme?: string; images?: string; spacing?: string }

export function applyViChange(current: ViSettings, change: ViChange): ViSettings {
  if (change.on === '0') return NORMAL_VERSION;
  const base = current.enabled ? current : VI_DEFAULTS;
  return {
    enabled: true,
    size: pick(FONT_SIZES, change.size, base.size),
    scheme: pick(COLOUR_SCHEMES, change.scheme, base.scheme),
    images: pick(IMAGES, change.images, base.images),
    spacing: pick(LETTER_SPACINGS, change.spacing, base.spacing),
  };
}

/** Classes on <html>: «vi vi-size-large vi-scheme-white-on-black vi-images-off vi-spacing-wide», or none. */
export function viClassName(settings: ViSettings): string | undefined {
  if (!settings.enabled) return undefined;
  return ['vi', `vi-size-${settings.size}`, `vi-scheme-${settings.scheme}`, `vi-images-${settings.images}`, `vi-spacing-${settings.spacing}`].join(' ');
}

/** The link that applies a change and comes back to the page (a path on this site only). */
export function viLink(change: ViChange, back: string): string {
  const params = new URLSearchParams(Object.entries(change).filter((entry): entry is [string, string] => entry[1] !== undefined));
  params.set('back', back);
  return `/vi?${params.toString()}`;
}

/** Only a local path may be returned to (never «//evil.example» or «https://…»); percent-encoded for the Location header. */
export function safeBackPath(back: unknown): string {
  if (typeof back !== 'string' || !back.startsWith('/') || back.startsWith('//') || back.includes('\\')) return '/';
  const url = new URL(back, 'http://localhost');
  return url.host === 'localhost' ? `${url.pathname}${url.search}` : '/';
}
