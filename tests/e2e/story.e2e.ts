/**
 * The story page (/) in Chromium: the scroll steps drive the sticky figure, the page reads as a
 * linear article without JavaScript, under reduced motion and in print, reflows at 320 px, passes
 * axe in light and dark, logs no errors and requests nothing from other origins.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, serveStatic, watchPage } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await serveStatic('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1280, height: 900 };

async function open(options: BrowserContextOptions = {}, hash = ''): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  contexts.push(context);
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  const response = await page.goto(`${server.url}${hash}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, watch };
}

/** Scrolls the reading line (45% of the viewport) into the middle of a step. */
async function scrollToStep(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    const el = document.getElementById(`step-${stepId}`)!;
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
  }, id);
}

async function activeScroller(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
}

async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // @ts-expect-error injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}

describe('story: the sticky figure follows the steps (desktop, JavaScript on)', () => {
  it('every step puts the figure in its state, in order and back again', async () => {
    const { page, watch } = await open();
    await activeScroller(page);
    for (const step of [...STORY_STEPS, ...[...STORY_STEPS].reverse()]) {
      await scrollToStep(page, step.id);
      await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id, { timeout: 5_000 });
      const state = await page.evaluate(() => {
        const km = document.querySelector('#story-km') as HTMLElement & { getState(): Record<string, unknown> };
        // Hidden views may be kept rendered-but-skipped (content-visibility): ask about their plot.
        const visible = [...km.querySelectorAll<HTMLElement>('.km-view')]
          .filter((v) => v.querySelector('svg')?.checkVisibility() === true)
          .map((v) => v.dataset.view);
        return {
          host: (document.querySelector('[data-sticky-km]') as HTMLElement).dataset.state,
          km: km.getState(),
          visible,
          current: document.querySelector('.step.is-current')?.id,
          label: document.querySelector('[data-sticky-label]')?.textContent,
          callout: document.querySelector('[data-sticky-callout] .callout')?.getAttribute('data-callout') ?? 'none',
        };
      });
      const s = step.state;
      expect(state.host).toBe(`${s.grouping}/${s.endpoint}/${s.highlight ?? 'none'}`);
      expect(state.km).toMatchObject({ grouping: s.grouping, endpoint: s.endpoint, highlight: s.highlight, ci: s.ci, censor: s.censor, median: s.median });
      expect(state.visible).toEqual([`${s.grouping}-${s.endpoint}`]);
      expect(state.current).toBe(`step-${step.id}`);
      expect(state.label).toBe(step.label);
      expect(state.callout).toBe(step.callout);
    }
    // The inline copies are hidden while the sticky figure is active.
    expect(await page.locator('.step-figure').first().isVisible()).toBe(false);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('a link to a step opens the page on that step with the figure in its state', async () => {
    const { page, watch } = await open({}, '#step-enh-os');
    await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('story-scroller')?.getAttribute('data-active-step') === 'enh-os');
    expect(await page.evaluate(() => (document.querySelector('[data-sticky-km]') as HTMLElement).dataset.state)).toBe('enhancement/os/none');
    const top = await page.evaluate(() => document.getElementById('step-enh-os')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-5);
    expect(top).toBeLessThan(DESKTOP.height);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('next and previous are keyboard links to the neighbouring steps, and focus lands on them', async () => {
    const { page } = await open();
    await activeScroller(page);
    await scrollToStep(page, 'calc-split');
    await page.locator('#step-calc-split a.step-next').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#step-calc-risk');
    const target = await page.evaluate(() => {
      const el = document.getElementById('step-calc-risk')!;
      const r = el.getBoundingClientRect();
      return { top: r.top, focused: document.activeElement === el };
    });
    expect(target.focused).toBe(true);
    expect(target.top).toBeGreaterThanOrEqual(0);
    await page.locator('#step-calc-risk a.step-prev').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#step-calc-split');
  });

  it('each step links to the same view in the explorer', async () => {
    const { page } = await open();
    const links = await page.$$eval('.step', (steps) =>
      steps.map((s) => ({ id: (s as HTMLElement).dataset.step, href: s.querySelector<HTMLAnchorElement>('a.explore-link')?.getAttribute('href') })),
    );
    expect(links).toHaveLength(STORY_STEPS.length);
    for (const { id, href } of links) {
      const step = STORY_STEPS.find((x) => x.id === id)!;
      const url = new URL(href!, server.url);
      expect(url.pathname).toBe(new URL('explore/', server.url).pathname);
      expect(url.searchParams.get('grouping')).toBe(step.state.grouping);
      expect(url.searchParams.get('endpoint')).toBe(step.state.endpoint);
    }
  });
});

describe('story: a linear article without the sticky figure', () => {
  it('without JavaScript every figure is shown inline and the sticky figure is not', async () => {
    const { page, watch } = await open({ javaScriptEnabled: false });
    const inline = page.locator('.step-figure svg');
    expect(await inline.count()).toBe(STORY_STEPS.length);
    for (let i = 0; i < STORY_STEPS.length; i++) {
      await inline.nth(i).scrollIntoViewIfNeeded();
      const box = await inline.nth(i).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(box?.height ?? 0).toBeGreaterThan(150);
    }
    expect(await page.locator('.scrolly-figure').isVisible()).toBe(false);
    for (const selector of ['.flow', '.schematics svg >> nth=0', '#hr-plot-title >> xpath=ancestor::*[name()="svg"]', '#table-s1-plot-title >> xpath=ancestor::*[name()="svg"]', '.cite-text']) {
      const el = page.locator(selector).first();
      await el.scrollIntoViewIfNeeded();
      expect(await el.isVisible(), selector).toBe(true);
    }
    expect(await page.locator('copy-button').first().isVisible()).toBe(false);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('under reduced motion the scroller stays inactive and the inline figures show', async () => {
    const { page, watch } = await open({ reducedMotion: 'reduce' });
    await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ behavior: 'instant' }));
    await page.waitForTimeout(500);
    expect(await page.locator('story-scroller.is-active').count()).toBe(0);
    expect(await page.locator('.step-figure').first().isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('at 320 px wide nothing scrolls sideways and the steps keep their inline figures', async () => {
    const { page, watch } = await open({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(await page.locator('story-scroller.is-active').count()).toBe(0);
    expect(await page.locator('.step-figure').first().isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('in print every figure is rendered in place, without navigation, buttons or the sticky copy', async () => {
    const { page } = await open();
    await activeScroller(page);
    await page.emulateMedia({ media: 'print' });
    const figures = page.locator('.step-figure');
    expect(await figures.count()).toBe(STORY_STEPS.length);
    for (let i = 0; i < STORY_STEPS.length; i++) expect(await figures.nth(i).isVisible()).toBe(true);
    const boxes = await page.$$eval('.step-figure svg, .forest svg, .schematic, .flow', (els) => els.map((e) => e.getBoundingClientRect().height));
    expect(boxes.every((h) => h > 50)).toBe(true);
    for (const hidden of ['.site-header', '.scrolly-figure', '.step-tools', '.toc', 'copy-button']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    // External links print their address; links whose text already is the address do not.
    const after = await page.$$eval('a', (links) =>
      links.map((a) => ({ href: a.getAttribute('href') ?? '', after: getComputedStyle(a, '::after').content, url: a.classList.contains('url') })),
    );
    const external = after.filter((l) => /^https?:/.test(l.href) && !l.url);
    expect(external.length).toBeGreaterThan(0);
    for (const l of external) expect(l.after).toContain(l.href);
    for (const l of after.filter((x) => x.url)) expect(l.after === 'none' || l.after === 'normal' || l.after === '').toBe(true);
  });
});

describe('story: accessibility and hygiene', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no violations (${colorScheme}, sticky figure active)`, async () => {
      const { page, watch } = await open({ colorScheme });
      await activeScroller(page);
      await scrollToStep(page, 'calc-hr');
      await page.waitForFunction(() => document.querySelector('story-scroller')?.getAttribute('data-active-step') === 'calc-hr');
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    });
  }

  it('axe-core finds no violations on a phone (linear article)', async () => {
    const { page } = await open({ viewport: { width: 390, height: 844 }, isMobile: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the page is a WebPage based on the ScholarlyArticle, with no citation_* tags by default', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(ld['@type']).toBe('WebPage');
    expect(ld.isBasedOn['@type']).toBe('ScholarlyArticle');
    expect(ld.isBasedOn.identifier.value).toBe('10.21037/hbsn.2019.06.02');
    expect(await page.locator('meta[name^="citation_"]').count()).toBe(0);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toMatch(/\/og\.png$/);
  });

  it('og.png is a 1200 × 630 PNG; sitemap.xml and robots.txt are served', async () => {
    const png = Buffer.from(await (await fetch(`${server.url}og.png`)).arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    expect(sitemap).toContain('<urlset');
    expect(sitemap).not.toContain('story-figure');
    const robots = await (await fetch(`${server.url}robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it('the copy buttons copy the citation text', async () => {
    const { page } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
    const button = page.locator('copy-button[data-target="cite-bibtex-text"] button');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.waitForFunction(() => document.querySelector('copy-button[data-target="cite-bibtex-text"] .copy-status')?.textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#cite-bibtex-text').textContent());
    expect(copied).toContain('doi     = {10.21037/hbsn.2019.06.02}');
  });

  it('the 404 page is served for unknown addresses and links back to the story', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
  });
});
