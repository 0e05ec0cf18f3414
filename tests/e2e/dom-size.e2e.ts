/**
 * DOM size of every built page at first paint (src/lib/dom-size.ts): a count, not a timing, so it
 * gates. Prints each page's count; fails when one is above MAX_DOM_ELEMENTS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFilesBelow, servedPath } from '../../src/lib/built-files.ts';
import { MAX_DOM_ELEMENTS, domElementCount } from '../../src/lib/dom-size.ts';
import { DIST } from './builds.ts';

describe(`DOM size: every built page has at most ${MAX_DOM_ELEMENTS} elements at first paint`, () => {
  const pages = htmlFilesBelow(DIST).map((rel) => ({
    page: `/${servedPath(rel)}`,
    elements: domElementCount(readFileSync(join(DIST, rel), 'utf8')),
  }));

  it('finds the built pages', () => {
    expect(pages.map((p) => p.page)).toContain('/');
    expect(pages.length).toBeGreaterThan(10);
  });

  it(`no page is above ${MAX_DOM_ELEMENTS} elements`, () => {
    const width = Math.max(...pages.map((p) => p.page.length));
    console.log(pages.map((p) => `${p.page.padEnd(width)}  ${String(p.elements).padStart(5)}${p.elements > MAX_DOM_ELEMENTS ? '  OVER' : ''}`).join('\n'));
    expect(pages.filter((p) => p.elements > MAX_DOM_ELEMENTS).map((p) => `${p.page}: ${p.elements}`)).toEqual([]);
  });
});
