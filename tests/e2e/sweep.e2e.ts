/**
 * Every page of the build at every screen of issue 14, in Chromium: phones (360×640, 390×844), a
 * tablet (768×1024), laptops (1024×768, 1280×720, 1366×768, 1440×900) and a desktop (1920×1080).
 *
 * - On every page (the HTML files of dist/, not a hand-written list), with every <details> open:
 *   nothing clipped, no sideways scroll except table scrollers with a sticky first column, and on
 *   phones chart text ≥ 12 px. What those mean exactly is in layout-check.ts.
 * - The story, where its sticky figure is used (wider than 700 px): at every step the chart of the
 *   step's view and the step's callout are inside the viewport, the callout under the chart; and
 *   the page with the sticky figure shown passes the same layout checks.
 * - On phones the story is a linear article: every chart a step draws fits the screen, and a step
 *   that repeats the previous chart shows its callout.
 *
 * Affordable: one browser, one page per screen size, reused for every page. No timing is asserted;
 * it waits for states (documents loaded, custom elements upgraded and ready, fonts loaded, frames
 * painted), never for a fixed time. The placeholder-domain check of dist/ is in screens.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { builtPages, withChromiumAndServer } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { inPage, layoutProblems, renderEverything } from './layout-check.ts';
import { frames, settled } from '../../src/cli/page-settled.ts';
import { everyStepProblems, STORY_STEPS } from './story-steps.ts';

/** The screens of issue 14. `phone`: chart text is held to 12 px, and phone emulation (touch, mobile viewport). */
export const SCREENS = [
  { width: 360, height: 640, phone: true },
  { width: 390, height: 844, phone: true },
  { width: 768, height: 1024, phone: false },
  { width: 1024, height: 768, phone: false },
  { width: 1280, height: 720, phone: false },
  { width: 1366, height: 768, phone: false },
  { width: 1440, height: 900, phone: false },
  { width: 1920, height: 1080, phone: false },
] as const;

/** Below this width the story has no sticky figure (src/scripts/story-scroller.ts). */
const STICKY_MIN_WIDTH = 701;
const MIN_PHONE_CHART_TEXT = 12;

const DOCUMENTS = builtPages().filter((p) => !p.partial);

let server: StaticServer;
let browser: Browser;

withChromiumAndServer((s, b) => ([server, browser] = [s, b]));

/** Opens every <details>, lays out what is kept unrendered until near, and lists the page's layout problems. */
async function pageProblems(page: Page, phone: boolean): Promise<string[]> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await page.evaluate(inPage(renderEverything));
  await frames(page);
  return (await page.evaluate(inPage(layoutProblems, { minChartText: phone ? MIN_PHONE_CHART_TEXT : null }))) as string[];
}

it('the build has pages to sweep', () => {
  expect(DOCUMENTS.length).toBeGreaterThan(10);
  expect(DOCUMENTS.map((d) => d.path)).toEqual(expect.arrayContaining(['', 'explore/', 'tables/', 'journal-club/']));
});

describe.each(SCREENS)('at $width×$height', ({ width, height, phone }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(DOCUMENTS.map((d) => [`/${d.path}`, d.path] as const))(
    `%s: nothing clipped, no sideways scroll outside table scrollers${phone ? `, chart text ≥ ${MIN_PHONE_CHART_TEXT} px` : ''}`,
    async (_, path) => {
      const response = await page.goto(server.url + path);
      expect(response?.status()).toBe(200);
      await settled(page);
      expect(await pageProblems(page, phone)).toEqual([]);
    },
  );

  if (width >= STICKY_MIN_WIDTH) {
    it('the story: at every step the sticky chart and its callout are inside the viewport; with it shown, nothing is clipped', async () => {
      await page.goto(server.url);
      await settled(page);
      expect(await everyStepProblems(page)).toEqual([]);
      await frames(page);
      expect(await page.evaluate(inPage(layoutProblems, { minChartText: null }))).toEqual([]);
    });
  } else {
    it('the story as a linear article: every chart a step draws fits the screen; a repeated chart gives way to its callout', async () => {
      await page.goto(server.url);
      await settled(page);
      await page.evaluate(inPage(renderEverything));
      const steps = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.step[data-step]')].map((s) => {
          const chart = s.querySelector('.step-figure .km-static svg');
          const callout = s.querySelector('.step-figure .callout');
          const box = (e: Element | null) => (e && e.checkVisibility() ? e.getBoundingClientRect().toJSON() : null);
          return { id: s.dataset.step!, repeats: s.querySelector('.step-figure')?.hasAttribute('data-repeats') ?? false, chart: box(chart), callout: box(callout) };
        }),
      );
      const vw = await page.evaluate(() => document.documentElement.clientWidth);
      expect(steps.map((s) => s.id)).toEqual(STORY_STEPS.map((s) => s.id));
      for (const s of steps) {
        if (s.repeats) {
          expect(s.chart, `${s.id}: repeated chart`).toBeNull();
          expect(s.callout, `${s.id}: its callout`).not.toBeNull();
          continue;
        }
        expect(s.chart, `${s.id}: chart`).not.toBeNull();
        expect(s.chart!.left, `${s.id}: chart left`).toBeGreaterThanOrEqual(0);
        expect(s.chart!.right, `${s.id}: chart right`).toBeLessThanOrEqual(vw);
        expect(s.chart!.height, `${s.id}: chart height`).toBeLessThanOrEqual(height);
      }
    });
  }
});
