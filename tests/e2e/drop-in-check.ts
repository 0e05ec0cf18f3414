/**
 * What a site built from a real-data drop-in must be (tests/e2e/drop-in.e2e.ts,
 * drop-in-random.e2e.ts); the build itself is tests/e2e/drop-in.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { builtPages, DIST, serveStatic } from './harness.ts';
import type { TestBrowser } from './browsers.ts';
import type { DropInBuild } from './drop-in.ts';
import { DEFAULT_KM_STATE, kmStateToQuery } from '../../src/charts/km-state.ts';

/** The text of a page as a reader sees it, near enough: tags out, the entities Astro writes decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The pages of the reference build, which the drop-in builds must all have too. */
const referencePages = () => builtPages(DIST).map((p) => p.file);

/** Views a case affects, opened in the browser: the client redraws them from the same data. */
const VIEWS = [
  { grouping: 'enhancement', endpoint: 'os' },
  { grouping: 'calcification', endpoint: 'os' },
] as const;

/**
 * What every drop-in build must be: built (exit 0, nothing on stderr) and swapped in whole, with
 * every page of the reference build, no `undefined`/`NaN`/`Infinity` in any page's text, each of
 * `limits` (sentences of src/format/limits.ts) on /explore/ and the first on the story, and the
 * story, journal club and affected explorer views running in Chromium without a console error.
 */
export async function checkDropInSite(b: DropInBuild, limits: readonly string[], browser: TestBrowser): Promise<void> {
  expect(b.stderr).toBe('');
  expect(b.code).toBe(0);
  // dist/ was swapped in whole: no temporary build folder is left beside it.
  expect(readdirSync(b.root).filter((n) => n.startsWith('dist'))).toEqual(['dist']);
  const pages = builtPages(b.dist);
  expect(pages.map((p) => p.file)).toEqual(referencePages());
  for (const p of pages) {
    const text = pageText(p.html);
    expect(text, p.file).not.toMatch(/\bundefined\b|\bNaN\b|Infinity|\[object Object\]/);
  }
  const text = (file: string) => pageText(readFileSync(join(b.dist, file), 'utf8'));
  // The figure explains each view it cannot fully show; the story and the journal club too.
  for (const limit of limits) expect(text('explore/index.html')).toContain(limit);
  if (limits.length) expect(text('index.html')).toContain(limits[0]);

  const server = await serveStatic(b.dist);
  try {
    const urls = ['', 'journal-club/', 'journal-club/leader/', ...VIEWS.map((v) => `explore/${kmStateToQuery({ ...DEFAULT_KM_STATE, ...v })}`)];
    for (const path of urls) {
      const page = await browser.newPage();
      expect(await page.goto(server.url + path, { waitUntil: 'networkidle' }), path).toBe(200);
      expect(page.watch.consoleErrors, path).toEqual([]);
      expect(page.watch.foreignRequests, path).toEqual([]);
      await page.close();
    }
  } finally {
    await server.close();
  }
}

