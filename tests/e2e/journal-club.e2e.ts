/**
 * /journal-club/ in Chromium, driven by the keyboard only (Tab to reach a control, then keys):
 * power lab sliders, KM sandbox edits (with the displayed χ²/p checked against the statistics
 * core on the displayed data), discussion answers, presenter mode, axe in light and dark and in
 * presenter mode, and offline reloads through the service worker.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveStatic, watchPage } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { logRank } from '../../src/stats/log-rank.ts';
import { formatFixed, formatP } from '../../src/format/number.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
// JC_DIST / JC_BASE run the same tests against a build for a sub-path (BASE_PATH).
const DIST = process.env.JC_DIST ?? 'dist';
const BASE = process.env.JC_BASE ?? '/';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST, BASE);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context: BrowserContext | Browser, path = 'journal-club/', colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. Keyboard only. */
async function tabTo(page: Page, selector: string, { back = false, max = 400 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

async function axe(page: Page, label: string) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v: { id: string; nodes: { target: unknown }[] }) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(result, label).toEqual([]);
}

describe('journal club: power lab (keyboard)', () => {
  it('α, HR, allocation sliders and the comparison select change the outputs', async () => {
    const page = await open(browser);
    await page.locator('jc-power-lab[data-ready]').waitFor();
    const powerCell = '[data-cell="calcification-os-yes:power-s"]';
    const detectCell = '[data-cell="calcification-os-yes:detect-s"]';
    const splitCell = '[data-cell="calcification-os-yes:split"]';
    const power0 = await text(page, powerCell);
    const detect0 = await text(page, detectCell);

    await tabTo(page, 'input[name="hr"]');
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '[data-out="hr"]')).toBe('0.60');
    expect(await text(page, powerCell)).not.toBe(power0);
    await page.keyboard.press('ArrowLeft');
    expect(await text(page, powerCell)).toBe(power0);

    await tabTo(page, 'input[name="alpha"]', { back: true });
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '[data-out="alpha"]')).toBe('0.06');
    expect(await text(page, detectCell)).not.toBe(detect0);

    const split0 = await text(page, splitCell);
    await tabTo(page, 'input[name="observed"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="allocation"]', { back: true });
    await page.keyboard.press('End');
    expect(await text(page, '[data-out="allocation"]')).toBe('1 : 5');
    expect(await text(page, splitCell)).toBe('1 : 5');
    expect(split0).not.toBe('1 : 5');

    const events0 = await text(page, '[data-plan="events-s"]');
    await tabTo(page, 'select[name="plan"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => text(page, '[data-plan="label"]')).not.toContain('calcifications vs no calcifications, os');
    expect(await text(page, '[data-plan="events-s"]')).toBeTruthy();
    expect(events0).toMatch(/^\d+$/);
    await page.close();
  });
});

describe('journal club: KM sandbox (keyboard)', () => {
  it('moving a time, switching event/censored, adding and removing patients update S(t) and the log-rank test', async () => {
    const page = await open(browser);
    const watch = watchPage(page, server.origin);
    await page.locator('jc-km-sandbox[data-ready]').waitFor();
    const s12 = '[data-cell="A-surv-12"]';
    const before = await text(page, s12);
    const chisq0 = await text(page, '[data-stat="chisq"]');

    await tabTo(page, '#jc-p1-time');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await text(page, '#jc-p1-out')).toBe('13 mo');
    await expect.poll(() => text(page, s12)).not.toBe(before);
    expect(await text(page, s12)).toBe('1.00');
    await expect.poll(() => text(page, '[data-stat="chisq"]')).not.toBe(chisq0);

    await tabTo(page, '#jc-p2-event');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.jc-patient[data-id="2"]').getAttribute('data-event')).toBe('true');

    await tabTo(page, 'button[data-action="add"][data-group="B"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.jc-patient').count()).toBe(11);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('jc-p11-time');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, '#jc-p11-event');
    await page.keyboard.press('Space');

    await tabTo(page, '.jc-patient[data-id="7"] .jc-remove');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.jc-patient').count()).toBe(10);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

    // The displayed statistics are the core's on the displayed data.
    await page.waitForTimeout(50);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.jc-patient')].map((li) => ({
        group: li.dataset.group!,
        time: Number(li.querySelector<HTMLInputElement>('input[data-action="time"]')!.value),
        event: li.querySelector<HTMLInputElement>('input[data-action="event"]')!.checked,
      })),
    );
    expect(shown).toHaveLength(10);
    const core = logRank(shown.map((p) => p.time), shown.map((p) => (p.event ? 1 : 0)), shown.map((p) => p.group), { levels: ['A', 'B'] });
    expect(await text(page, '[data-stat="chisq"]')).toBe(formatFixed(core.chisq, 3));
    expect(await text(page, '[data-stat="p"]')).toBe(formatP(core.p));
    const raw = Number(await page.locator('[data-stat="chisq"]').getAttribute('data-raw'));
    expect(Math.abs(raw - core.chisq)).toBeLessThan(1e-12 * Math.max(1, core.chisq));
    expect(await text(page, '[data-stat="steps-chisq"]')).toBe(formatFixed(core.chisq, 3));
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('journal club: discussion guide (keyboard)', () => {
  it('has 8–12 questions whose model answers open with Enter and Space', async () => {
    const page = await open(browser);
    const count = await page.locator('.jc-questions > li').count();
    expect(count).toBeGreaterThanOrEqual(8);
    expect(count).toBeLessThanOrEqual(12);
    await tabTo(page, '#q-selection summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#q-selection details').getAttribute('open')).not.toBeNull();
    await tabTo(page, '#q-multiplicity summary');
    await page.keyboard.press('Space');
    expect(await page.locator('#q-multiplicity details').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#q-multiplicity details p').first().innerText()).toMatch(/Table 2 prints \d+ p-values/);
    await page.close();
  });
});

describe('journal club: presenter mode (keyboard)', () => {
  it('enters full screen, moves with ← and → on the deck only, leaves with Escape', async () => {
    const page = await open(browser);
    await page.locator('jc-presenter[data-ready]').waitFor();
    const deck = page.locator('jc-presenter');
    expect(await deck.getAttribute('data-slide')).toBe('0');

    // Arrow keys elsewhere on the page do nothing to the deck.
    await tabTo(page, '#q-selection summary');
    await page.keyboard.press('ArrowRight');
    expect(await deck.getAttribute('data-slide')).toBe('0');

    await tabTo(page, 'button[data-action="fullscreen"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => deck.getAttribute('data-presenting')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-part="deck"]'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await deck.getAttribute('data-slide')).toBe('1');
    await page.keyboard.press('ArrowRight');
    expect(await deck.getAttribute('data-slide')).toBe('2');
    await page.keyboard.press('ArrowLeft');
    expect(await deck.getAttribute('data-slide')).toBe('1');
    expect(await page.locator('.jc-slide[data-current]').count()).toBe(1);
    expect(await page.locator('.jc-slide[data-current] svg').count()).toBe(1);
    expect(await text(page, '[data-part="count"]')).toMatch(/^Slide 2 of \d+: /);

    // Speaker notes toggle.
    await tabTo(page, 'button[data-action="notes"]');
    await page.keyboard.press('Enter');
    expect(await page.locator('.jc-slide[data-current] .jc-notes').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.locator('.jc-slide[data-current] .jc-notes').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => deck.getAttribute('data-presenting')).toBe('false');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.close();
  });
});

describe('journal club: presenter fallback without the Fullscreen API', () => {
  it('covers the page with an overlay, keeps Tab inside the deck, closes with Escape', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });
    });
    const page = await open(context);
    await page.locator('jc-presenter[data-ready]').waitFor();
    await tabTo(page, 'button[data-action="fullscreen"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('jc-presenter').getAttribute('data-presenting')).toBe('true');
    expect(await page.locator('[data-part="deck"]').evaluate((d) => d.classList.contains('is-overlay'))).toBe(true);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('jc-presenter').getAttribute('data-slide')).toBe('1');
    // Everything outside the deck is inert: Tab never leaves it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('[data-part="deck"]') || document.activeElement === document.body);
      expect(inside).toBe(true);
    }
    await axe(page, 'presenter overlay');
    await tabTo(page, '[data-part="deck"] button[data-action="next"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('jc-presenter').getAttribute('data-presenting')).toBe('false');
    expect(await page.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    await context.close();
  });
});

describe('journal club: accessibility (axe-core, WCAG 2.2 AA tags)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`/journal-club/ has no violations (${scheme})`, async () => {
      const page = await open(browser, 'journal-club/', scheme);
      await page.locator('jc-presenter[data-ready]').waitFor();
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await axe(page, `journal-club ${scheme}`);
      await page.close();
    });

    it(`presenter mode has no violations (${scheme})`, async () => {
      const page = await open(browser, 'journal-club/', scheme);
      await page.locator('jc-presenter[data-ready]').waitFor();
      await tabTo(page, 'button[data-action="fullscreen"]');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('jc-presenter').getAttribute('data-presenting')).toBe('true');
      await axe(page, `presenter ${scheme}`);
      await page.keyboard.press('End');
      await axe(page, `presenter last slide ${scheme}`);
      await page.close();
    });

    it(`the handout has no violations (${scheme})`, async () => {
      const page = await open(browser, 'journal-club/handout/', scheme);
      await axe(page, `handout ${scheme}`);
      await page.close();
    });
  }
});

describe('journal club: reflow', () => {
  it('at 320 px wide nothing scrolls sideways except the marked table regions (WCAG 1.4.10)', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['journal-club/', 'journal-club/handout/']) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});

describe('journal club: offline', () => {
  it('after one visit, /journal-club/, the handout and the story reload with the network off', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page, server.origin);
    await page.goto(server.url + 'journal-club/', { waitUntil: 'load' });
    await page.locator('[data-offline-status][data-state="ready"]').waitFor({ timeout: 30_000 });
    const info = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const keys = await caches.keys();
      return { scope: reg.scope, keys };
    });
    expect(info.scope).toBe(server.url);
    expect(info.keys.some((k) => /^nelm-offline-[0-9a-f]{16}$/.test(k))).toBe(true);

    await context.setOffline(true);
    const reload = await page.reload({ waitUntil: 'load' });
    expect(reload?.status()).toBe(200);
    expect(await text(page, 'h1')).toContain('Journal club');
    await page.locator('jc-km-sandbox[data-ready]').waitFor();

    const handout = await page.goto(server.url + 'journal-club/handout/', { waitUntil: 'load' });
    expect(handout?.status()).toBe(200);
    expect(await text(page, 'h1')).toContain('Journal club');

    const story = await page.goto(server.url, { waitUntil: 'load' });
    expect(story?.status()).toBe(200);
    expect(await text(page, 'h1')).toContain('Radiographic characteristics');
    // Every stylesheet and script of the story page came from the cache.
    const failed = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).responseStatus >= 400).length);
    expect(failed).toBe(0);
    await context.setOffline(false);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();

    // Control: without the service worker, the same offline navigation fails.
    const cold = await browser.newContext({ serviceWorkers: 'block' });
    const coldPage = await cold.newPage();
    await cold.setOffline(true);
    await expect(coldPage.goto(server.url + 'journal-club/')).rejects.toThrow();
    await cold.close();
  });
});
