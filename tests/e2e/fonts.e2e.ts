/**
 * The self-hosted text face after the build's subsetting (src/build/font-subset.ts): every
 * character that a page shows, once its scripts have run, and that Source Serif 4 has, is still in
 * the built faces; the faces are much smaller than the originals; pages use font-display: optional
 * (a late font never moves text) and preload only the upright face.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, DIST, launchChromium, serveStatic } from './harness.ts';
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

  it('pages declare font-display: optional (no late swap moves text), and preload the upright face only', () => {
    const home = builtPages().find((p) => p.path === '')!;
    const faces = [...home.html.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]).filter((f) => f.includes('font-family:"Source Serif 4";'));
    expect(faces).toHaveLength(2);
    for (const f of faces) expect(f).toMatch(/font-display:\s*optional/);
    const preloads = [...home.html.matchAll(/<link\b[^>]*rel="preload"[^>]*as="font"[^>]*>/g)].map((m) => m[0]);
    expect(preloads).toHaveLength(1);
    expect(preloads[0]).toContain(built('normal').name);
  });
});
