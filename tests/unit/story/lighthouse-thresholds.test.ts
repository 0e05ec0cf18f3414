import { describe, expect, it } from 'vitest';
import { checkThresholds, DEFAULT_THRESHOLDS, formatResult } from '../../../src/cli/lighthouse.ts';
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
  lighthouseVersion: '12.2.3',
  userAgent: 'test',
};

describe('lighthouse thresholds', () => {
  it('a page at or above every threshold passes', () => {
    expect(checkThresholds(good, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(formatResult(good, [])).toMatch(/^ok {3}\/ {2}performance 99/);
  });

  it('lists every threshold a page breaks', () => {
    const bad = { ...good, scores: { performance: 97, accessibility: 96, bestPractices: 100, seo: 92 }, lcp: 1600, cls: 0.02, jsBytes: 50 * 1024 };
    expect(checkThresholds(bad, DEFAULT_THRESHOLDS)).toEqual([
      'performance 97 < 98',
      'accessibility 96 < 100',
      'SEO 92 < 100',
      'LCP 1600 ms > 1500 ms',
      'CLS 0.020 > 0.01',
      'JavaScript 50.0 KB > 40.0 KB gzipped',
    ]);
  });
});
