/**
 * What a screen reader gets from the Kaplan–Meier figure, its risk table and the forest plot, read
 * from Chromium's own accessibility tree (CDP `Accessibility.getFullAXTree` through playwright-core)
 * rather than from the markup:
 *
 * - the figure's table: one row per group (its row header the group's name), one column per time
 *   point, so a reader moves through groups and time points with table commands and hears the
 *   column header (`At risk at 20 months`); its medians and numbers at risk are the ones the
 *   drawing shows (read from the SVG's risk table, not written here); only the view on screen is in
 *   the tree;
 * - the chart itself: focusable, named by its title, described with the medians; arrow keys move
 *   through the event times and the live region announces each group's value and number at risk;
 * - the forest plot: an image whose name carries every hazard ratio, each of which is also a cell of
 *   the table beside it, row by row; in the tree from the start, not only once scrolled to.
 *
 * "not reached" for a median: every median of this paper's curves is reached, so no page of this
 * build can show it; tests/e2e/drop-in.e2e.ts checks it in the tree of a site built from a patient
 * file where one is not (and the unit test of kmReadingRows checks the row itself).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axTree } from './ax-tree.ts';
import { withChromiumAndServer } from './harness.ts';
import type { StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;

withChromiumAndServer((s, b) => ([server, browser] = [s, b]));

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  expect((await page.goto(server.url + path))?.status()).toBe(200);
  await page.waitForSelector('km-figure[data-ready]', { state: 'attached' });
  return page;
}

/** Numbers at risk in the drawing of the view on screen, per group, read from its SVG. */
function drawnAtRisk(page: Page, view: string) {
  return page.evaluate((v) => {
    const svg = [...document.querySelectorAll(`.km-view[data-view="${v}"] .km-svg-wrap svg`)].find((s) => s.checkVisibility())!;
    return [...svg.querySelectorAll<SVGGElement>('.km-table-group')].map((g) => ({
      group: g.dataset.group!,
      label: g.querySelector(':scope > text')!.textContent!.trim(),
      atRisk: [...g.querySelectorAll('.km-table-row[data-row="atRisk"] text[data-t]')].map((t) => Number(t.textContent)),
      ticks: [...g.querySelectorAll('.km-table-row[data-row="atRisk"] text[data-t]')].map((t) => Number(t.getAttribute('data-t'))),
    }));
  }, view);
}

describe('the Kaplan–Meier figure in the accessibility tree (/explore/)', () => {
  it.each(['calcification-os', 'enhancement-rfs'])('%s: a table of medians and numbers at risk, groups by rows, time points by columns, as drawn', async (view) => {
    const [grouping, endpoint] = view.split('-');
    const page = await open(`explore/?grouping=${grouping}&endpoint=${endpoint}`);
    const drawn = await drawnAtRisk(page, view);
    expect(drawn.length).toBeGreaterThanOrEqual(2);
    const ax = await axTree(page);
    const tables = ax.all.filter((n) => ax.role(n) === 'table' && /median .* and number at risk, by group and month$/.test(ax.name(n)));
    // Only the view on screen: the five hidden views are not in the tree.
    expect(tables.length).toBe(1);
    const rows = ax.table(tables[0]);
    const ticks = drawn[0].ticks;
    expect(rows[0].map((c) => c.role)).toEqual(rows[0].map(() => 'columnheader'));
    expect(rows[0].map((c) => c.name)).toEqual(['Group', expect.stringMatching(/^Median (OS|RFS)/), ...ticks.map((t) => `At risk at ${t} months`)]);
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(drawn.map((d) => ({ role: 'rowheader', name: d.label })));
    body.forEach((r, i) => {
      expect(r.slice(1).map((c) => c.role)).toEqual(r.slice(1).map(() => 'cell'));
      expect(r[1].name, `${drawn[i].label}: median`).toMatch(/^(\d+(\.\d)? months|not reached|not printed)/);
      expect(r.slice(2).map((c) => Number(c.name)), `${drawn[i].label}: at risk`).toEqual(drawn[i].atRisk);
    });
    await page.close();
  });

  it('the chart is focusable, named by its title and described with the medians; arrow keys walk the event times and announce the numbers at risk', async () => {
    const page = await open('explore/?grouping=calcification&endpoint=os');
    const svg = '#explore-km .km-view[data-view="calcification-os"] .km-svg-wrap svg';
    const title = await page.evaluate((s) => document.querySelector(s)!.querySelector('title')!.textContent, svg);
    let ax = await axTree(page);
    const chart = ax.all.find((n) => ax.prop(n, 'roledescription') === 'interactive chart' || (ax.role(n) === 'group' && ax.name(n) === title));
    expect(chart, 'chart in the tree').toBeDefined();
    expect(ax.name(chart!)).toBe(title);
    expect(ax.prop(chart!, 'focusable')).toBe(true);
    expect(chart!.description?.value ?? '').toMatch(/Median overall survival[^.]*: \d+ months for No calcifications and \d+ months for Calcifications/);
    await page.focus(svg);
    const announced = async () => {
      ax = await axTree(page);
      const live = ax.all.find((n) => ax.prop(n, 'live') === 'polite' && ax.descendants(n).some((c) => ax.role(c) === 'StaticText'));
      return live ? ax.descendants(live).filter((c) => ax.role(c) === 'StaticText').map((c) => ax.name(c)).join('') : '';
    };
    const said: string[] = [];
    for (const key of ['ArrowRight', 'ArrowRight', 'End']) {
      const before = await page.evaluate(() => document.querySelector('#explore-km [data-km-live]')!.textContent);
      await page.keyboard.press(key);
      await page.waitForFunction((b) => document.querySelector('#explore-km [data-km-live]')!.textContent !== b, before);
      said.push(await announced());
    }
    for (const s of said) expect(s).toMatch(/^At [\d.]+ months, OS with 95% CI: No calcifications .*; Calcifications .*\.$/);
    expect(said[0]).toMatch(/\d+ at risk/);
    // Each step moves to a later time.
    const times = said.map((s) => Number(/^At ([\d.]+) months/.exec(s)![1]));
    expect(times[1]).toBeGreaterThan(times[0]);
    expect(times[2]).toBeGreaterThan(times[1]);
    await page.close();
  });
});

describe('the forest plot in the accessibility tree (the story, chapter 7)', () => {
  it('an image named with every hazard ratio, each also a cell of the table beside it, row by row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    expect((await page.goto(server.url))?.status()).toBe(200);
    await page.waitForLoadState('load');
    // Not scrolled to: the plot is far below the first screen, where its SVG is not laid out yet
    // (content-visibility), and a screen reader must find it all the same.
    const ax = await axTree(page);
    const plot = ax.all.filter((n) => ax.role(n) === 'image' && ax.name(n).startsWith('Hazard ratios of the two imaging signs'));
    // The side layout on a desktop; the phone layout is not rendered.
    expect(plot.length).toBe(1);
    // Table S1's forest plot too.
    expect(ax.all.filter((n) => ax.role(n) === 'image' && /^Table S1: univariable Cox models/.test(ax.name(n))).length).toBe(1);
    const table = ax.all.find((n) => ax.role(n) === 'table' && ax.name(n).startsWith('Hazard ratios and what each comparison could detect'));
    expect(table).toBeDefined();
    const rows = ax.table(table!);
    const header = rows[0].map((c) => c.name);
    const hrColumn = header.findIndex((h) => h.startsWith('HR (95% CI)'));
    expect(hrColumn).toBeGreaterThan(0);
    const body = rows.slice(1);
    expect(body.length).toBe(6);
    for (const r of body) {
      expect(r[0].role).toBe('rowheader');
      const hr = r[hrColumn].name.replace(/\s*reconstructed$/, '');
      expect(hr).toMatch(/^\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)$/);
      expect(ax.name(plot[0])).toContain(hr);
    }
    await page.close();
  });
});
