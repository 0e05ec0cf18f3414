/**
 * The build's hosting settings, validated before anything is built. They end up in every page
 * (script and link URLs, canonical links, the CSP), so anything that is not a plain value of the
 * expected form stops the build with one line instead of being copied into HTML:
 *
 * - `BASE_PATH`: a path of unreserved URL characters (`A–Z a–z 0–9 - . _ ~` and `/`) that starts
 *   and ends with `/`, without `//` (a protocol-relative URL: another host) and without `.` or `..`
 *   segments. Default `/`.
 * - `SITE_URL`: an `https://` origin (scheme, host, optional port; no path, query, fragment or
 *   credentials). Unset by default: then no page carries an absolute URL (no canonical link, no
 *   Open Graph URL or image, no sitemap entries), rather than a placeholder domain.
 * - `FRAME_ANCESTORS`: who may show the pages in a frame (CSP `frame-ancestors`): `'self'` (default),
 *   `'none'`, or `'self'` followed by https origins separated by spaces, e.g.
 *   `FRAME_ANCESTORS="'self' https://journal.example"` for a journal that embeds the figure.
 */
import { InputError } from '../stats/validate.ts';

export interface SiteSettings {
  readonly base: string;
  /** The https origin, or null when `SITE_URL` is unset. */
  readonly site: string | null;
  /** Source list of the CSP's `frame-ancestors` directive. */
  readonly frameAncestors: string;
}

const BASE_PATH = /^\/(?:[A-Za-z0-9\-._~]+\/)*$/;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const ORIGIN = /^https:\/\/([^/?#@:\s]+)(?::(\d{1,5}))?\/?$/;

function show(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** `BASE_PATH` as given, or an {@link InputError}. */
export function checkBasePath(value: string): string {
  const why = !value.startsWith('/')
    ? 'it must start with /'
    : !value.endsWith('/')
      ? 'it must end with /'
      : value.includes('//')
        ? 'it must not contain // (that names another host)'
        : !BASE_PATH.test(value)
          ? 'only letters, digits, - . _ ~ and / are allowed'
          : value.split('/').some((s) => s === '.' || s === '..')
            ? 'it must not contain . or .. segments'
            : null;
  if (why) throw new InputError(`BASE_PATH=${show(value)} is not a valid base path: ${why} (e.g. /supplementary/hbsn-2019-06-02/)`);
  return value;
}

/** An https origin without trailing slash, or an {@link InputError}. */
export function checkOrigin(value: string, name: string): string {
  const m = ORIGIN.exec(value);
  const port = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || !HOST.test(m[1]) || (port !== null && (port < 1 || port > 65535))) {
    throw new InputError(`${name}=${show(value)} is not an https:// origin (scheme and host only, e.g. https://journal.example)`);
  }
  return `https://${m[1]}${m[2] === undefined ? '' : `:${m[2]}`}`;
}

/** `FRAME_ANCESTORS` as a CSP source list, or an {@link InputError}. */
export function checkFrameAncestors(value: string): string {
  const parts = value.trim().split(/\s+/);
  if (parts.length === 1 && (parts[0] === "'none'" || parts[0] === "'self'")) return parts[0];
  if (parts[0] !== "'self'") {
    throw new InputError(`FRAME_ANCESTORS=${show(value)} must be 'none', 'self' or 'self' followed by https:// origins`);
  }
  const origins = parts.slice(1).map((p) => checkOrigin(p, 'FRAME_ANCESTORS'));
  return ["'self'", ...origins].join(' ');
}

/** Reads and validates the settings from the environment (empty values mean the default). */
export function siteSettings(env: Readonly<Record<string, string | undefined>>): SiteSettings {
  return {
    base: checkBasePath(env.BASE_PATH || '/'),
    site: env.SITE_URL ? checkOrigin(env.SITE_URL, 'SITE_URL') : null,
    frameAncestors: checkFrameAncestors(env.FRAME_ANCESTORS || "'self'"),
  };
}
