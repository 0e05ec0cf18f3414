/**
 * /tables/ and /audit/ in Chromium and Firefox: the badges and their notes, the filters of /audit/
 * by keyboard; a finding's link lands on its highlighted cell of /tables/; with JavaScript off every
 * check of a part page shows. (axe-core on both pages, light and dark, JavaScript on and off: a11y.e2e.ts.)
 * Run after a build: E2E_DIST=dist npx vitest run --config vitest.e2e.config.ts tests/e2e/audit.e2e.ts
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partOfCell } from '../../src/audit/anchors.ts';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser, tabTo } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';

const audit = JSON.parse(readFileSync('src/generated/audit.json', 'utf8')) as {
  summary: { checked: number };
  findings: { id: string; verdict: string; consequence: string | null; scope: string; cells: string[] }[];
};

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

const visibleFindings = (page: TestPage) =>
  page.evaluate(() => [...document.querySelectorAll('#findings > li[data-kind]')].filter((li) => li.checkVisibility()).length);

describe.each(BROWSERS)('audit pages in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, options: PageOptions = {}): Promise<TestPage> {
    const page = await browser.newPage(options);
    expect(await page.goto(server.url + path, { waitUntil: 'networkidle' })).toBe(200);
    return page;
  }

  // axe-core on both pages, light and dark, JavaScript on and off, every note open: a11y.e2e.ts.

  describe('/tables/', () => {
    it('lists the six parts, each on its own page; old links to a cell of /tables/ land on its part page', async () => {
      const page = await open('tables/');
      const parts = await page.evaluate(() => [...document.querySelectorAll('ul.table-parts a')].map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(parts).toEqual(['table-1', 'table-2', 'table-3', 'table-s1', 'figures', 'text'].map((p) => `/tables/${p}/`));
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
      const old = await browser.newPage();
      await old.goto(`${server.url}tables/#t2-asa-p`);
      await old.waitForURL((u) => u.pathname === '/tables/table-2/' && u.hash === '#t2-asa-p');
      await old.close();
    });

    it('shows the printed strings, a badge on every audited cell of each part page, and N/A beside our recomputed P', async () => {
      const page = await open('tables/table-2/');
      expect(await page.text('#t2-asa-p .printed')).toBe('0.017*');
      expect(await page.text('#t2-insurance-private-no .printed')).toBe('28 (66.6)+');
      // The badge opens its explanation with the keyboard.
      await page.focus('#t2-asa-p summary');
      await page.press('Enter');
      await expect.poll(() => page.text('#t2-asa-p .audit-note')).toContain("Fisher's exact test gives 0.0167");
      await page.close();
      const t3 = await open('tables/table-3/');
      const t3diabetes = await t3.text('#t3-diabetes-p');
      expect(t3diabetes).toContain('N/A');
      expect(t3diabetes).toMatch(/ours: Fisher 0\.017\d/);
      await t3.close();
      // Every cell a finding names has its badge on the page of its part.
      const cells = [...new Set(audit.findings.flatMap((f) => f.cells))];
      const byPart = new Map<string, string[]>();
      for (const c of cells) byPart.set(partOfCell(c), [...(byPart.get(partOfCell(c)) ?? []), c]);
      expect([...byPart.keys()].sort()).toEqual(['figures', 'table-1', 'table-2', 'table-3', 'table-s1', 'text']);
      for (const [part, ids] of byPart) {
        const p = await open(`tables/${part}/`);
        const missing = await p.evaluate((list) => list.filter((id) => !document.querySelector(`#${CSS.escape(id)} details.audit-badge`)), ids);
        expect(missing, part).toEqual([]);
        await p.close();
      }
    });
  });

  describe('/audit/', () => {
    it('opens with the distinct problems by consequence; counts add up; small DOM; no check is listed by default', async () => {
      const page = await open('audit/');
      const first = await page.text('main p.summary-line');
      expect(first).toContain(`${audit.summary.checked} checks`);
      const problems = audit.findings.filter((f) => f.verdict === 'inconsistent').length;
      expect(await page.evaluate(() => document.querySelectorAll('ol.problems > li').length)).toBe(problems);
      expect(await page.evaluate(() => document.querySelectorAll('#findings').length)).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThanOrEqual(1500);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('a part page filters its checks by keyboard', async () => {
      const page = await open('audit/table-2/');
      const mine = audit.findings.filter((f) => f.scope === 'Table 2');
      expect(await page.text('[data-status]')).toBe(`Showing ${mine.length} of ${mine.length} findings.`);
      const consistent = mine.filter((f) => f.verdict === 'consistent').length;
      await tabTo(page, 'input[name="kind"][value="consistent"]');
      await page.press('Space');
      await expect.poll(() => visibleFindings(page)).toBe(mine.length - consistent);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('a finding links to its cell on /tables/, which is highlighted and shows its note', async () => {
      const page = await open('audit/table-2/');
      await page.click('#f-t2-asa-p-pvalue a[data-finding-link]');
      await page.waitForURL((u) => /\/tables\/table-2\/$/.test(u.pathname) && u.hash === '#t2-asa-p');
      const target = await page.evaluate(() => {
        const el = document.querySelector(':target') as HTMLElement | null;
        if (!el) return null;
        const rect = el.getBoundingClientRect();
        return {
          id: el.id,
          outline: getComputedStyle(el).outlineStyle,
          inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
          open: (el.querySelector('details.audit-badge') as HTMLDetailsElement | null)?.open ?? false,
        };
      });
      expect(target).toEqual({ id: 't2-asa-p', outline: 'solid', inView: true, open: true });
      await page.close();
    });

    it('with JavaScript off, every check of a part is visible and the filter controls stay hidden', async () => {
      const page = await open('audit/table-3/', { javaScript: false });
      expect(await visibleFindings(page)).toBe(audit.findings.filter((f) => f.scope === 'Table 3').length);
      expect(await page.isVisible('[data-controls]')).toBe(false);
      await page.close();
    });

    it('with JavaScript off, the link of a problem still lands on the highlighted cell', async () => {
      const page = await open('audit/', { javaScript: false });
      await page.click('#f-t3-operation-bisegmentectomy-total-cohort .links a');
      await page.waitForURL((u) => u.hash === '#t3-operation-bisegmentectomy-total');
      const outline = await page.evaluate(() => {
        const el = document.querySelector(':target');
        return el ? [el.id, getComputedStyle(el).outlineStyle] : null;
      });
      expect(outline).toEqual(['t3-operation-bisegmentectomy-total', 'solid']);
      await page.close();
    });
  });
});
