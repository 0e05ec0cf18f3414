import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPage, checkThresholds, DEFAULT_THRESHOLDS, discoverPages, formatResult, formatTable, isScoreProblem } from '../../../src/cli/lighthouse.ts';
import type { PageResult } from '../../../src/cli/lighthouse.ts';

const good: PageResult = {
  page: '/',
  url: 'http://127.0.0.1:1/',
  scores: { performance: 99, accessibility: 100, bestPractices: 100, seo: 100 },
  lcp: 1200,
  fcp: 900,
  tbt: 20,
  cls: 0,
  speedIndex: 1000,
  jsBytes: 3000,
  jsFiles: [{ url: 'http://127.0.0.1:1/_astro/a.js', bytes: 3000 }],
  failingAudits: [],
  domElements: 900,
  noindex: false,
  htmlGzipBytes: 12_345,
  lighthouseVersion: '12.2.3',
  userAgent: 'test',
};

describe('lighthouse thresholds', () => {
  it('a page at or above every threshold passes', () => {
    expect(checkThresholds(good, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(formatResult(good, [])).toMatch(/^ok {3}\/ {2}performance 99/);
  });

  it('lists every threshold a page breaks', () => {
    const bad = { ...good, scores: { performance: 97, accessibility: 96, bestPractices: 100, seo: 92 }, lcp: 1600, tbt: 101, cls: 0.02, jsBytes: 50 * 1024 };
    const problems = checkThresholds(bad, DEFAULT_THRESHOLDS);
    expect(problems).toEqual([
      'performance 97 < 98',
      'accessibility 96 < 100',
      'SEO 92 < 100',
      'LCP 1600 ms > 1500 ms',
      'TBT 101 ms > 100 ms',
      'CLS 0.020 > 0.01',
      'JavaScript 50.0 KB > 40.0 KB gzipped',
    ]);
    // --gate scores: only the category scores that do not depend on timing set the exit code.
    expect(problems.filter(isScoreProblem)).toEqual(['accessibility 96 < 100', 'SEO 92 < 100']);
  });

  it('a noindex page passes SEO only when "is-crawlable" is the one SEO audit it fails', () => {
    const crawl = { category: 'seo', id: 'is-crawlable', title: 'Page is blocked from indexing', score: 0 };
    const other = { category: 'seo', id: 'document-title', title: 'Document has a <title> element', score: 0 };
    const noindex = { ...good, noindex: true, scores: { ...good.scores, seo: 69 }, failingAudits: [crawl] };
    expect(checkThresholds(noindex, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(formatResult(noindex, [])).toMatch(/asks not to be indexed/);
    expect(checkThresholds({ ...noindex, failingAudits: [crawl, other] }, DEFAULT_THRESHOLDS)).toEqual(['SEO 69 < 100']);
    // The same failure on a page that does not ask for noindex is a failure.
    expect(checkThresholds({ ...noindex, noindex: false }, DEFAULT_THRESHOLDS)).toEqual(['SEO 69 < 100']);
  });

  it('prints one table row per page with the medians, DOM size and gzipped HTML', () => {
    const table = formatTable([
      { result: good, problems: [] },
      { result: { ...good, page: '/tables/', tbt: 406, domElements: 7828 }, problems: ['TBT 406 ms > 100 ms'] },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| page +\| performance \| +LCP \| +TBT \| +CLS \| DOM elements \| HTML gz \|/);
    expect(table[2]).toMatch(/^\| \/ +\| +99 \| 1\.20 s \| +20 ms \| 0\.000 \| +900 \| 12\.3 kB \|.*\| +ok \|$/);
    expect(table[3]).toMatch(/^\| \/tables\/ +\|.*\| 406 ms \|.*\| +7828 \|.*\| FAIL \|$/);
  });
});

describe('lighthouse pages of a build', () => {
  it('finds every HTML file of dist/ and reads its noindex flag and gzipped size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lh-pages-'));
    try {
      mkdirSync(join(dir, 'explore', 'embed', 'a'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><title>x</title>');
      writeFileSync(join(dir, '404.html'), '<html><meta name="robots" content="noindex">');
      writeFileSync(join(dir, 'explore', 'index.html'), '<html>e');
      writeFileSync(join(dir, 'explore', 'embed', 'a', 'index.html'), '<html><meta name="robots" content="noindex">');
      writeFileSync(join(dir, 'explore', 'data.json'), '{}');
      mkdirSync(join(dir, 'story-figure'));
      writeFileSync(join(dir, 'story-figure', 'index.html'), '<figure>a partial, fetched into a page</figure>');
      expect(discoverPages(dir)).toEqual(['/404.html', '/explore/embed/a/', '/explore/', '/']);
      expect(builtPage(dir, '/404.html').noindex).toBe(true);
      expect(builtPage(dir, '/explore/embed/a/').noindex).toBe(true);
      expect(builtPage(dir, '/').noindex).toBe(false);
      expect(builtPage(dir, '/').htmlGzipBytes).toBeGreaterThan(0);
      expect(builtPage(dir, '/missing/').htmlGzipBytes).toBeNaN();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
