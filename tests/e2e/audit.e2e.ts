/**
 * /tables/ and /audit/ in Chromium and Firefox: the badges and their notes, the filters of /audit/
 * by keyboard; a finding's link lands on its highlighted cell of /tables/; with JavaScript off every
 * finding shows. (axe-core on both pages, light and dark, JavaScript on and off: a11y.e2e.ts.)
 * Run after a build: E2E_DIST=dist npx vitest run --config vitest.e2e.config.ts tests/e2e/audit.e2e.ts
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser, tabTo } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';

const audit = JSON.parse(readFileSync('src/generated/audit.json', 'utf8')) as {
  summary: { checked: number };
  findings: { id: string; verdict: string; severity: string | null; scope: string; cells: string[] }[];
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
    it('shows the printed strings, a badge on every audited cell, and N/A beside our recomputed P', async () => {
      const page = await open('tables/');
      expect(await page.text('#t2-asa-p .printed')).toBe('0.017*');
      expect(await page.text('#t2-insurance-private-no .printed')).toBe('28 (66.6)+');
      const t3diabetes = await page.text('#t3-diabetes-p');
      expect(t3diabetes).toContain('N/A');
      expect(t3diabetes).toMatch(/ours: Fisher 0\.017\d/);
      const cells = [...new Set(audit.findings.flatMap((f) => f.cells))];
      const missing = await page.evaluate((ids) => ids.filter((id) => !document.querySelector(`#${CSS.escape(id)} details.audit-badge`)), cells);
      expect(missing).toEqual([]);
      // The badge opens its explanation with the keyboard.
      await page.focus('#t2-asa-p summary');
      await page.press('Enter');
      await expect.poll(() => page.text('#t2-asa-p .audit-note')).toContain("Fisher's exact test gives 0.0167");
      await page.close();
    });
  });

  describe('/audit/', () => {
    it('summary first, then filters that work by keyboard', async () => {
      const page = await open('audit/');
      const first = await page.text('main p.summary-line');
      expect(first).toContain(`${audit.summary.checked} numbers or groups of numbers checked`);
      const total = audit.findings.length;
      expect(await page.text('[data-status]')).toBe(`Showing ${total} of ${total} findings.`);

      const consistent = audit.findings.filter((f) => f.verdict === 'consistent').length;
      await tabTo(page, 'input[name="kind"][value="consistent"]');
      await page.press('Space');
      await expect.poll(() => visibleFindings(page)).toBe(total - consistent);
      expect(await page.text('[data-status]')).toBe(`Showing ${total - consistent} of ${total} findings.`);

      await tabTo(page, 'select[name="scope"]');
      // Options: All parts, Table 1, Table 2, Table 3, Table S1, … — four steps down is Table S1.
      for (let i = 0; i < 4; i++) await page.press('ArrowDown');
      await expect.poll(() => page.inputValue('select[name="scope"]')).toBe('Table S1');
      const s1 = audit.findings.filter((f) => f.scope === 'Table S1' && f.verdict !== 'consistent').length;
      await expect.poll(() => visibleFindings(page)).toBe(s1);
      const scopes = await page.evaluate(() => [
        ...new Set([...document.querySelectorAll<HTMLElement>('#findings > li[data-kind]')].filter((li) => li.checkVisibility()).map((e) => e.dataset.scope)),
      ]);
      expect(scopes).toEqual(['Table S1']);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('a finding links to its cell on /tables/, which is highlighted and shows its note', async () => {
      const page = await open('audit/');
      await page.click('#f-t2-asa-p-pvalue a[data-finding-link]');
      await page.waitForURL((u) => /\/tables\/$/.test(u.pathname) && u.hash === '#t2-asa-p');
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

    it('with JavaScript off, every finding is visible and the filter controls stay hidden', async () => {
      const page = await open('audit/', { javaScript: false });
      expect(await visibleFindings(page)).toBe(audit.findings.length);
      expect(await page.isVisible('[data-controls]')).toBe(false);
      await page.close();
    });

    it('with JavaScript off, a link still lands on the highlighted cell', async () => {
      const page = await open('audit/', { javaScript: false });
      await page.click('#f-t3-operation-bisegmentectomy-total-cohort a[data-finding-link]');
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
