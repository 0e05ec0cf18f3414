/**
 * Colours and line styles of the groups. On the page the SVG takes its colours from the CSS custom
 * properties `--group-1..5` (light and dark themes, src/styles/global.css); the literal light-theme
 * values below are written as presentation attributes too, so an exported SVG or PNG keeps its
 * colours without any stylesheet. Every group also differs by dash pattern: colour is never the
 * only cue.
 */

/** `--group-1..5` of the light theme (Okabe–Ito based). */
export const GROUP_COLORS_LIGHT = ['#0072b2', '#c75300', '#007a5a', '#a1477f', '#6b5b00'] as const;
/** `--group-1..5` of the dark theme. */
export const GROUP_COLORS_DARK = ['#56b4e9', '#f0a050', '#3fcf9f', '#e79fcf', '#e6d25a'] as const;

/** Solid, dashed, dotted, dash-dot, short dashes. */
export const GROUP_DASHES = [null, '7 3.5', '1.5 3', '9 3 2 3', '3 3'] as const;

/** Literal colours of the light theme for the non-group parts (text, axes, grid). */
export const INK_LIGHT = {
  background: '#ffffff',
  text: '#1a1a1a',
  muted: '#565656',
  grid: '#e3e1da',
  rule: '#c9c9c9',
} as const;

export function groupColor(index: number): string {
  return GROUP_COLORS_LIGHT[index % GROUP_COLORS_LIGHT.length];
}

export function groupDash(index: number): string | null {
  return GROUP_DASHES[index % GROUP_DASHES.length];
}

/** Class that selects `--group-(index+1)` in the stylesheet. */
export function groupClass(index: number): string {
  return `km-g${(index % GROUP_COLORS_LIGHT.length) + 1}`;
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
