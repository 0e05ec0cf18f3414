/**
 * /tables/ and /audit/ in Chromium: axe-core (WCAG 2.2 AA tags) in light and dark, with every
 * audit note open too; the filters of /audit/ by keyboard; a finding's link lands on its
 * highlighted cell of /tables/; with JavaScript off every finding shows.
 * Run after `npm run build`: npx vitest run --config vitest.e2e.config.ts tests/e2e/audit.e2e.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveStatic, watchPage } from './harness.ts';
import type { StaticServer } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const audit = JSON.parse(readFileSync('src/generated/audit.json', 'utf8')) as {
  summary: { checked: number };
  findings: { id: string; verdict: string; severity: string | null; scope: string; cells: string[] }[];
};

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; watch: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  return { page, context, watch };
}

async function axe(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v: { id: string; nodes: { target: unknown }[] }) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')} (${v.nodes.length})`);
  });
  expect(violations, label).toEqual([]);
}

/** Presses Tab until the focused element matches `selector`. Keyboard only. */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

const visibleFindings = (page: Page) => page.locator('#findings > li[data-kind]:visible').count();

describe('axe-core, WCAG 2.2 AA', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['tables/', 'audit/']) {
      it(`/${path} in ${colorScheme}: no violations, closed and with every audit note open`, async () => {
        const { page, context, watch } = await open(path, { colorScheme });
        await axe(page, `/${path} ${colorScheme}`);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        await axe(page, `/${path} ${colorScheme}, notes open`);
        expect(watch.consoleErrors).toEqual([]);
        expect(watch.foreignRequests).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('/tables/', () => {
  it('shows the printed strings, a badge on every audited cell, and N/A beside our recomputed P', async () => {
    const { page, context } = await open('tables/');
    await expect(page.locator('#t2-asa-p .printed').innerText()).resolves.toBe('0.017*');
    await expect(page.locator('#t2-insurance-private-no .printed').innerText()).resolves.toBe('28 (66.6)+');
    const t3diabetes = await page.locator('#t3-diabetes-p').innerText();
    expect(t3diabetes).toContain('N/A');
    expect(t3diabetes).toMatch(/ours: Fisher 0\.017\d/);
    const cells = [...new Set(audit.findings.flatMap((f) => f.cells))];
    const missing = await page.evaluate((ids) => ids.filter((id) => !document.querySelector(`#${CSS.escape(id)} details.audit-badge`)), cells);
    expect(missing).toEqual([]);
    // The badge opens its explanation with the keyboard.
    await page.locator('#t2-asa-p summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#t2-asa-p .audit-note').innerText()).resolves.toContain("Fisher's exact test gives 0.0167");
    await context.close();
  });
});

describe('/audit/', () => {
  it('summary first, then filters that work by keyboard', async () => {
    const { page, context, watch } = await open('audit/');
    const first = await page.locator('main p.summary-line').innerText();
    expect(first).toContain(`${audit.summary.checked} numbers or groups of numbers checked`);
    const total = audit.findings.length;
    await expect(page.locator('[data-status]').innerText()).resolves.toBe(`Showing ${total} of ${total} findings.`);

    const consistent = audit.findings.filter((f) => f.verdict === 'consistent').length;
    await tabTo(page, 'input[name="kind"][value="consistent"]');
    await page.keyboard.press('Space');
    await expect.poll(() => visibleFindings(page)).toBe(total - consistent);
    await expect(page.locator('[data-status]').innerText()).resolves.toBe(`Showing ${total - consistent} of ${total} findings.`);

    await tabTo(page, 'select[name="scope"]');
    // Options: All parts, Table 1, Table 2, Table 3, Table S1, … — four steps down is Table S1.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('select[name="scope"]').inputValue()).toBe('Table S1');
    const s1 = audit.findings.filter((f) => f.scope === 'Table S1' && f.verdict !== 'consistent').length;
    await expect.poll(() => visibleFindings(page)).toBe(s1);
    const scopes = await page.locator('#findings > li[data-kind]:visible').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.scope))]);
    expect(scopes).toEqual(['Table S1']);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('a finding links to its cell on /tables/, which is highlighted and shows its note', async () => {
    const { page, context } = await open('audit/');
    await page.locator('#f-t2-asa-p-pvalue a[data-finding-link]').click();
    await page.waitForURL(/\/tables\/#t2-asa-p$/);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target') as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return {
        id: el.id,
        outline: style.outlineStyle,
        inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
        open: (el.querySelector('details.audit-badge') as HTMLDetailsElement | null)?.open ?? false,
      };
    });
    expect(target).toEqual({ id: 't2-asa-p', outline: 'solid', inView: true, open: true });
    await context.close();
  });

  it('with JavaScript off, every finding is visible and the filter controls stay hidden', async () => {
    const { page, context } = await open('audit/', { javaScriptEnabled: false });
    expect(await visibleFindings(page)).toBe(audit.findings.length);
    expect(await page.locator('[data-controls]').isVisible()).toBe(false);
    await context.close();
  });

  it('with JavaScript off, a link still lands on the highlighted cell', async () => {
    const { page, context } = await open('audit/', { javaScriptEnabled: false });
    await page.locator('#f-t3-operation-bisegmentectomy-total-cohort a[data-finding-link]').click();
    await page.waitForURL(/#t3-operation-bisegmentectomy-total$/);
    const outline = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return el ? [el.id, getComputedStyle(el).outlineStyle] : null;
    });
    expect(outline).toEqual(['t3-operation-bisegmentectomy-total', 'solid']);
    await context.close();
  });
});
