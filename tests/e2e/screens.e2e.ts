/**
 * Layout on the screens people read on (issue 14), in Chromium: a laptop (1280×800), phones
 * (390×844, 360×640), a projector and the desktop; every page at the eight screens is in
 * sweep.e2e.ts. Geometry only, measured with getBoundingClientRect
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
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, DIST, withChromiumAndServer } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';
import { everyStepProblems } from './story-steps.ts';
import { inPage, layoutProblems } from './layout-check.ts';

let server: StaticServer;
let browser: Browser;

withChromiumAndServer((s, b) => ([server, browser] = [s, b]));

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

// The eight screens are swept in sweep.e2e.ts (every page, and the story's steps where the
// sticky figure is used); 1280×800, the laptop the issue was reported on, is not among them.
describe('the story on a laptop', () => {
  it('at 1280×800 every step shows its chart and callout inside the viewport', async () => {
    const page = await open('', 1280, 800);
    expect(await everyStepProblems(page)).toEqual([]);
    await page.close();
  });
});

const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
] as const;

/** Everything drawn in the visible forest plot with id prefix `plotId`: box of its scroller, marks, text sizes. */
async function forestGeometry(page: Page, plotId: string) {
  return page.evaluate((id) => {
    // Figures are skipped for rendering until near the viewport (content-visibility): ask about layout.
    const svg = [...document.querySelectorAll<SVGSVGElement>(`svg:has([id="${id}-title"]), svg:has([id="${id}-narrow-title"])`)].find(
      (s) => (s.closest('.lazy-figure') as HTMLElement).offsetHeight > 0,
    );
    if (!svg) return null;
    svg.scrollIntoView({ block: 'center', behavior: 'instant' });
    const scroller = svg.closest('.figure-scroll')!.getBoundingClientRect();
    const rendered = svg.getBoundingClientRect();
    const scale = rendered.width / svg.viewBox.baseVal.width;
    const marks = [...svg.querySelectorAll('line, path, text, rect')].map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0 || b.height > 0);
    return {
      box: { left: scroller.left, right: scroller.right },
      svgRight: rendered.right,
      scrollWidth: svg.closest('.figure-scroll')!.scrollWidth,
      clientWidth: svg.closest('.figure-scroll')!.clientWidth,
      minLeft: Math.min(...marks.map((b) => b.left)),
      maxRight: Math.max(...marks.map((b) => b.right)),
      diamonds: svg.querySelectorAll('.forest-hollow').length,
      smallestText: Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
    };
  }, plotId);
}

describe('on a phone', () => {
  it.each(PHONES)('at $width×$height the hazard-ratio forest plot fits its box, all diamonds and HR = 1 on screen, text ≥ 12 px', async ({ width, height }) => {
    const page = await open('', width, height);
    const g = await forestGeometry(page, 'hr-plot');
    expect(g).not.toBeNull();
    expect(g!.scrollWidth, 'no sideways scroll inside the figure').toBeLessThanOrEqual(g!.clientWidth);
    expect(g!.minLeft).toBeGreaterThanOrEqual(g!.box.left - 0.5);
    expect(g!.maxRight).toBeLessThanOrEqual(g!.box.right + 0.5);
    expect(g!.diamonds).toBe(6);
    expect(g!.smallestText).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it.each([
    { path: '', table: 'table:has(#hr-table-caption)' },
    { path: 'journal-club/', table: 'table.jc-power-table' },
  ])('at 390×844 every cell of $table on /$path is on screen (no hidden columns)', async ({ path, table }) => {
    const page = await open(path, 390, 844);
    const m = await page.evaluate((sel) => {
      const t = document.querySelector(sel)!;
      t.scrollIntoView({ block: 'start', behavior: 'instant' });
      const cells = [...t.querySelectorAll('tbody td, tbody th')].map((c) => c.getBoundingClientRect());
      return {
        cells: cells.length,
        left: Math.min(...cells.map((b) => b.left)),
        right: Math.max(...cells.map((b) => b.right)),
        empty: cells.filter((b) => b.width < 1 || b.height < 1).length,
        vw: document.documentElement.clientWidth,
        pageScroll: document.documentElement.scrollWidth,
      };
    }, table);
    expect(m.cells).toBeGreaterThan(10);
    expect(m.empty).toBe(0);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(m.vw);
    expect(m.pageScroll).toBeLessThanOrEqual(m.vw);
    await page.close();
  });

  it('at 390×844 the story draws each chart once: a step that keeps the previous chart shows only its callout', async () => {
    const page = await open('', 390, 844);
    const steps = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.step[data-step]')].map((s) => ({
        id: s.dataset.step!,
        // Inline figures are skipped for rendering until near the viewport: ask about layout.
        chart: (s.querySelector('.step-figure .km-static') as HTMLElement | null)?.offsetHeight !== 0,
        callout: ((s.querySelector('.step-figure .callout') as HTMLElement | null)?.offsetHeight ?? 0) > 0,
        // The step's figure state, as the page writes it (kmStateToQuery with the highlight).
        state: s.dataset.kmState ?? '',
      })),
    );
    expect(steps.map((s) => s.id)).toEqual(STORY_STEPS.map((s) => s.id));
    steps.forEach((s, i) => {
      const repeat = i > 0 && steps[i - 1].state === s.state;
      expect(s.chart, `${s.id}: chart drawn`).toBe(!repeat);
      if (repeat) expect(s.callout, `${s.id}: its callout`).toBe(true);
    });
    // Steps 7 and 10 (calc-hr, enh-hr) repeat the chart of steps 6 and 9.
    expect(steps.filter((s) => !s.chart).map((s) => s.id)).toEqual(['calc-hr', 'enh-hr']);
    await page.close();
  });
});

describe('/tables/', () => {
  const tableBoxes = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableElement>('.table-scroll > table')].map((t) => {
        const box = t.parentElement!;
        return { id: t.id, width: t.getBoundingClientRect().width, box: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth + 1 };
      }),
    );

  it.each([
    { width: 1280, height: 900 },
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ])('at $width×$height no risk table of the figures is cut off (every month and the caption in its box)', async ({ width, height }) => {
    const page = await open('tables/figures/', width, height);
    const figures = (await tableBoxes(page)).filter((t) => /^fig/.test(t.id));
    expect(figures.length).toBe(4);
    for (const t of figures) {
      expect(t.scrolls, `${t.id} scrolls`).toBe(false);
      expect(t.width, t.id).toBeLessThanOrEqual(t.box + 1);
    }
    await page.close();
  });

  it('at 390×844 Table 3 scrolls inside its box with the first column kept in view', async () => {
    const page = await open('tables/table-3/', 390, 844);
    const m = await page.evaluate(async () => {
      const table = document.getElementById('table3')!;
      const box = table.parentElement!;
      box.scrollIntoView({ block: 'start', behavior: 'instant' });
      const firstHeader = table.querySelector('tbody th[scope="row"]')!;
      const before = firstHeader.getBoundingClientRect().left;
      const cell = table.querySelector('tbody td')!;
      const cellBefore = cell.getBoundingClientRect().left;
      box.scrollLeft = 300;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return {
        scrolls: box.scrollWidth > box.clientWidth,
        pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        headerMoved: firstHeader.getBoundingClientRect().left - before,
        cellMoved: cell.getBoundingClientRect().left - cellBefore,
      };
    });
    expect(m.scrolls).toBe(true);
    expect(m.pageScroll).toBe(0);
    expect(m.cellMoved).toBeLessThan(-100);
    expect(Math.abs(m.headerMoved)).toBeLessThanOrEqual(1);
    await page.close();
  });
});

describe('/explore/', () => {
  it.each([
    { width: 1280, height: 800 },
    { width: 1280, height: 900 },
    { width: 1440, height: 900 },
  ])('at $width×$height the controls and the plot (to its time axis) are on one screen', async ({ width, height }) => {
    const page = await open('explore/?grouping=calcification&endpoint=os', width, height);
    await page.waitForSelector('#explore-km[data-ready]');
    const m = await page.evaluate(() => {
      const visible = (sel: string) => [...document.querySelectorAll(sel)].find((e) => e.checkVisibility())!.getBoundingClientRect();
      const controls = visible('#explore-km .km-controls');
      const axis = visible('#explore-km .km-view[data-view="calcification-os"] .km-axis-x');
      const plot = visible('#explore-km .km-view[data-view="calcification-os"] .km-svg-wrap svg');
      return { controlsTop: controls.top, controlsBottom: controls.bottom, axisBottom: axis.bottom, plotTop: plot.top, vh: window.innerHeight, vw: document.documentElement.clientWidth, pageScroll: document.documentElement.scrollWidth };
    });
    expect(m.controlsTop).toBeGreaterThanOrEqual(0);
    expect(m.controlsBottom).toBeLessThanOrEqual(m.vh);
    expect(m.plotTop).toBeGreaterThanOrEqual(0);
    expect(m.axisBottom).toBeLessThanOrEqual(m.vh);
    expect(m.pageScroll).toBeLessThanOrEqual(m.vw);
    await page.close();
  });

  it('the calcified median beyond the 60-month axis is marked on the chart and its patients at risk are named', async () => {
    const page = await open('explore/?grouping=calcification&endpoint=os&median=1', 1280, 900);
    await page.waitForSelector('#explore-km[data-ready]');
    const m = await page.evaluate(() => {
      const view = document.querySelector('#explore-km .km-view[data-view="calcification-os"]')!;
      const svg = [...view.querySelectorAll('.km-svg-wrap svg')].find((s) => s.checkVisibility())!;
      const marker = [...svg.querySelectorAll('.km-median-beyond')].find((t) => t.checkVisibility());
      const plot = svg.getBoundingClientRect();
      const box = marker?.getBoundingClientRect();
      return { note: view.querySelector('[data-km-beyond]')?.textContent ?? null, marker: marker?.textContent ?? null, inside: !!box && box.left >= plot.left && box.right <= plot.right };
    });
    expect(m.note).toMatch(/^The median of calcifications \(\d+ months\) lies beyond the 60-month axis; only \d+ patients? (was|were) still at risk then\.$/);
    expect(m.marker).toMatch(/^median \d+ mo →$/);
    expect(m.inside).toBe(true);
    await page.close();
  });
});

/** Rendered size of the chart text of an SVG drawn with `preserveAspectRatio` meet (the default). */
const SVG_TEXT_PX = `(svg) => {
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const scale = Math.min(box.width / vb.width, box.height / vb.height);
  const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  return { minText: Math.min(...sizes), drawnHeight: vb.height * scale, drawnWidth: vb.width * scale };
}`;

describe('presenter mode on a projector', () => {
  it.each([
    { width: 1280, height: 720, minText: 18 },
    { width: 1920, height: 1080, minText: 24 },
  ])('at $width×$height every slide fits the screen, charts fill it with text ≥ $minText px, no speaker notes', async ({ width, height, minText }) => {
    const page = await open('journal-club/presenter/', width, height);
    await page.waitForSelector('jc-presenter[data-ready]', { state: 'attached' });
    await page.click('button[data-action="fullscreen"]');
    await page.waitForSelector('jc-presenter[data-presenting="true"]', { state: 'attached' });
    const count = await page.evaluate(() => document.querySelectorAll('.jc-slide').length);
    expect(count).toBeGreaterThanOrEqual(15);
    const titles: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.waitForFunction((n) => document.querySelector('jc-presenter')?.getAttribute('data-slide') === String(n), i);
      const m = await page.evaluate(
        ({ measure }) => {
          const slide = document.querySelector<HTMLElement>('.jc-slide[data-current]')!;
          const box = slide.getBoundingClientRect();
          const svg = slide.querySelector('svg');
          const fn = new Function(`return (${measure})`)() as (s: SVGSVGElement) => { minText: number; drawnHeight: number; drawnWidth: number };
          const deck = document.querySelector('.jc-deck')!.getBoundingClientRect();
          return {
            title: slide.querySelector('.jc-slide-title')?.textContent ?? '',
            deck: { left: deck.left, top: deck.top, width: deck.width, height: deck.height },
            width: box.width,
            height: box.height,
            vw: document.documentElement.clientWidth,
            top: box.top,
            bottom: box.bottom,
            contentBottom: Math.max(...[...slide.children].filter((c) => c.checkVisibility()).map((c) => c.getBoundingClientRect().bottom)),
            notes: slide.querySelector('.jc-notes')?.checkVisibility() ?? false,
            chart: svg ? fn(svg) : null,
            vh: window.innerHeight,
          };
        },
        { measure: SVG_TEXT_PX },
      );
      titles.push(m.title);
      // The projected deck is the whole 16:9 screen; the slide below its bar fills most of it.
      expect(m.deck, `${m.title}: deck`).toEqual({ left: 0, top: 0, width: m.vw, height: m.vh });
      expect(m.width, `${m.title}: slide width`).toBeGreaterThanOrEqual(0.9 * m.vw);
      expect(m.height, `${m.title}: slide height`).toBeGreaterThanOrEqual(0.75 * m.vh);
      // What is projected (the full-screen deck), not the page behind it.
      expect(await page.evaluate(inPage(layoutProblems, { minChartText: null, root: '.jc-deck' })), `${m.title}: nothing clipped`).toEqual([]);
      expect(m.notes, `${m.title}: notes projected`).toBe(false);
      expect(m.top, m.title).toBeGreaterThanOrEqual(0);
      expect(m.contentBottom, `${m.title}: bottom`).toBeLessThanOrEqual(m.vh);
      if (m.chart) {
        expect(m.chart.minText, `${m.title}: chart text`).toBeGreaterThanOrEqual(minText);
        // The chart fills the slide: at least 60% of the screen's height (the title and callout share it).
        expect(m.chart.drawnHeight, `${m.title}: chart height`).toBeGreaterThanOrEqual(0.6 * m.vh);
      }
      await page.keyboard.press('ArrowRight');
    }
    expect(titles[0]).toMatch(/predict survival/);
    expect(titles).toContain('Study design');
    expect(titles).toContain('Take-home');
    await page.close();
  });

  it.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('at $width×$height the speaker view (?presenter) shows notes, a timer and the next slide on screen, and follows the projected deck', async ({ width, height }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    const deck = await context.newPage();
    await deck.goto(`${server.url}journal-club/presenter/`);
    await deck.waitForSelector('jc-presenter[data-ready]', { state: 'attached' });
    const speaker = await context.newPage();
    await speaker.goto(`${server.url}journal-club/presenter/?presenter#jc-slide-title`);
    await speaker.waitForSelector('jc-presenter[data-ready]', { state: 'attached' });
    const view = () =>
      speaker.evaluate(() => ({
        slide: document.querySelector('jc-presenter')?.getAttribute('data-slide'),
        notes: document.querySelector('.jc-slide[data-current] .jc-notes')?.checkVisibility() ?? false,
        timer: document.querySelector('[data-part="timer"]')?.checkVisibility() ?? false,
        next: document.querySelector('[data-part="next"]')?.textContent,
      }));
    expect(await view()).toEqual({ slide: '0', notes: true, timer: true, next: 'Study design' });
    // Notes, timer and next slide are on the speaker's screen, nothing on it clipped.
    const outside = await speaker.evaluate(() =>
      ['.jc-slide[data-current] .jc-notes', '[data-part="timer"]', '[data-part="next"]'].filter((sel) => {
        const b = document.querySelector(sel)!.getBoundingClientRect();
        return b.top < 0 || b.left < 0 || b.bottom > window.innerHeight || b.right > document.documentElement.clientWidth;
      }),
    );
    expect(outside).toEqual([]);
    expect(await speaker.evaluate(inPage(layoutProblems, { minChartText: null }))).toEqual([]);
    // The deck window has no notes by default.
    expect(await deck.evaluate(() => document.querySelector('.jc-slide[data-current] .jc-notes')?.checkVisibility())).toBe(false);
    await deck.click('button[data-action="next"]');
    await speaker.waitForFunction(() => document.querySelector('jc-presenter')?.getAttribute('data-slide') === '1');
    expect((await view()).next).not.toBe('Study design');
    await context.close();
  });
});

describe('journal club: plain words and a leader’s kit', () => {
  it('no reader-facing text of any page uses developer words (service worker, file://, module scripts, version hashes)', () => {
    const offenders: string[] = [];
    for (const page of builtPages()) {
      const text = page.html
        .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
        .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<[^>]+>/g, ' ');
      for (const word of [/service workers?/i, /file:\/\//i, /module scripts?/i, /\bversion [0-9a-f]{6,}\b/i]) {
        const hit = word.exec(text);
        if (hit) offenders.push(`${page.file}: “${hit[0]}”`);
      }
    }
    const status = readFileSync(join(DIST, 'jc-offline.js'), 'utf8');
    for (const said of status.matchAll(/say\(([`'])([\s\S]*?)\1/g)) {
      if (/service worker|version/i.test(said[2])) offenders.push(`jc-offline.js: “${said[2]}”`);
    }
    expect(offenders).toEqual([]);
  });

  it('the leader page has a 45- and a 60-minute plan that add up, objectives, and every model answer open', async () => {
    const page = await open('journal-club/leader/', 1280, 900);
    const m = await page.evaluate(() => ({
      plans: [...document.querySelectorAll('table.jc-plan-table')].map((t) => ({
        caption: t.querySelector('caption')?.textContent ?? '',
        minutes: [...t.querySelectorAll('tbody tr')].map((r) => Number(r.children[1].textContent)),
        starts: [...t.querySelectorAll('tbody tr')].map((r) => Number(r.children[0].textContent)),
      })),
      objectives: document.querySelectorAll('#objectives-h + p + ol > li').length,
      answers: document.querySelectorAll('.jc-answer-sheet details').length,
      closed: document.querySelectorAll('.jc-answer-sheet details:not([open])').length,
    }));
    expect(m.plans.map((p) => p.minutes.reduce((a, b) => a + b, 0))).toEqual([45, 60]);
    for (const p of m.plans) p.starts.forEach((s, i) => expect(s).toBe(p.minutes.slice(0, i).reduce((a, b) => a + b, 0)));
    expect(m.objectives).toBeGreaterThanOrEqual(4);
    expect(m.answers).toBeGreaterThanOrEqual(8);
    expect(m.closed).toBe(0);
    await page.close();
  });

  it('the printed handout leaves ruled room for notes', async () => {
    const page = await open('journal-club/handout/', 1280, 900);
    await page.emulateMedia({ media: 'print' });
    const h = await page.evaluate(() => document.querySelector('.handout-notes .note-lines')?.getBoundingClientRect().height ?? 0);
    // At least 4 cm (96 px per inch).
    expect(h).toBeGreaterThanOrEqual((4 / 2.54) * 96);
    await page.close();
  });
});

describe('for a journal editor', () => {
  it('no file of the build names a placeholder domain; without SITE_URL no page carries an absolute address of its own', () => {
    const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|xml|txt|js|json|webmanifest|css)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
    expect(files.length).toBeGreaterThan(10);
    const placeholders = files.filter((f) => /\bexample\.(org|com|net)\b|nelm-ct\.example/i.test(readFileSync(f, 'utf8')));
    expect(placeholders).toEqual([]);
    if (!process.env.SITE_URL) {
      for (const page of builtPages()) {
        expect(page.html, page.file).not.toMatch(/<link rel="canonical"|property="og:url"|property="og:image"/);
      }
      expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).not.toMatch(/https?:/);
      expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).not.toMatch(/<loc>/);
    }
  });

  it('the about page names maker, version, date, licences, contact, corrections, the relation to authors and journal, and the tables’ source', async () => {
    const page = await open('about/', 1280, 900);
    const text = await page.evaluate(() => document.querySelector('main')!.textContent!.replace(/\s+/g, ' '));
    for (const term of ['Made by', 'Version', 'Date', 'Licences', 'Contact', 'Corrections', 'not the article', 'endorsed', 'Source of the reproduced tables']) {
      expect(text, term).toContain(term);
    }
    expect(await page.evaluate(() => document.querySelector('[data-masthead="date"]')?.textContent)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    // Every page links to it from the footer.
    expect(await page.evaluate(() => !!document.querySelector('footer a[href$="about/"]'))).toBe(true);
    await page.close();
  });
});

describe('polish', () => {
  it.each([768, 1024, 1280])('at %i px the cohort bar never breaks a word ("Enhancement only")', async (width) => {
    const page = await open('', width, 900);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.seg-label')].flatMap((label) => {
        const text = label.firstChild!;
        const words: string[] = [];
        for (const m of (text.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          // A word broken across lines has one box per line.
          if (range.getClientRects().length > 1) words.push(m[0]);
        }
        return words;
      }),
    );
    expect(broken).toEqual([]);
    await page.close();
  });

  it('chapter headings read exactly as in the contents list (curly quotes in chapter 7); the forest caption says diamonds', async () => {
    const page = await open('', 1280, 900);
    const m = await page.evaluate(() => ({
      toc: [...document.querySelectorAll('.toc a')].map((a) => a.textContent!.trim().replace(/^\d+\s*/, '')),
      chapter7: document.querySelector('#not-significant h2, [id="not-significant"] h2')?.textContent?.trim() ?? '',
      caption: document.getElementById('hr-plot-caption')?.textContent ?? '',
    }));
    expect(m.chapter7).toContain('“not significant”');
    expect(m.toc.some((t) => m.chapter7.endsWith(t))).toBe(true);
    expect(m.caption).toMatch(/diamonds/);
    expect(m.caption).not.toMatch(/\bdots\b/);
    await page.close();
  });

  it('the APA citation copies without surrounding spaces or line breaks', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.click('copy-button[data-target="cite-apa-text"] button');
    await page.waitForFunction(() => document.querySelector('copy-button[data-target="cite-apa-text"] .copy-status')?.textContent === 'Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^\S/);
    expect(copied).toMatch(/\S$/);
    expect(copied).not.toMatch(/\n|\s{2,}/);
    expect(copied).toContain('10.21037/hbsn.2019.06.02');
    await context.close();
  });
});
