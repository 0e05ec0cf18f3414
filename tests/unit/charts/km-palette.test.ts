import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAND_FILL_OPACITY, GROUP_COLORS_DARK, GROUP_COLORS_LIGHT, GROUP_DASHES, INK_LIGHT, contrastRatio } from '../../../src/charts/km-palette.ts';

/** Custom properties of one block of src/styles/global.css (`:root` or the dark `:root`). */
function tokens(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2].toLowerCase()]));
}

const css = readFileSync('src/styles/global.css', 'utf8');
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const light = tokens(css.slice(0, darkStart));
const dark = tokens(css.slice(darkStart, css.indexOf('}\n}', darkStart)));

describe('KM palette against the theme tokens (WCAG 2.2)', () => {
  it('GROUP_COLORS_LIGHT and _DARK are the --group-1..5 tokens of global.css', () => {
    expect([1, 2, 3, 4, 5].map((i) => light[`group-${i}`])).toEqual([...GROUP_COLORS_LIGHT]);
    expect([1, 2, 3, 4, 5].map((i) => dark[`group-${i}`])).toEqual([...GROUP_COLORS_DARK]);
  });

  it('every group line has contrast ≥ 3:1 against the background and the surface, light and dark', () => {
    for (const [theme, colors] of [
      [light, GROUP_COLORS_LIGHT],
      [dark, GROUP_COLORS_DARK],
    ] as const) {
      for (const color of colors) {
        expect(contrastRatio(color, theme.bg)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(color, theme.surface)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('chart text (--fg, --muted) has contrast ≥ 4.5:1 against the background, light and dark', () => {
    for (const theme of [light, dark]) {
      expect(contrastRatio(theme.fg, theme.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(theme.muted, theme.bg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the exported (light) ink matches the light tokens and passes on white', () => {
    expect(INK_LIGHT.text).toBe(light.fg);
    expect(INK_LIGHT.muted).toBe(light.muted);
    expect(contrastRatio(INK_LIGHT.text, INK_LIGHT.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(INK_LIGHT.muted, INK_LIGHT.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('overlapping CI bands stay apart: each band edge has ≥ 3:1 contrast against the background and against the overlap of all three fills, light and dark', () => {
    // `color` at opacity `alpha` over `under` (source-over compositing, per channel).
    const over = (color: string, alpha: number, under: string) =>
      `#${[1, 3, 5]
        .map((i) => Math.round(alpha * parseInt(color.slice(i, i + 2), 16) + (1 - alpha) * parseInt(under.slice(i, i + 2), 16)))
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`;
    for (const [theme, colors] of [
      [light, GROUP_COLORS_LIGHT],
      [dark, GROUP_COLORS_DARK],
    ] as const) {
      const three = colors.slice(0, 3);
      const overlap = three.reduce((under, c) => over(c, BAND_FILL_OPACITY, under), theme.bg);
      for (const c of three) {
        // Edges are drawn opaque in the group's colour (km-bands.ts).
        expect(contrastRatio(c, theme.bg), `${c} on ${theme.bg}`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(c, overlap), `${c} on the overlap ${overlap}`).toBeGreaterThanOrEqual(3);
      }
      // The fills stay light: the overlap of all three is still closer to the background than to any line.
      for (const c of three) expect(contrastRatio(overlap, theme.bg)).toBeLessThan(contrastRatio(c, theme.bg));
    }
  });

  it('every group has its own dash pattern, so colour is never the only cue', () => {
    expect(new Set(GROUP_DASHES).size).toBe(GROUP_DASHES.length);
  });

  it('contrastRatio: black on white is 21, a colour on itself is 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 9);
    expect(contrastRatio('#0072b2', '#0072b2')).toBeCloseTo(1, 9);
  });
});
