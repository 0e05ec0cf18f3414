/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the root of the published
 * directory: security headers for every response and long-lived caching for hashed assets.
 *
 * Format: a line with a URL path pattern (`*` matches anything), then indented `Name: value`
 * lines. Both hosts merge the headers of every rule that matches (repeated names are joined with
 * commas), so each header name appears in exactly one rule that can match a given path: the
 * Content-Security-Policy lives only in the catch-all rule and Cache-Control only in the specific
 * ones.
 *
 * Paths include the base path. A site built for `BASE_PATH=/supplementary/hbsn-2019-06-02/` gets
 * rules for `/supplementary/hbsn-2019-06-02/*`: a host that serves the build under that path reads
 * `_headers` from the root of its own published directory, so the file is moved there (or its
 * rules appended to the journal's own `_headers`).
 */

/** Features the site never uses, switched off for it and anything it might frame. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

export interface HeaderRule {
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
}

function normaliseBase(base: string): string {
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`;
  return b === '//' ? '/' : b;
}

/**
 * The rules for a site built for `base` with `policy` as its CSP. `frameAncestors` (the validated
 * FRAME_ANCESTORS setting, default `'self'`) says who may frame the pages: browsers ignore
 * `frame-ancestors` in a <meta> policy, so it is added to the header only, with the matching
 * X-Frame-Options for older browsers when it can express it.
 */
export function headerRules(policy: string, base = '/', frameAncestors = "'self'"): HeaderRule[] {
  const b = normaliseBase(base);
  const frameOptions: [string, string][] =
    frameAncestors === "'self'" ? [['X-Frame-Options', 'SAMEORIGIN']] : frameAncestors === "'none'" ? [['X-Frame-Options', 'DENY']] : [];
  return [
    {
      path: `${b}*`,
      headers: [
        ['Content-Security-Policy', `${policy}; frame-ancestors ${frameAncestors}`],
        ...frameOptions,
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
        ['Permissions-Policy', PERMISSIONS_POLICY],
        ['Cross-Origin-Opener-Policy', 'same-origin'],
      ],
    },
    // Vite's output: file names carry a content hash, so they never change.
    { path: `${b}_astro/*`, headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
    // The service worker and its registration script must be revalidated on every visit.
    { path: `${b}sw.js`, headers: [['Cache-Control', 'no-cache']] },
    { path: `${b}jc-offline.js`, headers: [['Cache-Control', 'no-cache']] },
  ];
}

/** The `_headers` file for these rules. */
export function formatHeadersFile(rules: readonly HeaderRule[], base = '/'): string {
  const b = normaliseBase(base);
  const lines = [
    '# Response headers for Netlify and Cloudflare Pages, written by the build (src/security/). Do not edit:',
    '# the Content-Security-Policy must equal the <meta http-equiv="content-security-policy"> of every page, plus',
    '# frame-ancestors (FRAME_ANCESTORS at build time), which browsers only obey in a header.',
  ];
  if (b !== '/') lines.push(`# Built for the sub-path ${b}: the host reads this file from the root of its published directory.`);
  for (const rule of rules) {
    lines.push(rule.path);
    for (const [name, value] of rule.headers) lines.push(`  ${name}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Parses a `_headers` file (comments and blank lines ignored). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(raw);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers: cannot read line: ${raw}`);
    rule.headers.push([m[1], m[2].trim()]);
  }
  return rules;
}

/** Whether a rule path (with `*` wildcards) matches a URL path. */
export function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

/** Headers for one URL path: every matching rule, values of repeated names joined with ", " (as the hosts do). */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}
