/**
 * Walking the story's scroll steps in Chromium (playwright-core) and measuring, at each, where the
 * chart of the current view and the step's callout are: shared by the screens tests
 * (screens.e2e.ts, sweep.e2e.ts) and the screenshot script.
 */
import type { Page } from 'playwright-core';
import { STORY_STEPS } from '../../src/components/story/steps.ts';
import type { StoryStep } from '../../src/components/story/steps.ts';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface StepGeometry {
  /** The visible chart of the current view (null if none is shown). */
  svg: Box | null;
  /** The step's callout in the sticky figure (null if none). */
  callout: Box | null;
  vw: number;
  vh: number;
}

/** Brings the scrolly part into view and waits until its sticky figure is active and drawn. */
export async function activateScroller(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
}

/** Scrolls the reading line (45% of the viewport) into step `step` and waits until the figure shows its view. */
export async function goToStep(page: Page, step: StoryStep): Promise<void> {
  await page.evaluate((id) => {
    const el = document.getElementById(`step-${id}`)!;
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight * 0.45 + Math.min(120, el.offsetHeight / 3), behavior: 'instant' });
  }, step.id);
  await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id);
  await page.waitForFunction((v) => document.querySelector('#story-km')?.getAttribute('data-view') === v, `${step.state.grouping}-${step.state.endpoint}`);
}

/** Where the current view's chart and the step's callout are, in viewport coordinates. */
export function stepGeometry(page: Page, step: StoryStep): Promise<StepGeometry> {
  return page.evaluate(
    ({ view, callout }) => {
      const box = (el: Element | null | undefined) => {
        if (!el) return null;
        const b = el.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
      };
      const svg = [...document.querySelectorAll(`#story-km .km-view[data-view="${view}"] .km-svg-wrap svg`)].find((s) => s.checkVisibility());
      const c = document.querySelector(`[data-sticky-callout] .callout[data-callout="${callout}"]`);
      return { svg: box(svg), callout: box(c), vw: document.documentElement.clientWidth, vh: window.innerHeight };
    },
    { view: `${step.state.grouping}-${step.state.endpoint}`, callout: step.callout },
  );
}

/**
 * What is wrong with the sticky figure at a step: the chart or the callout outside the viewport,
 * or the callout not under the chart. One line per problem.
 */
export function stepProblems(step: StoryStep, m: StepGeometry): string[] {
  const out: string[] = [];
  const where = `step ${step.id}`;
  if (!m.svg) return [`${where}: no chart shown`];
  if (m.svg.top < 0) out.push(`${where}: chart top ${m.svg.top} above the viewport`);
  if (m.svg.bottom > m.vh) out.push(`${where}: chart bottom ${m.svg.bottom} below the viewport (${m.vh})`);
  if (m.svg.left < 0 || m.svg.right > m.vw) out.push(`${where}: chart ${m.svg.left}–${m.svg.right} outside the viewport's width (${m.vw})`);
  if (step.callout !== 'none') {
    if (!m.callout) out.push(`${where}: callout not shown`);
    else {
      if (m.callout.top < m.svg.bottom - 1) out.push(`${where}: callout (top ${m.callout.top}) overlaps the chart (bottom ${m.svg.bottom})`);
      if (m.callout.bottom > m.vh) out.push(`${where}: callout bottom ${m.callout.bottom} below the viewport (${m.vh})`);
      if (m.callout.left < 0 || m.callout.right > m.vw) out.push(`${where}: callout outside the viewport's width`);
    }
  }
  return out;
}

/** Walks the scroller through every step and lists each step's problems (see {@link stepProblems}). */
export async function everyStepProblems(page: Page): Promise<string[]> {
  await activateScroller(page);
  const problems: string[] = [];
  for (const step of STORY_STEPS) {
    await goToStep(page, step);
    problems.push(...stepProblems(step, await stepGeometry(page, step)));
  }
  return problems;
}

export { STORY_STEPS };
