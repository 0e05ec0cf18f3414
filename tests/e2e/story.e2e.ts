/**
 * The story page (/) in Chromium and Firefox: the scroll steps drive the sticky figure, the page
 * reads as a linear article without JavaScript, under reduced motion and in print (Chromium: print
 * media cannot be emulated over BiDi), reflows at 320 px, passes axe in light and dark, logs no
 * errors and requests nothing from other origins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, CAPABILITIES, DESKTOP, openBrowser } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';
import { axeViolations } from './axe.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Scrolls the reading line (45% of the viewport) into the middle of a step. */
async function scrollToStep(page: TestPage, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    const el = document.getElementById(`step-${stepId}`)!;
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
  }, id);
}

async function activeScroller(page: TestPage): Promise<void> {
  await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.waitFor('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
}

const activeStep = (page: TestPage, id: string) =>
  page.waitForFunction((stepId) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === stepId, id, { timeout: 5_000 });

describe.each(BROWSERS)('story in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(options: PageOptions = {}, hash = ''): Promise<TestPage> {
    const page = await browser.newPage(options);
    expect(await page.goto(`${server.url}${hash}`)).toBe(200);
    return page;
  }

  describe('the sticky figure follows the steps (desktop, JavaScript on)', () => {
    it('every step puts the figure in its state, in order and back again', async () => {
      const page = await open();
      await activeScroller(page);
      for (const step of [...STORY_STEPS, ...[...STORY_STEPS].reverse()]) {
        await scrollToStep(page, step.id);
        await activeStep(page, step.id);
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
      expect(await page.isVisible('.step-figure')).toBe(false);
      expect(page.watch.consoleErrors).toEqual([]);
      expect(page.watch.foreignRequests).toEqual([]);
      await page.close();
    });

    it('a link to a step opens the page on that step with the figure in its state', async () => {
      const page = await open({}, '#step-enh-os');
      await page.waitFor('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
      await activeStep(page, 'enh-os');
      expect(await page.evaluate(() => (document.querySelector('[data-sticky-km]') as HTMLElement).dataset.state)).toBe('enhancement/os/none');
      const top = await page.evaluate(() => document.getElementById('step-enh-os')!.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-5);
      expect(top).toBeLessThan(DESKTOP.height);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('next and previous are keyboard links to the neighbouring steps, and focus lands on them', async () => {
      const page = await open();
      await activeScroller(page);
      await scrollToStep(page, 'calc-split');
      await page.focus('#step-calc-split a.step-next');
      await page.press('Enter');
      await page.waitForURL((u) => u.hash === '#step-calc-risk');
      await page.waitForFunction(() => document.activeElement?.id === 'step-calc-risk');
      expect(await page.evaluate(() => document.getElementById('step-calc-risk')!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
      await page.focus('#step-calc-risk a.step-prev');
      await page.press('Enter');
      await page.waitForURL((u) => u.hash === '#step-calc-split');
      await page.close();
    });

    it('each step links to the same view in the explorer', async () => {
      const page = await open();
      const links = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.step')].map((s) => ({ id: s.dataset.step, href: s.querySelector<HTMLAnchorElement>('a.explore-link')?.getAttribute('href') })),
      );
      expect(links).toHaveLength(STORY_STEPS.length);
      for (const { id, href } of links) {
        const step = STORY_STEPS.find((x) => x.id === id)!;
        const url = new URL(href!, server.url);
        expect(url.pathname).toBe(new URL('explore/', server.url).pathname);
        expect(url.searchParams.get('grouping')).toBe(step.state.grouping);
        expect(url.searchParams.get('endpoint')).toBe(step.state.endpoint);
      }
      await page.close();
    });
  });

  describe('a linear article without the sticky figure', () => {
    it('without JavaScript every figure is shown inline and the sticky figure is not', async () => {
      const page = await open({ javaScript: false });
      expect(await page.count('.step-figure svg')).toBe(STORY_STEPS.length);
      for (let i = 0; i < STORY_STEPS.length; i++) {
        const box = await page.evaluate((n) => {
          const svg = document.querySelectorAll('.step-figure svg')[n];
          svg.scrollIntoView({ block: 'center', behavior: 'instant' });
          const r = svg.getBoundingClientRect();
          return { width: r.width, height: r.height };
        }, i);
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(150);
      }
      expect(await page.isVisible('.scrolly-figure')).toBe(false);
      for (const selector of ['.flow', '.schematics svg', 'svg:has(#hr-plot-title)', 'svg:has(#table-s1-plot-title)', '.cite-text']) {
        await page.scrollIntoView(selector);
        expect(await page.isVisible(selector), selector).toBe(true);
      }
      expect(await page.isVisible('copy-button')).toBe(false);
      expect(page.watch.foreignRequests).toEqual([]);
      await page.close();
    });

    it('under reduced motion the scroller stays inactive and the inline figures show', async () => {
      const page = await open({ reducedMotion: 'reduce' });
      await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ behavior: 'instant' }));
      await sleep(500);
      expect(await page.count('story-scroller.is-active')).toBe(0);
      expect(await page.isVisible('.step-figure')).toBe(true);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it('at 320 px wide nothing scrolls sideways and the steps keep their inline figures', async () => {
      const page = await open({ viewport: { width: 320, height: 640 }, mobile: true });
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(await page.count('story-scroller.is-active')).toBe(0);
      expect(await page.isVisible('.step-figure')).toBe(true);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });

    it.skipIf(!CAPABILITIES[name].printMedia)('in print every figure is rendered in place, without navigation, buttons or the sticky copy [Chromium only: BiDi cannot emulate print media]', async () => {
      const page = await open();
      await activeScroller(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.count('.step-figure')).toBe(STORY_STEPS.length);
      // With JavaScript the inline figures are drawn on demand (src/scripts/deferred-figures.ts): for print, all of them.
      await expect.poll(() => page.count('.step-figure svg')).toBe(STORY_STEPS.length);
      const shown = await page.evaluate(() => [...document.querySelectorAll('.step-figure')].map((f) => f.checkVisibility()));
      expect(shown).toEqual(STORY_STEPS.map(() => true));
      // Forest plots come in two layouts (beside / above the rows), one of them not displayed.
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('.step-figure svg, .forest svg, .schematic, .flow')]
          .filter((e) => !e.closest('.forest-switch > :is(.forest-side, .forest-stacked)') || getComputedStyle(e.closest('.forest-switch > *')!).display !== 'none')
          .map((e) => e.getBoundingClientRect().height),
      );
      expect(boxes.length).toBeGreaterThan(STORY_STEPS.length + 1);
      expect(boxes.every((h) => h > 50)).toBe(true);
      for (const hidden of ['.site-header', '.scrolly-figure', '.step-tools', '.toc', 'copy-button']) {
        expect(await page.isVisible(hidden), hidden).toBe(false);
      }
      // External links print their address; links whose text already is the address do not.
      const after = await page.evaluate(() =>
        [...document.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', after: getComputedStyle(a, '::after').content, url: a.classList.contains('url') })),
      );
      const external = after.filter((l) => /^https?:/.test(l.href) && !l.url);
      expect(external.length).toBeGreaterThan(0);
      for (const l of external) expect(l.after).toContain(l.href);
      for (const l of after.filter((x) => x.url)) expect(l.after === 'none' || l.after === 'normal' || l.after === '').toBe(true);
      await page.close();
    });
  });

  describe('accessibility and hygiene', () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`axe-core finds no violations (${colorScheme}, sticky figure active)`, async () => {
        const page = await open({ colorScheme });
        await activeScroller(page);
        await scrollToStep(page, 'calc-hr');
        await activeStep(page, 'calc-hr');
        expect(await axeViolations(page)).toEqual([]);
        expect(page.watch.consoleErrors).toEqual([]);
        expect(page.watch.foreignRequests).toEqual([]);
        await page.close();
      });
    }

    it('axe-core finds no violations on a phone (linear article)', async () => {
      const page = await open({ viewport: { width: 390, height: 844 }, mobile: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it('the page is a WebPage based on the ScholarlyArticle, with no citation_* tags by default', async () => {
      const page = await open({ javaScript: false });
      const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]')) ?? '{}');
      expect(ld['@type']).toBe('WebPage');
      expect(ld.isBasedOn['@type']).toBe('ScholarlyArticle');
      expect(ld.isBasedOn.identifier.value).toBe('10.21037/hbsn.2019.06.02');
      expect(await page.count('meta[name^="citation_"]')).toBe(0);
      // An absolute image address only for a build with SITE_URL; none (never a placeholder) without.
      if (process.env.SITE_URL) expect(await page.attr('meta[property="og:image"]', 'content')).toMatch(/^https:\/\/\S+\/og\.png$/);
      else expect(await page.count('meta[property="og:image"]')).toBe(0);
      await page.close();
    });

    it('the copy buttons copy the citation text', async () => {
      const page = await open({ clipboard: true });
      await page.click('copy-button[data-target="cite-bibtex-text"] button');
      await page.waitForFunction(() => document.querySelector('copy-button[data-target="cite-bibtex-text"] .copy-status')?.textContent === 'Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe((await page.textContent('#cite-bibtex-text'))?.trim());
      expect(copied).toContain('doi     = {10.21037/hbsn.2019.06.02}');
      await page.close();
    });

    it('the 404 page is served for unknown addresses and links back to the story', async () => {
      const page = await browser.newPage();
      expect(await page.goto(`${server.url}no-such-page/`)).toBe(404);
      expect(await page.textContent('h1')).toBe('Page not found');
      expect(await page.attr('meta[name="robots"]', 'content')).toBe('noindex');
      await page.close();
    });
  });
});

describe('story: files beside the page', () => {
  it('og.png is a 1200 × 630 PNG; sitemap.xml and robots.txt are served', async () => {
    const png = Buffer.from(await (await fetch(`${server.url}og.png`)).arrayBuffer());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    expect(sitemap).toContain('<urlset');
    expect(sitemap).not.toContain('story-figure');
    const robots = await (await fetch(`${server.url}robots.txt`)).text();
    if (process.env.SITE_URL) expect(robots).toMatch(/^Sitemap: https:\/\/\S+\/sitemap\.xml$/m);
    else expect(robots).not.toMatch(/Sitemap:|https?:/);
  });
});
