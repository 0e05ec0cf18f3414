/**
 * Issue 14: "transitions between views animate the curves (within 300 ms, none under
 * prefers-reduced-motion)". A change of view on /explore/ (a toggle) and in the story (a scroll
 * step) starts Web Animations on the new view's curves (src/scripts/km-transition.ts) that end
 * within 300 ms; under reduced motion the figure runs no animation or transition at all.
 *
 * Animations are read synchronously when the figure reports the change (its `km-statechange`
 * event), so a slow machine cannot let them finish before the test looks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

interface Seen {
  view: string;
  animations: { target: string; group: string | null; properties: string[]; end: number; duration: number }[];
}

/** Records, at every km-statechange, the animations running in the figure's charts. */
function record(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[] };
    w.__seen = [];
    document.addEventListener('km-statechange', (event) => {
      const km = event.target as HTMLElement;
      w.__seen.push({
        view: km.dataset.view ?? '',
        // The charts' animations (the form's own controls are not the figure's curves).
        animations: [...km.querySelectorAll('svg.km-svg')].flatMap((svg) => svg.getAnimations({ subtree: true })).map((a) => {
          const effect = a.effect as KeyframeEffect;
          const target = effect.target as Element;
          const timing = effect.getComputedTiming();
          return {
            target: target.getAttribute('class') ?? target.localName,
            group: target.getAttribute('data-group'),
            properties: [...new Set(effect.getKeyframes().flatMap((k) => Object.keys(k)))].filter((p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p)),
            end: Number(timing.endTime),
            duration: Number(timing.duration),
          };
        }),
      });
    });
  });
}

const seen = (page: TestPage) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);

/** Curve animations of the view now shown: every one moves `d` and ends within 300 ms. */
function expectCurvesAnimated(s: Seen, groups: number): void {
  const curves = s.animations.filter((a) => a.target.split(' ').includes('km-line'));
  expect(curves.length, `curve animations in ${s.view}`).toBe(groups);
  for (const a of curves) expect(a.properties).toContain('d');
  expect(s.animations.length).toBeGreaterThan(curves.length); // the layers fade in with them
  for (const a of s.animations) {
    expect(a.duration).toBeGreaterThan(0);
    expect(a.end).toBeLessThanOrEqual(300);
  }
}

describe.each(BROWSERS)('view transitions in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function explore(options: PageOptions = {}): Promise<TestPage> {
    const page = await browser.newPage(options);
    await page.goto(`${server.url}explore/`, { waitUntil: 'networkidle' });
    await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    await record(page);
    return page;
  }

  it('/explore/: the endpoint and grouping toggles animate the curves, within 300 ms', async () => {
    const page = await explore({ reducedMotion: 'no-preference' });
    await page.check('km-figure input[data-km="endpoint"][value="os"]');
    await page.waitForFunction(() => (window as unknown as { __seen: unknown[] }).__seen.length >= 1);
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await page.waitForFunction(() => (window as unknown as { __seen: unknown[] }).__seen.length >= 2);
    const [endpoint, grouping] = await seen(page);
    expect(endpoint.view).toBe('calcification-os');
    expectCurvesAnimated(endpoint, 2);
    expect(grouping.view).toBe('enhancement-os');
    expectCurvesAnimated(grouping, 3);
    // Once they end, nothing keeps running (the static drawing is what stays)...
    await page.waitForFunction(() => document.querySelector('km-figure')!.getAnimations({ subtree: true }).length === 0, undefined, { timeout: 5_000 });
    // ...and a layer toggle is no change of view: nothing moves.
    await page.uncheck('km-figure input[data-km="ci"]');
    await page.waitForFunction(() => (window as unknown as { __seen: unknown[] }).__seen.length >= 3);
    const [, , layer] = await seen(page);
    expect(layer.animations).toEqual([]);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('/explore/ under prefers-reduced-motion: no animation and no transition on any change', async () => {
    const page = await explore({ reducedMotion: 'reduce' });
    await page.check('km-figure input[data-km="endpoint"][value="os"]');
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await page.uncheck('km-figure input[data-km="ci"]');
    await page.waitForFunction(() => (window as unknown as { __seen: unknown[] }).__seen.length >= 3);
    const views = await seen(page);
    expect(views.map((s) => s.view)).toEqual(['calcification-os', 'enhancement-os', 'enhancement-os']);
    for (const s of views) expect(s.animations).toEqual([]);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('the story: a step that changes the view animates the sticky figure\'s curves, within 300 ms', async () => {
    const page = await browser.newPage({ reducedMotion: 'no-preference' });
    expect(await page.goto(server.url)).toBe(200);
    await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.waitFor('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
    await record(page);
    // The first step whose view differs from the one before it.
    const i = STORY_STEPS.findIndex((s, k) => k > 0 && `${s.state.grouping}-${s.state.endpoint}` !== `${STORY_STEPS[k - 1].state.grouping}-${STORY_STEPS[k - 1].state.endpoint}`);
    expect(i).toBeGreaterThan(0);
    for (const step of STORY_STEPS.slice(0, i + 1)) {
      await page.evaluate((id) => {
        const el = document.getElementById(`step-${id}`)!;
        const top = el.getBoundingClientRect().top + window.scrollY;
        window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
      }, step.id);
      await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id, { timeout: 5_000 });
    }
    const target = STORY_STEPS[i].state;
    const change = (await seen(page)).find((s) => s.view === `${target.grouping}-${target.endpoint}`);
    expect(change, `a change to ${target.grouping}-${target.endpoint}`).toBeDefined();
    const groups = await page.evaluate((view) => document.querySelectorAll(`#story-km .km-view[data-view="${view}"] .km-curves .km-line`).length, `${target.grouping}-${target.endpoint}`);
    expectCurvesAnimated(change!, groups);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
