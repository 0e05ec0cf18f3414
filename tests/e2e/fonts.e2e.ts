/**
 * The self-hosted text face after the build's subsetting (src/build/font-subset.ts): every
 * character that a page shows, once its scripts have run, and that Source Serif 4 has, is still in
 * the built faces; the faces are much smaller than the originals; pages use font-display: optional
 * (a late font never moves text) and preload only the upright face.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, DIST, launchChromium, serveStatic } from './harness.ts';
import { FACES, STYLESHEET, fallbackCss, sampleText } from '../../src/cli/font-fallback.ts';
import type { StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(DIST, '/');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const built = (face: string) => {
  const name = readdirSync(join(DIST, '_astro')).find((f) => f.startsWith(`source-serif-4-latin-wght-${face}.`) && f.endsWith('.woff2'));
  if (!name) throw new Error(`no ${face} face in ${DIST}/_astro`);
  return { name, bytes: readFileSync(join(DIST, '_astro', name)) };
};
/** Liberation Serif, which the fallback faces are fitted to (Debian's fonts-liberation2 or fonts-liberation). */
const LIBERATION = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'].find((d) => existsSync(join(d, 'LiberationSerif-Regular.ttf')));
const original = (face: string) => readFileSync(`src/assets/fonts/source-serif-4-latin-wght-${face}.woff2`);

describe('Source Serif 4 as built', () => {
  it('keeps every character the pages show that the original face has (upright and italic)', async () => {
    const pages = builtPages().filter((p) => !p.partial);
    expect(pages.length).toBeGreaterThan(10);
    const shown = new Set<string>();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const p of pages) {
      await page.goto(server.url + p.path);
      // innerText of the page with its scripts run, plus the text of closed <details> and hidden panels.
      const text = await page.evaluate(() => `${document.body.innerText} ${document.body.textContent ?? ''}`);
      for (const c of text) shown.add(c);
    }
    await page.close();
    const chars = [...shown].filter((c) => c.codePointAt(0)! > 0x20);

    // Which of them does a face draw itself? In a blank page, a character is drawn by the face when
    // its width differs from both fallbacks'; a missing glyph falls through to the fallback exactly.
    const blank = await browser.newPage();
    const missing = await blank.evaluate(
      async ({ faces, chars }) => {
        for (const [family, bytes] of Object.entries(faces)) {
          const f = new FontFace(family, new Uint8Array(bytes).buffer, { style: family.endsWith('i') ? 'italic' : 'normal' });
          await f.load();
          document.fonts.add(f);
        }
        const ctx = document.createElement('canvas').getContext('2d')!;
        const width = (font: string, c: string) => {
          ctx.font = font;
          return ctx.measureText(c).width;
        };
        const has = (family: string, c: string) => {
          const style = family.endsWith('i') ? 'italic ' : '';
          return ['monospace', 'serif'].some((fb) => width(`${style}40px "${family}", ${fb}`, c) !== width(`${style}40px ${fb}`, c));
        };
        const out: string[] = [];
        for (const [orig, sub] of [['orig-n', 'sub-n'], ['orig-i', 'sub-i']]) {
          for (const c of chars) if (has(orig, c) && !has(sub, c)) out.push(`${sub} U+${c.codePointAt(0)!.toString(16).toUpperCase()} ${c}`);
        }
        // The probe can see a missing glyph: Ð (U+00D0) is in the original and on no page.
        if (chars.includes('Ð') || !has('orig-n', 'Ð') || has('sub-n', 'Ð')) out.push('probe: Ð not detected as dropped');
        return out;
      },
      {
        faces: {
          'orig-n': [...original('normal')],
          'sub-n': [...built('normal').bytes],
          'orig-i': [...original('italic')],
          'sub-i': [...built('italic').bytes],
        },
        chars,
      },
    );
    await blank.close();
    expect(missing).toEqual([]);
    // The pages show characters beyond ASCII, so the subset is not plain ASCII.
    expect(chars.some((c) => c.codePointAt(0)! > 0x7f)).toBe(true);
  }, 180_000);

  it('the built faces are at most half the size of the originals', () => {
    for (const face of ['normal', 'italic']) {
      expect(built(face).bytes.length, face).toBeLessThan(original(face).length / 2);
    }
  });

  it('pages declare font-display: swap with the metric-matched fallback faces, and preload the upright face only', () => {
    const home = builtPages().find((p) => p.path === '')!;
    const faces = [...home.html.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
    const serif = faces.filter((f) => f.includes('font-family:"Source Serif 4";'));
    expect(serif).toHaveLength(2);
    for (const f of serif) expect(f).toMatch(/font-display:\s*swap/);
    // One fallback face per weight and style the pages set, each a local Times (or twin) scaled.
    const fallback = faces.filter((f) => f.includes('font-family:"Source Serif 4 Fallback"'));
    expect(fallback.map((f) => `${/font-style:(\w+)/.exec(f)?.[1]} ${/font-weight:(\d+)/.exec(f)?.[1]}`)).toEqual(FACES.map((f) => `${f.style} ${f.weight}`));
    for (const f of fallback) expect(f).toMatch(/src:local\([^)]*\).*size-adjust:[\d.]+%;ascent-override:[\d.]+%;descent-override:[\d.]+%;line-gap-override:0%/);
    const preloads = [...home.html.matchAll(/<link\b[^>]*rel="preload"[^>]*as="font"[^>]*>/g)].map((m) => m[0]);
    expect(preloads).toHaveLength(1);
    expect(preloads[0]).toContain(built('normal').name);
  });

  it.skipIf(!LIBERATION)('the fallback faces in global.css are the ones computed from the font files and the built text (npm run font-fallback)', async () => {
    const computed = await fallbackCss(LIBERATION!, sampleText(DIST));
    const css = readFileSync(STYLESHEET, 'utf8');
    const committed = css.slice(css.indexOf('/* font-fallback:start'), css.indexOf('/* font-fallback:end */'));
    const numbers = (css: string) => [...css.matchAll(/(size-adjust|ascent-override|descent-override|line-gap-override): ([\d.]+)%/g)].map((m) => [m[1], Number(m[2])] as const);
    const want = numbers(computed);
    const have = numbers(committed);
    expect(have.map((h) => h[0])).toEqual(want.map((w) => w[0]));
    // Within half a percentage point: new text on the pages moves the fit a little without making it wrong.
    have.forEach(([name, value], i) => expect(Math.abs(value - want[i][1]), `${name} #${i}: ${value}% vs ${want[i][1]}%`).toBeLessThanOrEqual(0.5));
  });
});

describe('a first visit on a phone is set in Source Serif 4, and its late arrival moves nothing', () => {
  // The font arrives 1.5 s after it is asked for: long after the first paint, so the page is first
  // set in the fallback and then swapped (font-display: swap). Chromium's own layout-shift entries
  // must add up to at most Lighthouse's budget, 0.01, and the text must end in Source Serif 4.
  it.each(['', 'about/', 'explore/'])('/%s at 390 × 844', async (path) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.route(/\.woff2$/, async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response });
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      w.__cls = 0;
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
          if (e.hadRecentInput) continue;
          w.__cls += e.value;
          w.__shifts.push(`${e.value.toFixed(4)}: ${e.sources.map((s) => (s.node as Element | undefined)?.className || s.node?.nodeName).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Source Serif 4' && f.status === 'loaded'), undefined, { timeout: 20_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    // A paragraph set in the serif (the story's first paragraph is its sans kicker line).
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: path === '' ? '.dek' : 'main p' });
    await cdp.send('CSS.enable');
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { cls, shifts } = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      return { cls: w.__cls, shifts: w.__shifts };
    });
    await context.close();
    expect([...new Set(fonts.map((f) => f.familyName))]).toEqual(['Source Serif 4']);
    expect(cls, shifts.join('; ')).toBeLessThanOrEqual(0.01);
  }, 60_000);
});
