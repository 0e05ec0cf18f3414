/**
 * Every reconstructed hazard ratio on the story and the explorer is shown with its pooled interval
 * (Rubin's rules over the ensemble, src/generated/uncertainty.json) and the word "reconstructed"
 * beside it; values the reconstruction was fitted to are never called recomputed; headlines quote
 * the printed medians. With real data (no ensemble) no HR is marked reconstructed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import { UncertaintyFile } from '../../src/analysis/uncertainty-schema.ts';
import { formatEstimateCI } from '../../src/format/number.ts';

const uncertainty = UncertaintyFile.nullable().parse(JSON.parse(readFileSync('src/generated/uncertainty.json', 'utf8')));
/** `calcification-os-yes` → `0.44 (0.16–1.19)`: the pooled HR and interval the pages must show. */
const pooled = new Map<string, string>(
  (uncertainty?.views ?? []).flatMap((v) => v.hazardRatios.map((h) => [`${v.id}-${h.term}`, formatEstimateCI(h.hr, h.lower, h.upper)] as const)),
);

interface Marked {
  key: string;
  text: string;
  reconstructed: boolean;
}

/** Every element marked with `data-hr`, with its text (hidden views included: textContent). */
function markedHazards(page: TestPage): Promise<Marked[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-hr]')].map((e) => ({
      key: e.getAttribute('data-hr') ?? '',
      text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
      reconstructed: e.hasAttribute('data-reconstructed'),
    })),
  );
}

/** Text of the main content with every `data-hr` element cut out: where an unmarked HR would hide. */
function unmarkedText(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const main = (document.querySelector('main') ?? document.body).cloneNode(true) as HTMLElement;
    main.querySelectorAll('[data-hr], svg, script, style, template').forEach((e) => e.remove());
    return (main.textContent ?? '').replace(/\s+/g, ' ');
  });
}

/** An HR with its interval as the site prints it: `0.44 (0.16–1.19)`. */
const HR_WITH_CI = /\b\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)/g;

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('uncertainty of reconstructed numbers in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const path of ['', 'explore/']) {
    it(`/${path}: every HR is the pooled one, with "reconstructed" beside it, and none is unmarked`, async () => {
      const page = await browser.newPage();
      expect(await page.goto(`${server.url}${path}`, { waitUntil: 'load' })).toBe(200);
      const marked = await markedHazards(page);
      const unmarked = [...(await unmarkedText(page)).matchAll(HR_WITH_CI)].map((m) => m[0]);
      await page.close();
      if (!uncertainty) {
        // Real data: numbers shown as computed, nothing labelled reconstructed.
        expect(marked.length).toBeGreaterThan(0);
        expect(marked.filter((m) => m.reconstructed || /reconstructed/.test(m.text))).toEqual([]);
        return;
      }
      // Every hazard ratio of the ensemble appears, and every appearance is the pooled one, labelled.
      expect(new Set(marked.map((m) => m.key))).toEqual(new Set(pooled.keys()));
      for (const m of marked) {
        expect(m.text, m.key).toContain(pooled.get(m.key));
        expect(m.text, m.key).toMatch(/\breconstructed\b/);
        expect(m.reconstructed, m.key).toBe(true);
      }
      // No HR with an interval anywhere else on the page (it would be one without the label).
      expect(unmarked).toEqual([]);
    });
  }

  for (const path of ['journal-club/', 'journal-club/handout/']) {
    it.runIf(!!uncertainty)(`/${path}: every HR with an interval is a pooled one, with "reconstructed" beside it`, async () => {
      const page = await browser.newPage();
      expect(await page.goto(`${server.url}${path}`, { waitUntil: 'load' })).toBe(200);
      const text = await page.evaluate(() => {
        const main = (document.querySelector('main') ?? document.body).cloneNode(true) as HTMLElement;
        main.querySelectorAll('svg, script, style, template').forEach((e) => e.remove());
        return (main.textContent ?? '').replace(/\s+/g, ' ');
      });
      await page.close();
      const found = [...text.matchAll(HR_WITH_CI)];
      expect(found.length).toBeGreaterThan(0);
      const known = new Set(pooled.values());
      for (const m of found) {
        expect(known.has(m[0]), `${m[0]} is not a pooled HR`).toBe(true);
        // "Beside": within the sentence, table cell or slide line around it.
        const around = text.slice(Math.max(0, m.index! - 160), m.index! + m[0].length + 160);
        expect(around, m[0]).toMatch(/\breconstructed\b/);
      }
    });
  }

  it.runIf(!!uncertainty)('/ and /explore/: fitted values are labelled fitted, never recomputed; headlines quote the paper', async () => {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    const story = await page.evaluate(() => document.body.textContent ?? '');
    expect(story).not.toMatch(/recomputed/i);
    expect(story).toMatch(/fitted to the published value/);
    await page.goto(`${server.url}explore/?grouping=calcification&endpoint=rfs`, { waitUntil: 'load' });
    const headline = await page.text('.km-view[data-view="calcification-rfs"] .km-summary-line');
    expect(headline).toMatch(/^Median RFS \d+(\.\d)? months without calcification vs \d+(\.\d)? with, as published; log-rank p = 0\.\d+, as published$/);
    const panel = await page.text('.km-view[data-view="calcification-rfs"] .km-stats');
    expect(panel).toMatch(/fitted to the published value/);
    expect(panel).not.toMatch(/recomputed/i);
    await page.close();
  });
});
