/**
 * Build-time math: TeX → MathML with KaTeX (`output: 'mathml'`), rendered on the server so the
 * browser needs no math JavaScript, no math stylesheet and no math fonts. Chromium and Firefox
 * render MathML Core natively, and screen readers read it. A few dozen elements per formula,
 * where KaTeX's HTML output needs hundreds of positioned spans.
 *
 * MathML Core leaves out most `mathvariant` values; KaTeX writes `\mathbb{E}` as
 * `<mi mathvariant="double-struck">E</mi>`, which {@link renderTex} turns into the Unicode
 * double-struck letter (`<mi>𝔼</mi>`), as MathML Core expects.
 */
import katex from 'katex';

/** Unicode's double-struck capitals that sit outside the Mathematical Alphanumeric Symbols block. */
const DOUBLE_STRUCK_LETTERLIKE: Readonly<Record<string, string>> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };

/** `E` → `𝔼`: a Latin capital or small letter as its double-struck mathematical symbol. */
function doubleStruck(letter: string): string {
  if (DOUBLE_STRUCK_LETTERLIKE[letter]) return DOUBLE_STRUCK_LETTERLIKE[letter];
  const code = letter.charCodeAt(0);
  if (code >= 65 && code <= 90) return String.fromCodePoint(0x1d538 + code - 65);
  if (code >= 97 && code <= 122) return String.fromCodePoint(0x1d552 + code - 97);
  throw new Error(`renderTex: no double-struck form of ${JSON.stringify(letter)}`);
}

/**
 * Renders TeX as MathML (`<math display="block">` for a display formula), with the TeX source kept
 * as its annotation. Throws on invalid TeX: the formulas are ours, and an error should stop the build.
 */
export function renderTex(tex: string, options: { readonly display?: boolean } = {}): string {
  const html = katex.renderToString(tex, { displayMode: options.display ?? false, output: 'mathml', throwOnError: true, strict: 'error' });
  // KaTeX wraps the <math> in <span class="katex">; the page needs only the <math>.
  const math = html.replace(/^<span class="katex">/, '').replace(/<\/span>$/, '');
  if (!math.startsWith('<math') || !math.endsWith('</math>')) throw new Error(`renderTex: unexpected KaTeX output for ${tex}`);
  return math.replace(/<mi mathvariant="double-struck">([A-Za-z])<\/mi>/g, (_m, letter: string) => `<mi>${doubleStruck(letter)}</mi>`);
}
