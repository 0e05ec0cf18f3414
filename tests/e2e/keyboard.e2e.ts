/**
 * The whole story by keyboard only, in Chromium and Firefox (desktop, sticky figure active): from
 * the top of /, Tab to the skip link and into the main content; Tab on to the first step and walk
 * every scroll step with its Next link, then back with Previous, checking the sticky figure's state
 * at each; Tab on to the citation copy buttons and copy each format; Shift+Tab back to the last
 * step's "Open this in the explorer" link and follow it. The mouse is never used.
 *
 * At every focus stop the focused element must show a focus indicator (a non-zero outline or a box
 * shadow) and must not be hidden: it lies in the viewport (an element taller than the viewport
 * fills at least half of it), and document.elementFromPoint at the centre of its visible part (of a
 * line box, for wrapped links) is the element or one of its descendants, so no sticky or fixed
 * layer covers it. Firefox scrolls a focused element only until some of it shows, so there a strip
 * of it in view is enough (such stops are listed in the output).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

interface FocusReport {
  /** A short description of the focused element. */
  what: string;
  indicator: boolean;
  /** Entirely in the viewport (half the viewport filled, for an element taller than it). */
  inView: boolean;
  /** At least partly in the viewport (a 24 px strip, or all of a smaller element). */
  partlyInView: boolean;
  uncovered: boolean;
  /** What covers it, when something does. */
  hit: string;
  /** Its bounding box and the viewport's size. */
  box: string;
}

/** Describes the focused element and whether its focus is visible and unobscured. */
function focusReport(page: TestPage): Promise<FocusReport | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const describe = (e: Element | null) =>
      e ? `${e.localName}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}${e.textContent ? ` "${e.textContent.trim().slice(0, 40)}"` : ''}` : 'nothing';
    const visibleColour = (c: string) => !/^(transparent|rgba\(.*,\s*0\))$/.test(c.trim());
    const ring = (e: Element) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && visibleColour(s.outlineColor);
      const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
      return outline || shadow;
    };
    // A control may draw its ring on its label (e.g. the figure's toggle buttons).
    const label = el.closest('label');
    const indicator = ring(el) || (!!label && ring(label));
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const r = el.getBoundingClientRect();
    const shownHeight = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    const shownWidth = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
    // Whole element in view; one taller than the viewport fills at least half of it.
    const inView =
      r.width > 0 &&
      r.height > 0 &&
      r.left >= -1 &&
      r.right <= vw + 1 &&
      (r.height <= vh ? r.top >= -1 && r.bottom <= vh + 1 : shownHeight >= vh / 2);
    // At least a strip of it (or all of a small one) in view, so its focus ring shows there.
    const partlyInView = shownWidth > 0 && shownHeight >= Math.min(24, r.height);
    // Probe the centre of each line box (clipped to the viewport): wrapped links have several.
    const rects = [...el.getClientRects()].filter((b) => b.width > 0 && b.height > 0);
    let hit: Element | null = null;
    let uncovered = false;
    for (const b of rects.length ? rects : [r]) {
      const top = Math.max(b.top, 0);
      const bottom = Math.min(b.bottom, vh);
      const left = Math.max(b.left, 0);
      const right = Math.min(b.right, vw);
      if (bottom <= top || right <= left) continue;
      hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (hit && (hit === el || el.contains(hit))) {
        uncovered = true;
        break;
      }
    }
    const box = `[${Math.round(r.left)}, ${Math.round(r.top)}, ${Math.round(r.right)}, ${Math.round(r.bottom)}] in ${vw} × ${vh}`;
    return { what: describe(el), box, indicator, inView, partlyInView, uncovered, hit: uncovered ? '' : describe(hit) };
  });
}

describe.each(BROWSERS)('keyboard walkthrough of the story in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('skip link, every step forward and back with the sticky figure following, citation copy, explorer link; focus always visible and unobscured', async () => {
    const page = await browser.newPage({ clipboard: true });
    expect(await page.goto(server.url)).toBe(200);
    const stops: string[] = [];
    const problems: string[] = [];
    const partly: string[] = [];

    /** Checks the current focus stop and records any problem with it. */
    const check = async (context: string): Promise<FocusReport> => {
      // Let scrolling into view (and any layout change it triggers) settle first.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const report = await focusReport(page);
      if (!report) throw new Error(`${context}: focus is on nothing (the page body)`);
      stops.push(report.what);
      if (!report.indicator) problems.push(`${context}: no focus indicator on ${report.what}`);
      if (!report.partlyInView) problems.push(`${context}: ${report.what} is out of the viewport: ${report.box}`);
      else if (!report.inView) {
        // Firefox scrolls a focused element only until part of it shows (its own focus-scrolling
        // policy, not the page's doing); Chromium scrolls it fully into view when it fits.
        if (name === 'firefox') partly.push(`${context}: ${report.what}: ${report.box}`);
        else problems.push(`${context}: ${report.what} is not entirely in the viewport: ${report.box}`);
      }
      if (!report.uncovered) problems.push(`${context}: ${report.what} is covered by ${report.hit}`);
      return report;
    };
    const activeMatches = (selector: string) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);
    /** Presses `key` until focus matches `selector`, checking every stop on the way. */
    const walkTo = async (selector: string, key: 'Tab' | 'Shift+Tab', context: string, max = 600) => {
      for (let i = 0; i < max; i++) {
        await page.press(key);
        await check(`${context} (${key} #${i + 1})`);
        if (await activeMatches(selector)) return;
      }
      throw new Error(`${context}: ${key} never reached ${selector}`);
    };
    const figureState = () =>
      page.evaluate(() => {
        const km = document.querySelector('#story-km') as (HTMLElement & { getState?(): Record<string, unknown> }) | null;
        return {
          active: document.querySelector('story-scroller')?.getAttribute('data-active-step'),
          host: (document.querySelector('[data-sticky-km]') as HTMLElement | null)?.dataset.state,
          km: km?.getState?.() ?? null,
          label: document.querySelector('[data-sticky-label]')?.textContent,
        };
      });
    const expectFigureAt = async (index: number) => {
      const step = STORY_STEPS[index];
      await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id, { timeout: 5_000 });
      const s = step.state;
      expect(await figureState()).toMatchObject({
        active: step.id,
        host: `${s.grouping}/${s.endpoint}/${s.highlight ?? 'none'}`,
        km: { grouping: s.grouping, endpoint: s.endpoint, highlight: s.highlight, ci: s.ci, censor: s.censor, median: s.median },
        label: step.label,
      });
    };

    // The skip link is the first stop, and it leads into the main content.
    await page.press('Tab');
    expect(await activeMatches('a.skip-link'), 'the first Tab stop is the skip link').toBe(true);
    await check('skip link');
    await page.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(new URL(page.url()).hash).toBe('#main');
    await check('main content');

    // On through the opening chapters to the first step's Next link.
    const first = STORY_STEPS[0];
    await walkTo(`#step-${first.id} a.step-next`, 'Tab', 'to the first step');
    await page.waitFor('story-scroller.is-active km-figure[data-ready]', { state: 'attached', timeout: 15_000 });

    // Forward through every step with Next.
    for (let i = 0; i < STORY_STEPS.length - 1; i++) {
      const next = STORY_STEPS[i + 1];
      await page.press('Enter');
      await page.waitForURL((u) => u.hash === `#step-${next.id}`);
      await page.waitForFunction((id) => document.activeElement?.id === id, `step-${next.id}`);
      await check(`step ${next.id} after Next`);
      await expectFigureAt(i + 1);
      if (i + 1 < STORY_STEPS.length - 1) await walkTo(`#step-${next.id} a.step-next`, 'Tab', `within step ${next.id}`);
    }

    // Back through every step with Previous.
    const last = STORY_STEPS[STORY_STEPS.length - 1];
    await walkTo(`#step-${last.id} a.step-prev`, 'Tab', `within step ${last.id}`);
    for (let i = STORY_STEPS.length - 1; i > 0; i--) {
      const previous = STORY_STEPS[i - 1];
      await page.press('Enter');
      await page.waitForURL((u) => u.hash === `#step-${previous.id}`);
      await page.waitForFunction((id) => document.activeElement?.id === id, `step-${previous.id}`);
      await check(`step ${previous.id} after Previous`);
      await expectFigureAt(i - 1);
      if (i - 1 > 0) await walkTo(`#step-${previous.id} a.step-prev`, 'Tab', `within step ${previous.id}`);
    }

    // On to the citation formats: copy each with the keyboard.
    const formats = await page.evaluate(() => [...document.querySelectorAll('copy-button')].map((c) => c.getAttribute('data-target')!));
    expect(formats.length).toBeGreaterThanOrEqual(4);
    for (const target of formats) {
      await walkTo(`copy-button[data-target="${target}"] button`, 'Tab', `to the ${target} copy button`);
      await page.press('Enter');
      await page.waitForFunction((t) => document.querySelector(`copy-button[data-target="${t}"] .copy-status`)?.textContent === 'Copied', target);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // What is shown, without the whitespace around it (the markup's indentation is not the citation's).
      expect(copied, target).toBe(await page.evaluate((t) => (document.getElementById(t) as HTMLElement).innerText.trim(), target));
      expect(copied, target).toMatch(/^\S[\s\S]*\S$/);
    }

    // Back up to the last step's explorer link, and follow it.
    await walkTo(`#step-${last.id} a.explore-link`, 'Shift+Tab', 'back to the explorer link');
    await page.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/explore/'));
    await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    const explorer = await page.evaluate(() => ({
      grouping: (document.querySelector('km-figure input[data-km="grouping"]:checked') as HTMLInputElement | null)?.value,
      endpoint: (document.querySelector('km-figure input[data-km="endpoint"]:checked') as HTMLInputElement | null)?.value,
    }));
    expect(explorer).toEqual({ grouping: last.state.grouping, endpoint: last.state.endpoint });
    // The explorer starts from the top too: its first stop is the skip link.
    await page.press('Tab');
    expect(await activeMatches('a.skip-link')).toBe(true);
    await check('explorer skip link');

    if (partly.length) console.log(`${name}: focused but only partly scrolled into view by the browser:\n${partly.join('\n')}`);
    expect(problems, `focus stops:\n${stops.join('\n')}`).toEqual([]);
    expect(stops.length).toBeGreaterThan(STORY_STEPS.length * 4);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
