import { describe, expect, it } from 'vitest';
import { charactersOf, contentHash, FONT_FILE } from '../../../src/build/font-subset.ts';

describe('font subset: the characters of the built files', () => {
  it('collects each character once, in code point order, with HTML references and JS escapes decoded', () => {
    expect(charactersOf(['<p>b&#8722;a &#x2264; &amp;</p>', 'const s="\\u2265 \\u{1F600}";'])).toBe(
      [...new Set([...'<p>b−a ≤ &</p>', ...'const s="≥ 😀";'])].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!).join(''),
    );
  });

  it('leaves what is not a character as written: lone surrogates, out-of-range and unknown references', () => {
    const out = charactersOf(['\\uD83D &#x110000; &bogus;']);
    expect(out).not.toContain('\uD83D');
    for (const c of '\\uD83&#x;bogus') expect(out).toContain(c);
  });

  it('names the new file by a hash of its bytes, and finds the faces Vite emitted', () => {
    expect(contentHash(Buffer.from('a'))).toMatch(/^[\w-]{8}$/);
    expect(contentHash(Buffer.from('a'))).not.toBe(contentHash(Buffer.from('b')));
    expect(FONT_FILE.exec('_astro/source-serif-4-latin-wght-normal.DMe4EKeb.woff2')?.[2]).toBe('source-serif-4-latin-wght-normal');
    expect(FONT_FILE.exec('_astro/KaTeX_Main-Regular.B22Nviop.woff2')).toBeNull();
  });
});
