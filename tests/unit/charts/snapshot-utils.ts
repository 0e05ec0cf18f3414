/**
 * Makes SVG snapshots stable and readable (as Observable Plot's tests do): numbers rounded to 3
 * decimals, ids renumbered in order of appearance, one element per line.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(match[1])) ids.set(match[1], `id-${ids.size}`);
  let out = svg.replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
  // Longest ids first, so that no id is replaced inside a longer one.
  for (const [id, replacement] of [...ids].sort((a, b) => b[0].length - a[0].length)) out = out.split(id).join(replacement);
  return `${out.replace(/></g, '>\n<')}\n`;
}
