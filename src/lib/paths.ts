/**
 * Site-internal links that work at the root and under a sub-path (BASE_PATH at build time).
 * Astro exposes the base as `import.meta.env.BASE_URL`; every internal href goes through here.
 */
const BASE: string = (import.meta.env?.BASE_URL as string | undefined) ?? '/';

/** `href('explore/')` → `/explore/` or `/supplementary/hbsn-2019-06-02/explore/`. */
export function href(path = ''): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}
