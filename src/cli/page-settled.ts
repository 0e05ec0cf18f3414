/**
 * Waiting in Chromium (playwright-core) until a page is as a reader sees it once it has loaded:
 * every custom element upgraded, every Kaplan–Meier figure ready, the fonts in and three frames
 * painted. Shared by `npm run screenshots` and the screens sweep (tests/e2e/sweep.e2e.ts).
 */
import type { Page } from 'playwright-core';

/** Three painted frames: a resize observed in one frame is redrawn in the next. */
export function frames(page: Page): Promise<void> {
  // No named function inside: tsx would wrap it in a helper the page does not have.
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
}

/**
 * In the page: the document has loaded, every custom element is upgraded and every Kaplan–Meier
 * figure is ready. Passed to `waitForFunction`.
 */
export const pageLoaded = (): boolean =>
  document.readyState === 'complete' &&
  [...document.querySelectorAll('*')].every((e) => !e.localName.includes('-') || !!customElements.get(e.localName)) &&
  [...document.querySelectorAll('km-figure')].every((k) => k.hasAttribute('data-ready'));

/** In the page: sends a focus event to every custom element not yet defined, which makes a tool that loads on demand fetch its code. */
export const wakeLazyTools = (): void => {
  for (const e of document.querySelectorAll('body *')) if (e.localName.includes('-') && !customElements.get(e.localName)) e.dispatchEvent(new FocusEvent('focusin'));
};

/**
 * In the page: resolves once every time-based animation has finished (the curves' change of view
 * lasts 250 ms, see src/scripts/km-transition.ts), so that colours and opacities are read at rest.
 * Scroll-driven ones (the story's reading-progress bar) follow the scroll position and never finish.
 */
export const animationsFinished = (): Promise<void> =>
  Promise.all(
    document
      .getAnimations()
      .filter((a) => a.timeline instanceof DocumentTimeline && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
      .map((a) => a.finished.catch(() => undefined)),
  ).then(() => undefined);

/**
 * Waits for the loaded state described above (at most `timeout` ms for the elements and figures).
 * Tools whose code loads only when they come near or get focus (the journal club's) are woken
 * with a focus event first, so that the page is measured, or pictured, as it is once used.
 */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete', undefined, { timeout });
  await page.evaluate(wakeLazyTools);
  await page.waitForFunction(pageLoaded, undefined, { timeout });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(animationsFinished);
  await frames(page);
}
