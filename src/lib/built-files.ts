/**
 * Walking a built site (or any folder) and naming its pages, shared by the build integrations
 * (CSP, modulepreload, offline precache), the CLIs (size, links, reproducibility) and the tests.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file below `dir` as a `/`-separated path relative to it, sorted by that path (a fixed
 * order keeps builds reproducible). A file or folder whose relative path `skip` accepts is left
 * out, and such a folder is not entered.
 */
export function filesBelow(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (skip(rel)) continue;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The HTML files below `dir`, as {@link filesBelow} gives them. */
export function htmlFilesBelow(dir: string): string[] {
  return filesBelow(dir).filter((f) => f.endsWith('.html'));
}

/**
 * The URL path below the site's base at which a static host serves a built file: a page by its
 * folder (`explore/index.html` → `explore/`, `index.html` → ``), any other file by its own name.
 */
export function servedPath(rel: string): string {
  if (rel === 'index.html') return '';
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}
