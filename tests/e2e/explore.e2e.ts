/**
 * /explore/ in Chromium: the Kaplan–Meier figure's toggles, keyboard crosshair, URL state with
 * back/forward, downloads, the page without JavaScript, a hostile query string, a strict CSP,
 * axe-core in light and dark, reflow at 320 px and reduced motion.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveStatic, watchPage } from './harness.ts';
import type { StaticServer } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VIEWS = ['all-rfs', 'all-os', 'calcification-rfs', 'calcification-os', 'enhancement-rfs', 'enhancement-os'];

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

async function openExplore(query = '', options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; context: BrowserContext; watch: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  await page.goto(`${server.url}explore/${query}`, { waitUntil: 'networkidle' });
  if (options.javaScriptEnabled !== false) await page.waitForSelector('km-figure[data-ready]');
  return { page, context, watch };
}

/** Views whose plot is rendered (content of hidden views is skipped or not displayed). */
function visibleViews(page: Page): Promise<string[]> {
  return page.$$eval('km-figure .km-view', (els) =>
    els.filter((e) => (e.querySelector('.km-svg-wrap') as HTMLElement).checkVisibility()).map((e) => (e as HTMLElement).dataset.view!),
  );
}

function layerDisplay(page: Page, layer: string): Promise<string[]> {
  return page.$$eval(
    `km-figure .km-view .km-${layer}`,
    (els) => els.filter((e) => (e.closest('.km-view')!.querySelector('.km-svg-wrap') as HTMLElement).checkVisibility()).map((e) => getComputedStyle(e).display),
  );
}

describe('/explore/ Kaplan–Meier figure in Chromium', () => {
  it('loads enhanced: one view shown, redrawn at the container width, no console errors, nothing from other origins', async () => {
    const { page, context, watch } = await openExplore();
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    const sizes = await page.$eval('.km-view[data-view="calcification-rfs"] .km-svg-wrap', (wrap) => ({
      wrap: Math.floor(wrap.clientWidth),
      svg: Number(wrap.querySelector('svg')!.getAttribute('width')),
      tabindex: wrap.querySelector('svg')!.getAttribute('tabindex'),
    }));
    expect(sizes.svg).toBe(sizes.wrap);
    expect(sizes.tabindex).toBe('0');
    expect(await page.locator('km-figure [data-km-toolbar]').isVisible()).toBe(true);
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('every grouping × outcome toggle shows its view and updates the URL', async () => {
    const { page, context } = await openExplore();
    for (const grouping of ['all', 'calcification', 'enhancement']) {
      for (const endpoint of ['rfs', 'os']) {
        await page.check(`km-figure input[data-km="grouping"][value="${grouping}"]`);
        await page.check(`km-figure input[data-km="endpoint"][value="${endpoint}"]`);
        expect(await visibleViews(page)).toEqual([`${grouping}-${endpoint}`]);
        await page.waitForURL((url) => url.searchParams.get('grouping') === grouping && url.searchParams.get('endpoint') === endpoint);
        const svgWidth = await page.$eval(`.km-view[data-view="${grouping}-${endpoint}"] svg`, (s) => s.getAttribute('width'));
        expect(Number(svgWidth)).toBeGreaterThan(300);
      }
    }
    await context.close();
  });

  it('the CI, censoring and median toggles show and hide their layers', async () => {
    const { page, context } = await openExplore();
    const layers = [
      { key: 'ci', on: true },
      { key: 'censor', on: true },
      { key: 'median', on: false },
    ];
    for (const { key, on } of layers) {
      const input = page.locator(`km-figure input[data-km="${key}"]`);
      expect(await input.isChecked()).toBe(on);
      expect(new Set(await layerDisplay(page, key))).toEqual(new Set([on ? 'inline' : 'none']));
      await input.click();
      expect(new Set(await layerDisplay(page, key))).toEqual(new Set([on ? 'none' : 'inline']));
      await page.waitForURL((url) => url.searchParams.get(key) === (on ? '0' : '1'));
    }
    const ensemble = page.locator('km-figure input[data-km="ensemble"]');
    if (await ensemble.count()) {
      await ensemble.check();
      expect(await layerDisplay(page, 'ensemble')).toContain('inline');
    }
    await context.close();
  });

  it('hover shows a crosshair with the values', async () => {
    const { page, context } = await openExplore();
    const svg = page.locator('.km-view[data-view="calcification-rfs"] svg.km-svg');
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.3);
    await expect.poll(() => svg.locator('.km-crosshair').count()).toBe(1);
    expect(await svg.locator('.km-crosshair text').first().textContent()).toMatch(/months$/);
    await page.mouse.move(2, box.y + 4);
    await expect.poll(() => svg.locator('.km-crosshair').count()).toBe(0);
    await context.close();
  });

  it('keyboard: focus the chart, ←/→ step through event times, Home/End, Escape; values are announced', async () => {
    const { page, context } = await openExplore();
    const live = page.locator('km-figure [data-km-live]');
    // No page-wide single-key shortcuts: arrows elsewhere do nothing to the figure.
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    expect(await live.textContent()).toBe('');
    const svg = page.locator('.km-view[data-view="calcification-rfs"] svg.km-svg');
    await svg.focus();
    expect(await svg.getAttribute('role')).toBe('group');
    expect(await svg.getAttribute('aria-roledescription')).toBe('interactive chart');
    expect(await svg.locator('.km-crosshair').count()).toBe(1);
    await page.keyboard.press('Home');
    const sizes = await page.$eval('km-figure script[data-km-data]', (s) => {
      const data = JSON.parse(s.textContent!) as { views: { id: string; analysis: { groups: string[]; km: Record<string, { nEvent: number[]; nCensor: number[] }> } }[] };
      const view = data.views.find((v) => v.id === 'calcification-rfs')!;
      return view.analysis.groups.map((g) => view.analysis.km[g].nEvent.reduce((a, b) => a + b, 0) + view.analysis.km[g].nCensor.reduce((a, b) => a + b, 0));
    });
    await expect.poll(() => live.textContent()).toContain('At 0 months');
    const atZero = (await live.textContent())!;
    expect(atZero).toContain(`No calcifications 1.00 (1.00–1.00), ${sizes[0]} at risk`);
    expect(atZero).toContain(`Calcifications 1.00 (1.00–1.00), ${sizes[1]} at risk`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).not.toContain('At 0 months');
    const first = (await live.textContent())!;
    expect(first).toMatch(/^At [\d.]+ months, RFS with 95% CI: No calcifications \d\.\d\d \(\d\.\d\d–\d\.\d\d\), \d+ at risk; Calcifications /);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => live.textContent()).toContain('At 0 months');
    await page.keyboard.press('End');
    await expect.poll(() => live.textContent()).not.toContain('At 0 months');
    const end = (await live.textContent())!;
    await page.keyboard.press('ArrowRight');
    expect(await live.textContent()).toBe(end);
    await page.keyboard.press('Escape');
    await expect.poll(() => live.textContent()).toBe('Readout hidden.');
    expect(await svg.locator('.km-crosshair').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('km-svg'))).toBe(true);
    await context.close();
  });

  it('restores the state from the URL, and back/forward walk through the changes', async () => {
    const { page, context } = await openExplore('?grouping=enhancement&endpoint=os&ci=0&median=1');
    expect(await visibleViews(page)).toEqual(['enhancement-os']);
    expect(await page.isChecked('km-figure input[data-km="grouping"][value="enhancement"]')).toBe(true);
    expect(await page.isChecked('km-figure input[data-km="endpoint"][value="os"]')).toBe(true);
    expect(await page.isChecked('km-figure input[data-km="ci"]')).toBe(false);
    expect(new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    expect(new Set(await layerDisplay(page, 'median'))).toEqual(new Set(['inline']));
    await context.close();

    const second = await openExplore();
    const p = second.page;
    await p.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await p.waitForURL(/grouping=enhancement/);
    await p.check('km-figure input[data-km="endpoint"][value="os"]');
    await p.waitForURL(/endpoint=os/);
    expect(await visibleViews(p)).toEqual(['enhancement-os']);
    await p.goBack();
    await expect.poll(() => visibleViews(p)).toEqual(['enhancement-rfs']);
    await p.goBack();
    await expect.poll(() => visibleViews(p)).toEqual(['calcification-rfs']);
    expect(await p.isChecked('km-figure input[data-km="grouping"][value="calcification"]')).toBe(true);
    await p.goForward();
    await expect.poll(() => visibleViews(p)).toEqual(['enhancement-rfs']);
    await second.context.close();
  });

  it('can be driven from outside: setState(), attributes, highlight and the km-statechange event', async () => {
    const { page, context } = await openExplore();
    const result = await page.evaluate(`(async () => {
      const el = document.querySelector('km-figure');
      const events = [];
      el.addEventListener('km-statechange', (e) => events.push(e.detail.grouping + '-' + e.detail.endpoint));
      el.setState({ grouping: 'enhancement', endpoint: 'os', median: true, highlight: 'risk-table' });
      let error = '';
      try { el.setState({ grouping: 'foo' }); } catch (e) { error = e.message; }
      el.setAttribute('grouping', '<img src=x onerror=alert(1)>');
      el.setAttribute('endpoint', 'rfs');
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      return { error, events, state: el.getState(), highlight: el.dataset.highlight };
    })()`);
    expect(result).toMatchObject({
      error: 'invalid grouping: foo',
      events: ['enhancement-os', 'enhancement-rfs'],
      state: { grouping: 'enhancement', endpoint: 'rfs', median: true, highlight: 'risk-table' },
      highlight: 'risk-table',
    });
    expect(await visibleViews(page)).toEqual(['enhancement-rfs']);
    expect(await page.isChecked('km-figure input[data-km="median"]')).toBe(true);
    const outline = await page.$eval('.km-view[data-view="enhancement-rfs"] .km-table-highlight', (e) => getComputedStyle(e).display);
    expect(outline).toBe('inline');
    // Driven from outside, the address bar is left alone.
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  it('downloads the current view as SVG (with risk table and caption), PNG and CSV', async () => {
    const { page, context } = await openExplore('?grouping=enhancement&endpoint=rfs', { acceptDownloads: true });
    const get = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`km-figure button[data-km-download="${kind}"]`)]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const svg = await get('svg');
    expect(svg.name).toBe('km-enhancement-rfs.svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    const { document } = parseHTML(`<!doctype html><html><body>${text.replace(/^<\?xml[^>]*>/, '')}</body></html>`);
    const root = document.querySelector('svg')!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const content = root.textContent!;
    for (const s of ['Number of patients at each time', 'At risk', 'Censored', 'Events', 'Hypoenhancing', 'Hyperenhancing', 'Mixed', 'Kaplan–Meier estimates']) {
      expect(content).toContain(s);
    }
    expect(text).not.toContain('var(');

    const png = await get('png');
    expect(png.name).toBe('km-enhancement-rfs.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);

    const km = await get('km-csv');
    expect(km.name).toBe('km-enhancement-rfs-km-table.csv');
    const kmLines = km.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(kmLines[0]).toBe('group,group_label,time,n_risk,n_event,n_censor,surv,std_err,lower_95,upper_95');
    expect(kmLines.length).toBeGreaterThan(10);
    expect(kmLines[1]).toMatch(/^hypo,Hypoenhancing,[\d.]+,\d+,\d+,\d+,[\d.]+,/);

    const risk = await get('risk-csv');
    const riskLines = risk.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(riskLines[0]).toBe('group,group_label,time,at_risk,censored_cumulative,events_cumulative');
    expect(riskLines.length).toBe(1 + 3 * 4);
    // The CSV agrees with the risk table drawn under the plot.
    const drawn = await page.$$eval('.km-view[data-view="enhancement-rfs"] .km-risk-table .km-table-group[data-group="hypo"] .km-table-row[data-row="atRisk"] text[data-t]', (els) =>
      els.map((e) => e.textContent),
    );
    expect(riskLines.slice(1, 5).map((l) => l.split(',')[3])).toEqual(drawn);
    await context.close();
  });

  it('with JavaScript off: every view, plot, risk table and data table is in the page, and the toggles still work', async () => {
    const { page, context } = await openExplore('', { javaScriptEnabled: false });
    for (const id of VIEWS) {
      const view = page.locator(`.km-view[data-view="${id}"]`);
      expect(await view.locator('svg.km-svg').count()).toBe(2); // wide and narrow drawings
      expect(await view.locator('.km-risk-table .km-table-row').count()).toBeGreaterThanOrEqual(3);
      expect(await view.locator('details.km-data table').count()).toBeGreaterThanOrEqual(1);
      expect(await view.locator('.km-stats').count()).toBe(1);
    }
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await page.check('km-figure input[data-km="endpoint"][value="os"]');
    expect(await visibleViews(page)).toEqual(['enhancement-os']);
    await page.uncheck('km-figure input[data-km="ci"]');
    expect(new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    await page.check('km-figure input[data-km="median"]');
    expect(new Set(await layerDisplay(page, 'median'))).toEqual(new Set(['inline']));
    expect(await page.locator('km-figure [data-km-toolbar]').isVisible()).toBe(false);
    await context.close();
  });

  it('with JavaScript off at 320 px: the narrow drawing is shown and nothing scrolls sideways', async () => {
    const { page, context } = await openExplore('', { javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const shown = await page.$$eval('.km-view[data-view="calcification-rfs"] svg.km-svg', (svgs) =>
      svgs.filter((s) => s.checkVisibility()).map((s) => Number(s.getAttribute('width'))),
    );
    expect(shown).toEqual([360]);
    await context.close();
  });

  it('a hostile query string injects nothing, opens no dialog, and the page still works', async () => {
    let dialogs = 0;
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const watch = watchPage(page, server.origin);
    const hostile = '?grouping=<img src=x onerror=alert(1)>&endpoint=os"><script>alert(2)</script>&ci=<svg onload=alert(3)>&median=javascript:alert(4)';
    await page.goto(`${server.url}explore/${hostile}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('km-figure[data-ready]');
    expect(dialogs).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('onerror=alert'))).toBe(false);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert(')))).toBe(false);
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    await page.check('km-figure input[data-km="grouping"][value="all"]');
    expect(await visibleViews(page)).toEqual(['all-rfs']);
    expect(dialogs).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('works under a strict Content-Security-Policy (no inline scripts allowed)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if ((headers['content-type'] ?? '').includes('text/html')) {
        headers['content-security-policy'] =
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'self'";
      }
      await route.fulfill({ response, headers });
    });
    await page.goto(`${server.url}explore/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('km-figure[data-ready]', { timeout: 10_000 });
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    expect(await visibleViews(page)).toEqual(['enhancement-rfs']);
    expect(violations.filter((v) => /script/i.test(v))).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no WCAG 2.2 AA violations in ${colorScheme} mode`, async () => {
      const { page, context } = await openExplore('', { colorScheme });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      });
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(' ')}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }

  it('the embed page shows one view with its layer toggles and links back to the explorer', async () => {
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const watch = watchPage(page, server.origin);
    await page.goto(`${server.url}explore/embed/enhancement-os/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('km-figure[data-ready]');
    expect(await visibleViews(page)).toEqual(['enhancement-os']);
    expect(await page.locator('h1').textContent()).toBe('Overall survival by arterial enhancement');
    expect(await page.locator('km-figure input[data-km="grouping"]').isVisible()).toBe(false);
    await page.locator('km-figure input[data-km="ci"]').uncheck();
    expect(new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('a[target="_top"]').getAttribute('href')).toMatch(/explore\/\?grouping=enhancement&endpoint=os$/);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('reflows at 320 px: no horizontal page scroll, chart drawn at its real width', async () => {
    const { page, context } = await openExplore('?grouping=enhancement', { viewport: { width: 320, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const sizes = await page.$eval('.km-view[data-view="enhancement-rfs"] .km-svg-wrap', (wrap) => ({
      wrap: Math.floor(wrap.clientWidth),
      svg: Number(wrap.querySelector('svg')!.getAttribute('width')),
      rendered: wrap.querySelector('svg')!.getBoundingClientRect().width,
    }));
    expect(sizes.svg).toBe(sizes.wrap);
    expect(Math.abs(sizes.rendered - sizes.svg)).toBeLessThan(1);
    await context.close();
  });

  it('controls and buttons are at least 24 × 24 px', async () => {
    const { page, context } = await openExplore();
    const small = await page.$$eval('km-figure .km-seg label, km-figure button, km-figure details > summary', (els) =>
      els
        .map((e) => ({ text: e.textContent?.trim().slice(0, 30), r: e.getBoundingClientRect() }))
        .filter((x) => x.r.width > 0 && (x.r.width < 24 || x.r.height < 24))
        .map((x) => x.text),
    );
    expect(small).toEqual([]);
    await context.close();
  });

  it('under prefers-reduced-motion nothing in the figure transitions', async () => {
    const { page, context } = await openExplore('', { reducedMotion: 'reduce' });
    const durations = await page.$$eval('.km-view[data-view="calcification-rfs"] .km-line', (els) => els.map((e) => getComputedStyle(e).transitionDuration));
    expect(durations.length).toBeGreaterThan(0);
    for (const d of durations) expect(parseFloat(d)).toBeLessThanOrEqual(0.001);
    await context.close();
  });
});
