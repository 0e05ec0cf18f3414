/**
 * The site's Content Security Policy, computed from the built HTML.
 *
 * One policy for the whole site: `'self'` for every kind of resource, no other origin, and the
 * SHA-256 hashes of exactly the inline code the built pages contain: executable inline scripts,
 * `<style>` elements (Astro inlines every stylesheet, `build.inlineStylesheets: 'always'`) and the
 * few `style="…"` attributes (allowed by hash under `'unsafe-hashes'`, never `'unsafe-inline'`).
 * Data blocks (`<script type="application/json">`, `application/ld+json`) are never executed, so
 * they need nothing.
 *
 * The same string goes into a `<meta http-equiv="content-security-policy">` at the top of every
 * page's <head> and into the `_headers` file for static hosts (headers-file.ts), so the policy is
 * the same whichever way it is delivered. It is site-wide rather than per page on purpose: the
 * story injects the /story-figure/ partial into its own document, the service worker serves cached
 * pages, and one rule (`/*`) in `_headers` cannot drift from the pages' meta tags. The hashes only
 * admit this site's own inline code, so sharing them between pages widens nothing an attacker can
 * use.
 *
 * Pure functions over HTML strings; the Astro integration (csp-integration.ts) applies them.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';

/** `'sha256-…'` source expression of a string (UTF-8), as CSP hashes it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Script `type` values a browser executes (classic or module). */
export function isExecutableScriptType(type: string | null): boolean {
  const t = (type ?? '').trim().toLowerCase();
  return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript' || t === 'text/ecmascript' || t === 'application/ecmascript';
}

export interface InlineCode {
  /** Texts of inline executable scripts. */
  readonly scripts: readonly string[];
  /** Texts of `<style>` elements (HTML and inline SVG). */
  readonly styles: readonly string[];
  /** Values of `style` attributes, entity-decoded as the browser sees them. */
  readonly styleAttributes: readonly string[];
}

/** The inline code of one HTML document or fragment. */
export function inlineCode(html: string): InlineCode {
  const whole = /<html[\s>]/i.test(html);
  const { document } = parseHTML(whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const scripts: string[] = [];
  const styles: string[] = [];
  const styleAttributes: string[] = [];
  for (const s of document.querySelectorAll('script')) {
    if (s.hasAttribute('src') || !isExecutableScriptType(s.getAttribute('type'))) continue;
    if ((s.textContent ?? '') !== '') scripts.push(s.textContent ?? '');
  }
  for (const s of document.querySelectorAll('style')) styles.push(s.textContent ?? '');
  for (const el of document.querySelectorAll('[style]')) styleAttributes.push(el.getAttribute('style') ?? '');
  return { scripts, styles, styleAttributes };
}

/** Sorted, de-duplicated hash sources of some texts. */
function hashes(texts: Iterable<string>): string[] {
  return [...new Set([...texts].map(cspHash))].sort();
}

/**
 * The policy admitting the inline code of all `documents`. Directives in a fixed order, hashes
 * sorted: the same inputs always give the same string (reproducible builds).
 */
export function buildPolicy(documents: readonly InlineCode[]): string {
  const scripts = hashes(documents.flatMap((d) => d.scripts));
  const styles = hashes(documents.flatMap((d) => d.styles));
  const attrs = hashes(documents.flatMap((d) => d.styleAttributes));
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scripts]],
    ['style-src', ["'self'", ...styles]],
    // Only these exact style attribute values (layout numbers computed at build time).
    ['style-src-attr', attrs.length ? ["'unsafe-hashes'", ...attrs] : ["'none'"]],
    // blob: for the figure's PNG download (the SVG is drawn through an <img> from an object URL).
    ['img-src', ["'self'", 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    // The journal club's offline service worker (sw.js at the root of the base path).
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['frame-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Escapes a string for a double-quoted HTML attribute. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Puts the policy's meta tag first in the document's <head> (right after `<meta charset>`): a CSP
 * delivered by meta governs only what comes after it. Replaces an existing one. A fragment without
 * a <head> (the /story-figure/ partial) gets the tag as its very first element: opened on its own,
 * the parser puts a leading <meta> into the implied <head>, so the page is under the same policy;
 * fetched into the story, the tag is dropped before insertion (a CSP meta outside <head> does
 * nothing anyway).
 */
export function withCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${attr(policy)}">`;
  const cleaned = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '');
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(cleaned);
  const head = /<head(\s[^>]*)?>/i.exec(cleaned);
  if (!head) return /<html[\s>]/i.test(cleaned) ? html : meta + cleaned;
  const at = charset && charset.index > head.index ? charset.index + charset[0].length : head.index + head[0].length;
  return cleaned.slice(0, at) + meta + cleaned.slice(at);
}

/** The policy in a page's meta tag, or null. */
export function metaPolicy(html: string): string | null {
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}
