/**
 * /explore/ in Chromium and Firefox: the Kaplan–Meier figure's toggles, keyboard crosshair, URL
 * state with back/forward, downloads, the page without JavaScript, a hostile query string, a strict
 * CSP delivered as a response header, axe-core on the embed page, reflow at 320 px and reduced
 * motion. (axe-core on every page, light and dark, JavaScript on and off: a11y.e2e.ts.)
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, CAPABILITIES, openBrowser } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';
import { axeViolations } from './axe.ts';

const VIEWS = ['all-rfs', 'all-os', 'calcification-rfs', 'calcification-os', 'enhancement-rfs', 'enhancement-os'];
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'self'";

let server: StaticServer;
let cspServer: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
  cspServer = await serveStatic(undefined, '/', { htmlHeaders: { 'content-security-policy': STRICT_CSP } });
});
afterAll(async () => {
  await server?.close();
  await cspServer?.close();
});

/** Views whose plot is rendered (content of hidden views is skipped or not displayed). */
function visibleViews(page: TestPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('km-figure .km-view')]
      .filter((e) => (e.querySelector('.km-svg-wrap') as HTMLElement).checkVisibility())
      .map((e) => e.dataset.view!),
  );
}

function layerDisplay(page: TestPage, layer: string): Promise<string[]> {
  return page.evaluate(
    (l) =>
      [...document.querySelectorAll(`km-figure .km-view .km-${l}`)]
        .filter((e) => (e.closest('.km-view')!.querySelector('.km-svg-wrap') as HTMLElement).checkVisibility())
        .map((e) => getComputedStyle(e).display),
    layer,
  );
}

describe.each(BROWSERS)('/explore/ Kaplan–Meier figure in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openExplore(query = '', options: PageOptions = {}, base = server): Promise<TestPage> {
    const page = await browser.newPage(options);
    await page.goto(`${base.url}explore/${query}`, { waitUntil: 'networkidle' });
    if (options.javaScript !== false) await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    return page;
  }

  it('loads enhanced: one view shown, redrawn at the container width, no console errors, nothing from other origins', async () => {
    const page = await openExplore();
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.km-view[data-view="calcification-rfs"] .km-svg-wrap')!;
      return {
        wrap: Math.floor(wrap.clientWidth),
        svg: Number(wrap.querySelector('svg')!.getAttribute('width')),
        tabindex: wrap.querySelector('svg')!.getAttribute('tabindex'),
      };
    });
    expect(sizes.svg).toBe(sizes.wrap);
    expect(sizes.tabindex).toBe('0');
    expect(await page.isVisible('km-figure [data-km-toolbar]')).toBe(true);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.length).toBe(new Set(ids).size);
    expect(page.watch.consoleErrors).toEqual([]);
    expect(page.watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('every grouping × outcome toggle shows its view and updates the URL', async () => {
    const page = await openExplore();
    for (const grouping of ['all', 'calcification', 'enhancement']) {
      for (const endpoint of ['rfs', 'os']) {
        await page.check(`km-figure input[data-km="grouping"][value="${grouping}"]`);
        await page.check(`km-figure input[data-km="endpoint"][value="${endpoint}"]`);
        await expect.poll(() => visibleViews(page)).toEqual([`${grouping}-${endpoint}`]);
        await page.waitForURL((url) => url.searchParams.get('grouping') === grouping && url.searchParams.get('endpoint') === endpoint);
        const svgWidth = await page.attr(`.km-view[data-view="${grouping}-${endpoint}"] svg`, 'width');
        expect(Number(svgWidth)).toBeGreaterThan(300);
      }
    }
    await page.close();
  });

  it('the CI, censoring and median toggles show and hide their layers', async () => {
    const page = await openExplore();
    const layers = [
      { key: 'ci', on: true },
      { key: 'censor', on: true },
      { key: 'median', on: false },
    ];
    for (const { key, on } of layers) {
      const input = `km-figure input[data-km="${key}"]`;
      expect(await page.isChecked(input)).toBe(on);
      expect(new Set(await layerDisplay(page, key))).toEqual(new Set([on ? 'inline' : 'none']));
      await page.click(input);
      await expect.poll(async () => new Set(await layerDisplay(page, key))).toEqual(new Set([on ? 'none' : 'inline']));
      await page.waitForURL((url) => url.searchParams.get(key) === (on ? '0' : '1'));
    }
    if (await page.count('km-figure input[data-km="ensemble"]')) {
      await page.check('km-figure input[data-km="ensemble"]');
      await expect.poll(() => layerDisplay(page, 'ensemble')).toContain('inline');
    }
    await page.close();
  });

  it('hover shows a crosshair with the values', async () => {
    const page = await openExplore();
    const svg = '.km-view[data-view="calcification-rfs"] svg.km-svg';
    await page.scrollIntoView(svg);
    const box = (await page.box(svg))!;
    await page.mouseMove(box.x + box.width * 0.45, box.y + box.height * 0.3);
    await expect.poll(() => page.count(`${svg} .km-crosshair`)).toBe(1);
    expect(await page.textContent(`${svg} .km-crosshair text`)).toMatch(/months$/);
    await page.mouseMove(2, box.y + 4);
    await expect.poll(() => page.count(`${svg} .km-crosshair`)).toBe(0);
    await page.close();
  });

  it.skipIf(!CAPABILITIES[name].mobileEmulation)('touch: a tap shows the crosshair, it stays after the finger lifts, a tap elsewhere hides it', async () => {
    const page = await openExplore('', { mobile: true, viewport: { width: 390, height: 844 } });
    const svg = '.km-view[data-view="calcification-rfs"] svg.km-svg';
    await page.scrollIntoView(svg);
    const box = (await page.box(svg))!;
    const touch = page.raw.chromium!.touchscreen;
    expect(await page.attr(svg, 'style')).toBeNull();
    expect(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).touchAction, svg)).toBe('pan-y pinch-zoom');
    await touch.tap(box.x + box.width * 0.5, box.y + box.height * 0.3);
    await expect.poll(() => page.count(`${svg} .km-crosshair`)).toBe(1);
    expect(await page.textContent(`${svg} .km-crosshair text`)).toMatch(/months$/);
    // Lifting the finger (pointerleave for touch) keeps it; a tap on the heading puts it away.
    await new Promise((r) => setTimeout(r, 200));
    expect(await page.count(`${svg} .km-crosshair`)).toBe(1);
    await page.scrollIntoView('h1');
    const heading = (await page.box('h1'))!;
    await touch.tap(heading.x + 5, heading.y + heading.height / 2);
    await expect.poll(() => page.count(`${svg} .km-crosshair`)).toBe(0);
    await page.close();
  });

  it('keyboard: focus the chart, ←/→ step through event times, Home/End, Escape; values are announced', async () => {
    const page = await openExplore();
    const live = 'km-figure [data-km-live]';
    // No page-wide single-key shortcuts: arrows elsewhere do nothing to the figure.
    await page.click('h1');
    await page.press('ArrowRight');
    expect(await page.textContent(live)).toBe('');
    const svg = '.km-view[data-view="calcification-rfs"] svg.km-svg';
    await page.focus(svg);
    expect(await page.attr(svg, 'role')).toBe('group');
    expect(await page.attr(svg, 'aria-roledescription')).toBe('interactive chart');
    await expect.poll(() => page.count(`${svg} .km-crosshair`)).toBe(1);
    await page.press('Home');
    const sizes = await page.evaluate(() => {
      const data = JSON.parse(document.querySelector('km-figure script[data-km-data]')!.textContent!) as {
        views: { id: string; analysis: { groups: string[]; km: Record<string, { nEvent: number[]; nCensor: number[] }> } }[];
      };
      const view = data.views.find((v) => v.id === 'calcification-rfs')!;
      return view.analysis.groups.map((g) => view.analysis.km[g].nEvent.reduce((a, b) => a + b, 0) + view.analysis.km[g].nCensor.reduce((a, b) => a + b, 0));
    });
    await expect.poll(() => page.textContent(live)).toContain('At 0 months');
    const atZero = (await page.textContent(live))!;
    expect(atZero).toContain(`No calcifications 1.00 (1.00–1.00), ${sizes[0]} at risk`);
    expect(atZero).toContain(`Calcifications 1.00 (1.00–1.00), ${sizes[1]} at risk`);
    await page.press('ArrowRight');
    await expect.poll(() => page.textContent(live)).not.toContain('At 0 months');
    const first = (await page.textContent(live))!;
    expect(first).toMatch(/^At [\d.]+ months, RFS with 95% CI: No calcifications \d\.\d\d \(\d\.\d\d–\d\.\d\d\), \d+ at risk; Calcifications /);
    await page.press('ArrowLeft');
    await expect.poll(() => page.textContent(live)).toContain('At 0 months');
    await page.press('End');
    await expect.poll(() => page.textContent(live)).not.toContain('At 0 months');
    const end = (await page.textContent(live))!;
    await page.press('ArrowRight');
    expect(await page.textContent(live)).toBe(end);
    await page.press('Escape');
    await expect.poll(() => page.textContent(live)).toBe('Readout hidden.');
    expect(await page.count(`${svg} .km-crosshair`)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('km-svg'))).toBe(true);
    await page.close();
  });

  it('restores the state from the URL, and back/forward walk through the changes', async () => {
    const page = await openExplore('?grouping=enhancement&endpoint=os&ci=0&median=1');
    expect(await visibleViews(page)).toEqual(['enhancement-os']);
    expect(await page.isChecked('km-figure input[data-km="grouping"][value="enhancement"]')).toBe(true);
    expect(await page.isChecked('km-figure input[data-km="endpoint"][value="os"]')).toBe(true);
    expect(await page.isChecked('km-figure input[data-km="ci"]')).toBe(false);
    expect(new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    expect(new Set(await layerDisplay(page, 'median'))).toEqual(new Set(['inline']));
    await page.close();

    const p = await openExplore();
    await p.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await p.waitForURL((u) => u.searchParams.get('grouping') === 'enhancement');
    await p.check('km-figure input[data-km="endpoint"][value="os"]');
    await p.waitForURL((u) => u.searchParams.get('endpoint') === 'os');
    expect(await visibleViews(p)).toEqual(['enhancement-os']);
    await p.goBack();
    await expect.poll(() => visibleViews(p)).toEqual(['enhancement-rfs']);
    await p.goBack();
    await expect.poll(() => visibleViews(p)).toEqual(['calcification-rfs']);
    expect(await p.isChecked('km-figure input[data-km="grouping"][value="calcification"]')).toBe(true);
    await p.goForward();
    await expect.poll(() => visibleViews(p)).toEqual(['enhancement-rfs']);
    await p.close();
  });

  it('can be driven from outside: setState(), attributes, highlight and the km-statechange event', async () => {
    const page = await openExplore();
    const result = await page.evaluate(async () => {
      const el = document.querySelector('km-figure') as unknown as HTMLElement & { setState(s: Record<string, unknown>): void; getState(): Record<string, unknown> };
      const events: string[] = [];
      el.addEventListener('km-statechange', (e) => {
        const d = (e as CustomEvent<{ grouping: string; endpoint: string }>).detail;
        events.push(`${d.grouping}-${d.endpoint}`);
      });
      el.setState({ grouping: 'enhancement', endpoint: 'os', median: true, highlight: 'risk-table' });
      let error = '';
      try {
        el.setState({ grouping: 'foo' });
      } catch (e) {
        error = (e as Error).message;
      }
      el.setAttribute('grouping', '<img src=x onerror=alert(1)>');
      el.setAttribute('endpoint', 'rfs');
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      return { error, events, state: el.getState(), highlight: el.dataset.highlight };
    });
    expect(result).toMatchObject({
      error: 'invalid grouping: foo',
      events: ['enhancement-os', 'enhancement-rfs'],
      state: { grouping: 'enhancement', endpoint: 'rfs', median: true, highlight: 'risk-table' },
      highlight: 'risk-table',
    });
    expect(await visibleViews(page)).toEqual(['enhancement-rfs']);
    expect(await page.isChecked('km-figure input[data-km="median"]')).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.querySelector('.km-view[data-view="enhancement-rfs"] .km-table-highlight')!).display);
    expect(outline).toBe('inline');
    // Driven from outside, the address bar is left alone.
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('downloads the current view as SVG (with risk table and caption), PNG and CSV', async () => {
    const page = await openExplore('?grouping=enhancement&endpoint=rfs', { downloads: true });
    const get = (kind: string) => page.download(() => page.click(`km-figure button[data-km-download="${kind}"]`));
    const svg = await get('svg');
    expect(svg.name).toBe('km-enhancement-rfs.svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    // (Not named `document`: that would shadow the page's own in the functions evaluated below.)
    const exported = parseHTML(`<!doctype html><html><body>${text.replace(/^<\?xml[^>]*>/, '')}</body></html>`).document;
    const root = exported.querySelector('svg')!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const content = root.textContent!;
    for (const s of ['Number of patients at each time', 'At risk', 'Censored', 'Events', 'Hypoenhancing', 'Hyperenhancing', 'Mixed', 'Kaplan–Meier estimates']) {
      expect(content).toContain(s);
    }
    expect(text).not.toContain('var(');

    const png = await get('png');
    expect(png.name).toBe('km-enhancement-rfs.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5000);

    const km = await get('km-csv');
    expect(km.name).toBe('km-enhancement-rfs-km-table.csv');
    const kmLines = km.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(kmLines[0]).toBe('group,group_label,time,n_risk,n_event,n_censor,surv,std_err,lower_95,upper_95');
    expect(kmLines.length).toBeGreaterThan(10);
    expect(kmLines[1]).toMatch(/^hypo,Hypoenhancing,[\d.]+,\d+,\d+,\d+,[\d.]+,/);

    const risk = await get('risk-csv');
    const riskLines = risk.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(riskLines[0]).toBe('group,group_label,time,at_risk,censored_cumulative,events_cumulative');
    expect(riskLines.length).toBe(1 + 3 * 4);
    // The CSV agrees with the risk table drawn under the plot.
    const drawn = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '.km-view[data-view="enhancement-rfs"] .km-risk-table .km-table-group[data-group="hypo"] .km-table-row[data-row="atRisk"] text[data-t]',
        ),
      ].map((e) => e.textContent),
    );
    expect(riskLines.slice(1, 5).map((l) => l.split(',')[3])).toEqual(drawn);
    await page.close();
  });

  it('with JavaScript off: every view, plot, risk table and a link to its data table is in the page, and the toggles still work', async () => {
    const page = await openExplore('', { javaScript: false });
    const counts = await page.evaluate((ids) =>
      ids.map((id) => {
        const view = document.querySelector(`.km-view[data-view="${id}"]`)!;
        return {
          svgs: view.querySelectorAll('svg.km-svg').length,
          rows: view.querySelectorAll('.km-risk-table .km-table-row').length,
          dataLinks: view.querySelectorAll(`a[href$="/explore/data/${id}/"]`).length,
          stats: view.querySelectorAll('.km-stats').length,
        };
      }),
    VIEWS);
    for (const c of counts) {
      expect(c.svgs).toBe(2); // wide and narrow drawings
      expect(c.rows).toBeGreaterThanOrEqual(3);
      expect(c.dataLinks).toBe(1);
      expect(c.stats).toBe(1);
    }
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await page.check('km-figure input[data-km="endpoint"][value="os"]');
    await expect.poll(() => visibleViews(page)).toEqual(['enhancement-os']);
    await page.uncheck('km-figure input[data-km="ci"]');
    await expect.poll(async () => new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    await page.check('km-figure input[data-km="median"]');
    await expect.poll(async () => new Set(await layerDisplay(page, 'median'))).toEqual(new Set(['inline']));
    expect(await page.isVisible('km-figure [data-km-toolbar]')).toBe(false);
    await page.close();
  });

  it('the data table link under a plot opens that view’s tables: one per group, at risk at each tick as in the drawn risk table', async () => {
    const page = await openExplore('', { javaScript: false });
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('.km-view[data-view="calcification-rfs"] .km-svg-wide .km-table-group')].map((g) => ({
        group: g.querySelector(':scope > text')!.textContent,
        atRisk: [...g.querySelectorAll('.km-table-row[data-row="atRisk"] text[data-t]')].map((t) => [t.getAttribute('data-t'), t.textContent]),
      })),
    );
    expect(drawn.length).toBe(2);
    await page.click('.km-view[data-view="calcification-rfs"] a[href$="/explore/data/calcification-rfs/"]');
    await page.waitForURL((u) => u.pathname.endsWith('/explore/data/calcification-rfs/'));
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('table.km-data-table')].map((t) => ({
        caption: t.querySelector('caption')!.textContent,
        ticks: Object.fromEntries([...t.querySelectorAll('tr.km-tick-row')].map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent])),
      })),
    );
    expect(tables.length).toBe(drawn.length);
    drawn.forEach((d, i) => {
      expect(tables[i].caption).toContain(d.group);
      for (const [t, n] of d.atRisk) expect(tables[i].ticks[t!], `${d.group} at ${t}`).toBe(n);
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('with JavaScript off at 320 px: the narrow drawing is shown and nothing scrolls sideways', async () => {
    const page = await openExplore('', { javaScript: false, viewport: { width: 320, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('.km-view[data-view="calcification-rfs"] svg.km-svg')].filter((s) => s.checkVisibility()).map((s) => Number(s.getAttribute('width'))),
    );
    expect(shown).toEqual([360]);
    await page.close();
  });

  it('a hostile query string injects nothing, opens no dialog, and the page still works', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.onDialog(() => dialogs++);
    const hostile = '?grouping=<img src=x onerror=alert(1)>&endpoint=os"><script>alert(2)</script>&ci=<svg onload=alert(3)>&median=javascript:alert(4)';
    await page.goto(`${server.url}explore/${hostile}`, { waitUntil: 'networkidle' });
    await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    expect(dialogs).toBe(0);
    expect(await page.count('img[src="x"]')).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('onerror=alert'))).toBe(false);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('alert(')))).toBe(false);
    expect(await visibleViews(page)).toEqual(['calcification-rfs']);
    await page.check('km-figure input[data-km="grouping"][value="all"]');
    await expect.poll(() => visibleViews(page)).toEqual(['all-rfs']);
    expect(dialogs).toBe(0);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy response header (no inline scripts allowed)', async () => {
    const page = await browser.newPage({
      initScript: `window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    await page.goto(`${cspServer.url}explore/`, { waitUntil: 'networkidle' });
    await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    await expect.poll(() => visibleViews(page)).toEqual(['enhancement-rfs']);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations.filter((v) => /script/i.test(v))).toEqual([]);
    await page.close();
  });

  // axe-core on the whole page, light and dark, JavaScript on and off: a11y.e2e.ts.

  it('the embed page shows one view with its layer toggles and links back to the explorer', async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.goto(`${server.url}explore/embed/enhancement-os/`, { waitUntil: 'networkidle' });
    await page.waitFor('km-figure[data-ready]', { state: 'attached' });
    expect(await visibleViews(page)).toEqual(['enhancement-os']);
    expect(await page.textContent('h1')).toBe('Overall survival by arterial enhancement');
    expect(await page.isVisible('km-figure input[data-km="grouping"]')).toBe(false);
    await page.uncheck('km-figure input[data-km="ci"]');
    await expect.poll(async () => new Set(await layerDisplay(page, 'ci'))).toEqual(new Set(['none']));
    expect(new URL(page.url()).search).toBe('');
    expect(await page.attr('a[target="_top"]', 'href')).toMatch(/explore\/\?grouping=enhancement&endpoint=os$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(page.watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('reflows at 320 px: no horizontal page scroll, chart drawn at its real width', async () => {
    const page = await openExplore('?grouping=enhancement', { viewport: { width: 320, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.km-view[data-view="enhancement-rfs"] .km-svg-wrap')!;
      return {
        wrap: Math.floor(wrap.clientWidth),
        svg: Number(wrap.querySelector('svg')!.getAttribute('width')),
        rendered: wrap.querySelector('svg')!.getBoundingClientRect().width,
      };
    });
    expect(sizes.svg).toBe(sizes.wrap);
    expect(Math.abs(sizes.rendered - sizes.svg)).toBeLessThan(1);
    await page.close();
  });

  it('controls and buttons are at least 24 × 24 px', async () => {
    const page = await openExplore();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('km-figure .km-seg label, km-figure button, km-figure details > summary')]
        .map((e) => ({ text: e.textContent?.trim().slice(0, 30), r: e.getBoundingClientRect() }))
        .filter((x) => x.r.width > 0 && (x.r.width < 24 || x.r.height < 24))
        .map((x) => x.text),
    );
    expect(small).toEqual([]);
    await page.close();
  });

  it('under prefers-reduced-motion nothing in the figure transitions', async () => {
    const page = await openExplore('', { reducedMotion: 'reduce' });
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll('.km-view[data-view="calcification-rfs"] .km-line')].map((e) => getComputedStyle(e).transitionDuration),
    );
    expect(durations.length).toBeGreaterThan(0);
    for (const d of durations) expect(parseFloat(d)).toBeLessThanOrEqual(0.001);
    await page.close();
  });
});
