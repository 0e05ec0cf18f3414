/**
 * Short context for a number in the paper's prose: a few words either side of it, so pages can
 * show where a number comes from without reprinting the paper's sentences.
 */

/** Up to `around` words either side of `printed` within `quote`, with ellipses where cut. */
export function shortQuote(quote: string, printed?: string, around = 4): string {
  const words = quote.trim().split(/\s+/);
  if (printed === undefined) {
    return words.length <= 2 * around + 1 ? words.join(' ') : `${words.slice(0, 2 * around + 1).join(' ')}…`;
  }
  const squash = (s: string) => s.replace(/\s+/g, '');
  const target = squash(printed);
  // Find the word span whose joined text contains the printed fragment.
  let start = 0;
  let end = words.length;
  outer: for (let i = 0; i < words.length; i++) {
    let acc = '';
    for (let j = i; j < words.length; j++) {
      acc += words[j];
      if (acc.includes(target)) {
        start = i;
        end = j + 1;
        break outer;
      }
      if (acc.length > target.length + 40) break;
    }
  }
  const from = Math.max(0, start - around);
  const to = Math.min(words.length, end + around);
  return `${from > 0 ? '…' : ''}${words.slice(from, to).join(' ')}${to < words.length ? '…' : ''}`;
}
