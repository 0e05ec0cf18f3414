/**
 * Text width without a layout engine: the chart is drawn in Node too, where nothing can measure
 * text. Widths are estimated per character class for a sans-serif face and err on the wide side,
 * (DejaVu Sans, the widest common fallback, is the yardstick), so margins are never too small.
 */

const NARROW = new Set("iIjlft.,:;'|!()[] ");
const WIDE = new Set('mwMW%@');

/** Estimated width in px of `s` at `fontSize` in a system sans-serif. */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const ch of s) {
    if (NARROW.has(ch)) em += 0.32;
    else if (WIDE.has(ch)) em += 0.92;
    else if (ch >= 'A' && ch <= 'Z') em += 0.72;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else em += 0.6;
  }
  return em * fontSize;
}

/** Greedy word wrap of `s` into lines no wider than `maxWidth` (a single long word stays whole). */
export function wrapText(s: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
