/**
 * Forced colours (Windows contrast themes; emulated in Chromium, the `browser.display.document_color_use`
 * preference in Firefox), with the light and the dark palette: the Kaplan–Meier figures draw in
 * system colours (SVG paint is not forced by the browser), the audit badges of /tables/, the story's
 * step controls and its current-step marker stay visible, and axe-core finds nothing on any page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, serveStatic } from './harness.ts';
import type { StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { TestBrowser, TestPage } from './browsers.ts';
import { axeViolations, openAllDetails, settle } from './axe.ts';
import { animationsFinished } from '../../src/cli/page-settled.ts';
import { STORY_STEPS } from '../../src/components/story/steps.ts';

const DOCUMENTS = builtPages().filter((p) => !p.partial);
const SCHEMES = ['light', 'dark'] as const;

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

/** The system colours of the page's forced palette, as computed `rgb()` strings. */
function systemColours(page: TestPage): Promise<Record<'Canvas' | 'CanvasText' | 'Highlight' | 'GrayText' | 'LinkText' | 'ButtonText', string>> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const out: Record<string, string> = {};
    for (const c of ['Canvas', 'CanvasText', 'Highlight', 'GrayText', 'LinkText', 'ButtonText']) {
      probe.style.setProperty('color', c);
      out[c] = getComputedStyle(probe).color;
    }
    probe.remove();
    return out as Record<'Canvas' | 'CanvasText' | 'Highlight' | 'GrayText' | 'LinkText' | 'ButtonText', string>;
  });
}

/** [r, g, b, a] of a computed colour. */
function rgba(colour: string): [number, number, number, number] {
  const m = /rgba?\(([^)]+)\)/.exec(colour);
  if (!m) throw new Error(`not a computed colour: ${colour}`);
  const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = rgba(c).slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const opaque = (colour: string) => rgba(colour)[3] > 0;

interface Paint {
  what: string;
  display: string;
  fill: string;
  stroke: string;
  fillOpacity: number;
  strokeOpacity: number;
  /** Product of the element's and its ancestors' opacity. */
  opacity: number;
  dash: string;
}

/**
 * Computed paint of every element matching `selector` inside the (first) `scope`, in the drawing
 * the reader sees: until the script redraws the figure, the server's wide and narrow drawings are
 * both in the page and a container query hides one, so elements of a hidden <svg> are skipped.
 */
function paints(page: TestPage, scope: string, selector: string): Promise<Paint[]> {
  return page.evaluate(
    ({ scope, selector }) => {
      const root = document.querySelector(scope);
      if (!root) throw new Error(`no ${scope}`);
      const shown = (e: Element) => e.closest('svg')?.checkVisibility() ?? true;
      return [...root.querySelectorAll(selector)].filter(shown).map((e) => {
        const s = getComputedStyle(e);
        let opacity = 1;
        for (let n: Element | null = e; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
        return {
          what: `${e.localName}.${e.getAttribute('class')}`,
          display: s.display,
          fill: s.fill,
          stroke: s.stroke,
          fillOpacity: Number(s.fillOpacity),
          strokeOpacity: Number(s.strokeOpacity),
          opacity,
          dash: s.strokeDasharray,
        };
      });
    },
    { scope, selector },
  );
}

describe.each(BROWSERS)('forced colours in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of SCHEMES) {
    describe(`${colorScheme} palette`, () => {
      const open = async (path: string) => {
        const page = await browser.newPage({ forcedColors: 'active', colorScheme });
        expect(await page.goto(server.url + path)).toBe(200);
        expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
        return page;
      };

      /** The curves, CI bands, censoring marks and risk-table numbers of a drawn view. */
      async function expectChartInSystemColours(page: TestPage, view: string, sys: Awaited<ReturnType<typeof systemColours>>) {
        const lines = await paints(page, view, '.km-curves .km-line');
        expect(lines.length).toBeGreaterThanOrEqual(2);
        for (const l of lines) {
          expect(l.display, l.what).not.toBe('none');
          expect(l.stroke, l.what).toBe(sys.CanvasText);
          expect(l.strokeOpacity * l.opacity, l.what).toBeGreaterThan(0.4);
        }
        // Colour is gone; the groups still differ by dash pattern.
        expect(new Set(lines.map((l) => l.dash)).size).toBe(lines.length);
        const bands = await paints(page, view, '.km-ci .km-band');
        expect(bands.length).toBe(lines.length);
        for (const b of bands) {
          expect(b.display, b.what).not.toBe('none');
          expect(b.fill, b.what).toBe(sys.CanvasText);
          expect(b.fillOpacity * b.opacity, b.what).toBeGreaterThan(0.05);
        }
        const marks = await paints(page, view, '.km-censor .km-censor-mark');
        expect(marks.length).toBeGreaterThan(0);
        for (const m of marks) expect(m.stroke, m.what).toBe(sys.CanvasText);
        const numbers = await paints(page, view, '.km-risk-table text');
        expect(numbers.length).toBeGreaterThan(10);
        for (const t of numbers) {
          expect(t.fill, t.what).toBe(sys.CanvasText);
          expect(t.fillOpacity * t.opacity, t.what).toBe(1);
        }
        expect(contrast(sys.CanvasText, sys.Canvas)).toBeGreaterThanOrEqual(4.5);
      }

      it('/explore/: curves, CI bands, censoring marks and risk table take system colours', async () => {
        const page = await open('explore/?grouping=enhancement&endpoint=os&ci=1&censor=1');
        await settle(page);
        const sys = await systemColours(page);
        await expectChartInSystemColours(page, '.km-view[data-view="enhancement-os"] .km-svg-wrap', sys);
        // The chosen toggle is still told apart from the others.
        const borders = await page.evaluate(() =>
          [...document.querySelectorAll("km-figure .km-seg label")]
            .filter((l) => l.querySelector('input[type="radio"]'))
            .map((l) => ({ checked: (l.querySelector('input') as HTMLInputElement).checked, colour: getComputedStyle(l).borderTopColor })),
        );
        const chosen = borders.filter((b) => b.checked).map((b) => b.colour);
        expect(chosen.length).toBeGreaterThan(0);
        for (const c of chosen) expect(c).toBe(sys.Highlight);
        await page.close();
      });

      it('/tables/table-2/: every audit badge stays visible', async () => {
        const page = await open('tables/table-2/');
        const sys = await systemColours(page);
        const badges = await page.evaluate(() =>
          [...document.querySelectorAll('.audit-badge > summary')].map((s) => {
            const sym = s.querySelector('.sym') as HTMLElement;
            const r = sym.getBoundingClientRect();
            return { colour: getComputedStyle(s).color, symbol: sym.textContent?.trim() ?? '', width: r.width, height: r.height, visibility: getComputedStyle(sym).visibility };
          }),
        );
        expect(badges.length).toBeGreaterThan(20);
        for (const b of badges) {
          expect(b.symbol).not.toBe('');
          expect(b.width).toBeGreaterThan(0);
          expect(b.height).toBeGreaterThan(0);
          expect(b.visibility).toBe('visible');
          expect(opaque(b.colour)).toBe(true);
          expect(contrast(b.colour, sys.Canvas)).toBeGreaterThanOrEqual(4.5);
        }
        await page.close();
      });

      it('the story: step controls, the current-step marker and the sticky figure stay visible', async () => {
        const page = await open('');
        const sys = await systemColours(page);
        await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
        await page.waitFor('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
        // The step that splits the curves by calcification and outlines the risk table.
        const step = STORY_STEPS.find((s) => s.state.highlight === 'risk-table' && s.state.grouping === 'calcification')!;
        const view = `#story-km .km-view[data-view="${step.state.grouping}-${step.state.endpoint}"]`;
        await page.evaluate((id) => {
          const el = document.getElementById(`step-${id}`)!;
          window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.3, behavior: 'instant' });
        }, step.id);
        await page.waitForFunction((id) => document.querySelector('story-scroller')?.getAttribute('data-active-step') === id, step.id);
        // The figure shows that step's view (the checks below look only at what is drawn on screen).
        await page.waitForFunction((sel) => document.querySelector(sel)?.checkVisibility() ?? false, view);
        // The change of view fades the bands in (250 ms): read them at rest.
        await page.evaluate(animationsFinished);

        const controls = await page.evaluate(() =>
          [...document.querySelectorAll('.step-nav a.button')].map((a) => {
            const s = getComputedStyle(a);
            const r = a.getBoundingClientRect();
            return { colour: s.color, border: s.borderTopColor, borderStyle: s.borderTopStyle, borderWidth: parseFloat(s.borderTopWidth), width: r.width, height: r.height };
          }),
        );
        expect(controls.length).toBe(2 * (STORY_STEPS.length - 1));
        for (const c of controls) {
          expect(contrast(c.colour, sys.Canvas)).toBeGreaterThanOrEqual(4.5);
          expect(c.borderStyle).toBe('solid');
          expect(c.borderWidth).toBeGreaterThan(0);
          expect(contrast(c.border, sys.Canvas)).toBeGreaterThanOrEqual(3);
          expect(c.width).toBeGreaterThanOrEqual(24);
          expect(c.height).toBeGreaterThanOrEqual(24);
        }
        // Only the current step carries the marker.
        const markers = await page.evaluate(() =>
          [...document.querySelectorAll('.step')].map((s) => ({ current: s.classList.contains('is-current'), colour: getComputedStyle(s).borderLeftColor })),
        );
        for (const m of markers) expect(m.colour).toBe(m.current ? sys.Highlight : sys.Canvas);
        await expectChartInSystemColours(page, view, sys);
        // The highlighted risk table is outlined in Highlight.
        const outline = await paints(page, view, '.km-table-highlight');
        expect(outline.map((o) => [o.display, o.stroke])).toContainEqual(['inline', sys.Highlight]);
        // The forest plots draw in currentColor, which must be the system text colour.
        const forests = await page.evaluate(() => [...document.querySelectorAll('svg.forest-plot')].map((f) => getComputedStyle(f).color));
        expect(forests.length).toBeGreaterThan(0);
        for (const c of forests) expect(c).toBe(sys.CanvasText);
        // The reading-progress bar, where the browser draws it, is not painted in the page colour.
        const progress = await page.evaluate(() => {
          const bar = document.querySelector('.reading-progress');
          return bar && getComputedStyle(bar).display !== 'none' ? getComputedStyle(bar).backgroundColor : null;
        });
        if (progress !== null) expect(progress).toBe(sys.Highlight);
        await page.close();
      });

      it('the journal club sandbox chart takes system colours', async () => {
        const page = await open('journal-club/');
        await settle(page);
        const sys = await systemColours(page);
        const curves = await paints(page, 'jc-km-sandbox .jc-km', '.jc-km-curve path, .jc-km-curve line');
        expect(curves.length).toBeGreaterThan(2);
        for (const c of curves) expect(c.stroke, c.what).toBe(sys.CanvasText);
        const text = await paints(page, 'jc-km-sandbox .jc-km', 'text');
        for (const t of text) expect(t.fill, t.what).toBe(sys.CanvasText);
        await page.close();
      });

      it.each(DOCUMENTS.map((d) => [`/${d.path}`, d] as const))('axe-core finds no violations on %s', async (_, doc) => {
        const page = await open(doc.path);
        await settle(page);
        await openAllDetails(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    });
  }
});
