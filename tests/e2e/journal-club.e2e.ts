/**
 * /journal-club/ in Chromium and Firefox, driven by the keyboard only (Tab to reach a control, then
 * keys): power lab sliders, KM sandbox edits (with the displayed χ²/p checked against the
 * statistics core on the displayed data), discussion answers, presenter mode (axe in light and
 * dark; the page as loaded is in a11y.e2e.ts), and offline reloads through the service worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser, tabTo } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';
import { axeViolations } from './axe.ts';
import { logRank } from '../../src/stats/log-rank.ts';
import { formatFixed, formatP } from '../../src/format/number.ts';

// JC_DIST / JC_BASE run the same tests against a build for a sub-path (BASE_PATH).
const JC_DIST = process.env.JC_DIST ?? DIST;
const BASE = process.env.JC_BASE ?? '/';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(JC_DIST, BASE);
});
afterAll(async () => {
  await server?.close();
});

async function axe(page: TestPage, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe.each(BROWSERS)('journal club in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(path = 'journal-club/', options: PageOptions = {}): Promise<TestPage> {
    const page = await browser.newPage({ reducedMotion: 'reduce', ...options });
    expect(await page.goto(server.url + path)).toBe(200);
    return page;
  }

  /** Each tool's code loads when it comes near the viewport: scroll to it, then wait until it is ready. */
  async function ready(page: TestPage, tag: 'jc-power-lab' | 'jc-km-sandbox' | 'jc-presenter'): Promise<void> {
    await page.scrollIntoView(tag);
    await page.waitFor(`${tag}[data-ready]`, { state: 'attached' });
  }

  describe('first load (JavaScript of the tools loaded on demand)', () => {
    it('the power lab and the sandbox load their code only when scrolled to or used (the presenter has its own page)', async () => {
      const page = await browser.newPage({ reducedMotion: 'reduce', viewport: { width: 412, height: 823 } });
      expect(await page.goto(server.url + 'journal-club/')).toBe(200);
      // After the load event and half a second more, an eager import would have arrived from localhost.
      await page.evaluate(() => new Promise<void>((done) => (document.readyState === 'complete' ? done() : addEventListener('load', () => done()))));
      await new Promise((r) => setTimeout(r, 500));
      const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/jc-(power-lab|km-sandbox|presenter)\.[\w-]+\.js$/.test(n)));
      expect(await scripts()).toEqual([]);
      expect(await page.count('[data-ready]')).toBe(0);
      // The server-rendered tools are there without their code: the lab's table at its default settings.
      expect(await page.text('[data-cell="calcification-os-yes:power-s"]')).toMatch(/\d/);

      await ready(page, 'jc-power-lab');
      expect(await scripts()).toEqual([expect.stringMatching(/jc-power-lab/)]);
      expect(await page.attr('jc-km-sandbox', 'data-ready')).toBeNull();
      // Keyboard use loads a tool too (focus inside it), wherever the page is scrolled.
      await page.evaluate(() => document.querySelector<HTMLElement>('#jc-p1-time')!.focus({ preventScroll: true }));
      expect(await page.evaluate(() => document.querySelector('jc-km-sandbox')!.getBoundingClientRect().top > innerHeight + 200)).toBe(true);
      await page.waitFor('jc-km-sandbox[data-ready]', { state: 'attached' });
      expect(await scripts()).not.toContainEqual(expect.stringMatching(/jc-presenter/));
      expect(page.watch.consoleErrors).toEqual([]);
      expect(page.watch.failedRequests).toEqual([]);
      await page.close();
    });
  });

  describe('power lab (keyboard)', () => {
    it('α, HR, allocation sliders and the comparison select change the outputs', async () => {
      const page = await open();
      await ready(page, 'jc-power-lab');
      const powerCell = '[data-cell="calcification-os-yes:power-s"]';
      const detectCell = '[data-cell="calcification-os-yes:detect-s"]';
      const splitCell = '[data-cell="calcification-os-yes:split"]';
      const power0 = await page.text(powerCell);
      const detect0 = await page.text(detectCell);

      await tabTo(page, 'input[name="hr"]');
      await page.press('ArrowRight');
      await expect.poll(() => page.text('[data-out="hr"]')).toBe('0.60');
      expect(await page.text(powerCell)).not.toBe(power0);
      await page.press('ArrowLeft');
      await expect.poll(() => page.text(powerCell)).toBe(power0);

      await tabTo(page, 'input[name="alpha"]', { back: true });
      await page.press('ArrowRight');
      await expect.poll(() => page.text('[data-out="alpha"]')).toBe('0.06');
      expect(await page.text(detectCell)).not.toBe(detect0);

      const split0 = await page.text(splitCell);
      await tabTo(page, 'input[name="observed"]');
      await page.press('Space');
      await tabTo(page, 'input[name="allocation"]', { back: true });
      await page.press('End');
      await expect.poll(() => page.text('[data-out="allocation"]')).toBe('1 : 5');
      expect(await page.text(splitCell)).toBe('1 : 5');
      expect(split0).not.toBe('1 : 5');

      const events0 = await page.text('[data-plan="events-s"]');
      await tabTo(page, 'select[name="plan"]');
      await page.press('ArrowDown');
      await expect.poll(() => page.text('[data-plan="label"]')).not.toContain('calcifications vs no calcifications, os');
      expect(await page.text('[data-plan="events-s"]')).toBeTruthy();
      expect(events0).toMatch(/^\d+$/);
      await page.close();
    });
  });

  describe('KM sandbox (keyboard)', () => {
    it('moving a time, switching event/censored, adding and removing patients update S(t) and the log-rank test', async () => {
      const page = await open();
      await ready(page, 'jc-km-sandbox');
      const s12 = '[data-cell="A-surv-12"]';
      const before = await page.text(s12);
      const chisq0 = await page.text('[data-stat="chisq"]');

      await tabTo(page, '#jc-p1-time');
      for (let i = 0; i < 5; i++) await page.press('ArrowRight');
      await expect.poll(() => page.text('#jc-p1-out')).toBe('13 mo');
      await expect.poll(() => page.text(s12)).not.toBe(before);
      expect(await page.text(s12)).toBe('1.00');
      await expect.poll(() => page.text('[data-stat="chisq"]')).not.toBe(chisq0);

      await tabTo(page, '#jc-p2-event');
      await page.press('Space');
      await expect.poll(() => page.attr('.jc-patient[data-id="2"]', 'data-event')).toBe('true');

      await tabTo(page, 'button[data-action="add"][data-group="B"]');
      await page.press('Enter');
      await expect.poll(() => page.count('.jc-patient')).toBe(11);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('jc-p11-time');
      await page.press('Home');
      await page.press('ArrowRight');
      await page.press('ArrowRight');
      await tabTo(page, '#jc-p11-event');
      await page.press('Space');

      await tabTo(page, '.jc-patient[data-id="7"] .jc-remove');
      await page.press('Enter');
      await expect.poll(() => page.count('.jc-patient')).toBe(10);
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

      // The displayed statistics are the core's on the displayed data.
      await new Promise((r) => setTimeout(r, 50));
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.jc-patient')].map((li) => ({
          group: li.dataset.group!,
          time: Number(li.querySelector<HTMLInputElement>('input[data-action="time"]')!.value),
          event: li.querySelector<HTMLInputElement>('input[data-action="event"]')!.checked,
        })),
      );
      expect(shown).toHaveLength(10);
      const core = logRank(shown.map((p) => p.time), shown.map((p) => (p.event ? 1 : 0)), shown.map((p) => p.group), { levels: ['A', 'B'] });
      await expect.poll(() => page.text('[data-stat="chisq"]')).toBe(formatFixed(core.chisq, 3));
      expect(await page.text('[data-stat="p"]')).toBe(formatP(core.p));
      const raw = Number(await page.attr('[data-stat="chisq"]', 'data-raw'));
      expect(Math.abs(raw - core.chisq)).toBeLessThan(1e-12 * Math.max(1, core.chisq));
      expect(await page.text('[data-stat="steps-chisq"]')).toBe(formatFixed(core.chisq, 3));
      expect(page.watch.consoleErrors).toEqual([]);
      expect(page.watch.foreignRequests).toEqual([]);
      await page.close();
    });
  });

  describe('discussion guide (keyboard)', () => {
    it('has 8–12 questions whose model answers open with Enter and Space', async () => {
      const page = await open();
      const count = await page.count('.jc-questions > li');
      expect(count).toBeGreaterThanOrEqual(8);
      expect(count).toBeLessThanOrEqual(12);
      await tabTo(page, '#q-selection summary');
      await page.press('Enter');
      await expect.poll(() => page.attr('#q-selection details', 'open')).not.toBeNull();
      await tabTo(page, '#q-multiplicity summary');
      await page.press('Space');
      await expect.poll(() => page.attr('#q-multiplicity details', 'open')).not.toBeNull();
      expect(await page.text('#q-multiplicity details p')).toMatch(/Table 2 prints \d+ p-values/);
      await page.close();
    });
  });

  describe('presenter mode (keyboard)', () => {
    it('enters full screen, moves with ← and → on the deck only, leaves with Escape', async () => {
      const page = await open('journal-club/presenter/');
      await ready(page, 'jc-presenter');
      const slide = () => page.attr('jc-presenter', 'data-slide');
      expect(await slide()).toBe('0');

      // Arrow keys elsewhere on the page do nothing to the deck.
      await tabTo(page, 'main a[href$="/journal-club/"]');
      await page.press('ArrowRight');
      expect(await slide()).toBe('0');

      await tabTo(page, 'button[data-action="fullscreen"]');
      await page.press('Enter');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches('[data-part="deck"]'))).toBe(true);
      // Slides 1 and 2 are the title and the study design; the story's figures follow.
      await page.press('ArrowRight');
      await expect.poll(slide).toBe('1');
      await page.press('ArrowRight');
      await expect.poll(slide).toBe('2');
      await page.press('ArrowRight');
      await expect.poll(slide).toBe('3');
      await page.press('ArrowLeft');
      await expect.poll(slide).toBe('2');
      expect(await page.count('.jc-slide[data-current]')).toBe(1);
      expect(await page.count('.jc-slide[data-current] svg')).toBe(1);
      expect(await page.text('[data-part="count"]')).toMatch(/^Slide 3 of \d+: /);
      // The projected deck never shows the speaker notes.
      expect(await page.isVisible('.jc-slide[data-current] .jc-notes')).toBe(false);

      await page.press('Escape');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('false');

      // Speaker notes: off by default on the page, switched on and off again.
      expect(await page.isVisible('.jc-slide[data-current] .jc-notes')).toBe(false);
      await tabTo(page, 'button[data-action="notes"]');
      await page.press('Enter');
      await expect.poll(() => page.isVisible('.jc-slide[data-current] .jc-notes')).toBe(true);
      await page.press('Enter');
      await expect.poll(() => page.isVisible('.jc-slide[data-current] .jc-notes')).toBe(false);

      await tabTo(page, 'button[data-action="fullscreen"]');
      await page.press('Enter');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('true');
      await page.press('Escape');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('false');
      expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
      await page.close();
    });
  });

  describe('presenter fallback without the Fullscreen API', () => {
    it('covers the page with an overlay, keeps Tab inside the deck, closes with Escape', async () => {
      const page = await open('journal-club/presenter/', {
        initScript: `Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });`,
      });
      await ready(page, 'jc-presenter');
      await tabTo(page, 'button[data-action="fullscreen"]');
      await page.press('Enter');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('true');
      expect(await page.evaluate(() => document.querySelector('[data-part="deck"]')!.classList.contains('is-overlay'))).toBe(true);
      expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
      await page.press('ArrowRight');
      await expect.poll(() => page.attr('jc-presenter', 'data-slide')).toBe('1');
      // Everything outside the deck is inert: Tab never leaves it.
      for (let i = 0; i < 12; i++) {
        await page.press('Tab');
        const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-part="deck"]') || document.activeElement === document.body);
        expect(inside).toBe(true);
      }
      await axe(page, 'presenter overlay');
      await tabTo(page, '[data-part="deck"] button[data-action="next"]');
      await page.press('Escape');
      await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('false');
      expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
      await page.close();
    });
  });

  // The page and the handout as loaded, light and dark, JavaScript on and off: a11y.e2e.ts.
  describe('accessibility of presenter mode (axe-core, WCAG 2.2 AA tags)', () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`presenter mode has no violations (${colorScheme})`, async () => {
        const page = await open('journal-club/presenter/', { colorScheme });
        await ready(page, 'jc-presenter');
        await tabTo(page, 'button[data-action="fullscreen"]');
        await page.press('Enter');
        await expect.poll(() => page.attr('jc-presenter', 'data-presenting')).toBe('true');
        await axe(page, `presenter ${colorScheme}`);
        await page.press('End');
        await expect.poll(() => page.evaluate(() => document.querySelector('.jc-slide:last-child')?.hasAttribute('data-current'))).toBe(true);
        await axe(page, `presenter last slide ${colorScheme}`);
        await page.close();
      });
    }
  });

  describe('formulas (MathML rendered at build time)', () => {
    it('every formula is a <math> element the browser lays out, with no KaTeX HTML, stylesheet or fonts', async () => {
      const page = await open();
      const r = await page.evaluate(() => {
        const holders = [...document.querySelectorAll('.jc-formula-body, .jc-formula-inline')];
        return {
          holders: holders.length,
          maths: holders.filter((h) => h.children.length === 1 && h.firstElementChild!.localName === 'math').length,
          laidOut: [...document.querySelectorAll('math')].filter((m) => m.getBoundingClientRect().width > 20 && m.getBoundingClientRect().height > 10).length,
          katex: document.querySelectorAll('.katex, .katex-html, [class*="kx-"]').length,
          katexAssets: performance.getEntriesByType('resource').filter((e) => /katex/i.test(e.name)).length,
        };
      });
      expect(r.holders).toBeGreaterThanOrEqual(8);
      expect(r).toEqual({ holders: r.holders, maths: r.holders, laidOut: r.holders, katex: 0, katexAssets: 0 });
      await page.close();
    });
  });

  describe('reflow', () => {
    it('at 320 px wide nothing scrolls sideways except the marked table regions (WCAG 1.4.10)', async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
      for (const path of ['journal-club/', 'journal-club/handout/', 'journal-club/presenter/']) {
        await page.goto(server.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  });

  describe('offline', () => {
    it('after one visit, /journal-club/, the handout and the story reload with the network off', async () => {
      const page = await browser.newPage();
      await page.goto(server.url + 'journal-club/');
      await page.waitFor('[data-offline-status][data-state="ready"]', { state: 'attached', timeout: 30_000 });
      const info = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        const keys = await caches.keys();
        return { scope: reg.scope, keys };
      });
      expect(info.scope).toBe(server.url);
      expect(info.keys.some((k) => /^nelm-offline-[0-9a-f]{16}$/.test(k))).toBe(true);

      await page.setOffline(true);
      expect(await page.reload()).toBe(200);
      expect(await page.text('h1')).toContain('Journal club');
      await ready(page, 'jc-km-sandbox');

      expect(await page.goto(server.url + 'journal-club/handout/')).toBe(200);
      expect(await page.text('h1')).toContain('Journal club');

      expect(await page.goto(server.url)).toBe(200);
      expect(await page.text('h1')).toContain('Radiographic characteristics');
      // Every stylesheet and script of the story page came from the cache.
      const failed = await page.evaluate(
        () => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseStatus >= 400).length,
      );
      expect(failed).toBe(0);
      await page.setOffline(false);
      expect(page.watch.foreignRequests).toEqual([]);
      await page.close();

      // Control: in a fresh context (no service worker registered), the same offline navigation fails.
      const cold = await browser.newPage();
      await cold.setOffline(true);
      await expect(cold.goto(server.url + 'journal-club/')).rejects.toThrow();
      await cold.close();
    });
  });
});
