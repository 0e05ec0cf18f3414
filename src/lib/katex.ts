/**
 * Build-time KaTeX: TeX → HTML (with MathML for screen readers), rendered on the server so the
 * browser needs no math JavaScript. KaTeX's own stylesheet is imported by the component that
 * shows formulas (`import 'katex/dist/katex.min.css'`), so Vite bundles it and its fonts: no CDN.
 *
 * KaTeX positions glyphs with inline `style="…"` attributes, which a strict Content Security
 * Policy (style-src without 'unsafe-inline') would block. {@link renderTex} moves every such
 * declaration into a class named after a hash of its text (`kx-1a2b3c`) and returns the CSS
 * rules for those classes, to be served as a stylesheet file; the same TeX always yields the same
 * classes, so pages and stylesheet agree without sharing state.
 */
import katex from 'katex';

export interface RenderedTex {
  /** KaTeX markup with `style` attributes replaced by `kx-…` classes. */
  readonly html: string;
  /** Class name → CSS declarations (each `!important`, as the inline style it replaces would win). */
  readonly rules: ReadonlyMap<string, string>;
}

/** FNV-1a 32-bit hash in base 36: short, stable class names. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** `height:1em;top:-2em;` → `height:1em !important;top:-2em !important`. */
function important(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => `${d} !important`)
    .join(';');
}

/**
 * Moves `style="…"` attributes of an HTML fragment into classes. Only for markup whose attribute
 * values are double-quoted and contain no `>` (KaTeX's output), not for arbitrary HTML.
 */
export function stylesToClasses(html: string): RenderedTex {
  const rules = new Map<string, string>();
  const out = html.replace(/<([a-zA-Z][\w:-]*)(\s[^>]*?)?\sstyle="([^"]*)"([^>]*)>/g, (_m, tag: string, before = '', style: string, after: string) => {
    const name = `kx-${hash(style)}`;
    rules.set(name, important(style));
    let attrs = `${before}${after}`;
    if (/\sclass="/.test(attrs)) attrs = attrs.replace(/\sclass="([^"]*)"/, (_c, cls: string) => ` class="${cls} ${name}"`);
    else attrs = ` class="${name}"${attrs}`;
    return `<${tag}${attrs}>`;
  });
  return { html: out, rules };
}

/** Renders TeX with KaTeX (throws on invalid TeX: formulas are ours, errors should stop the build). */
export function renderTex(tex: string, options: { readonly display?: boolean } = {}): RenderedTex {
  const html = katex.renderToString(tex, { displayMode: options.display ?? false, output: 'htmlAndMathml', throwOnError: true, strict: 'error' });
  return stylesToClasses(html);
}

/** The stylesheet for a set of rendered formulas, one rule per class, sorted for stable output. */
export function texStylesheet(rendered: readonly RenderedTex[]): string {
  const all = new Map<string, string>();
  for (const r of rendered) for (const [k, v] of r.rules) all.set(k, v);
  return [...all.keys()]
    .sort()
    .map((k) => `.katex .${k}{${all.get(k)}}`)
    .join('\n')
    .concat('\n');
}
