import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPolicy, cspHash, inlineCode, metaPolicy, withCspMeta } from '../../../src/security/csp.ts';
import { formatHeadersFile, headerRules, headersFor, parseHeadersFile, pathMatches } from '../../../src/security/headers-file.ts';
import { compareHashLists } from '../../../src/cli/repro-check.ts';
import { dynamicImports } from '../../../src/cli/size.ts';

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>a>b{color:red}</style>
<script type="application/ld+json">{"@type":"WebPage"}</script></head><body>
<script type="module">if (a < b) go("</p>")</script><script type="module" src="/x.js"></script>
<script type="application/json" data-km-data>{"a":1}</script><svg><style>.x{fill:red}</style></svg>
<p style="aspect-ratio: 3 / 2">x</p><p style="font-family:&quot;A B&quot;">y</p></body></html>`;

describe('CSP (src/security/csp.ts)', () => {
  it('hashes are base64 sha256 of the UTF-8 text', () => {
    expect(cspHash('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
  });

  it('finds executable inline scripts, <style> elements (HTML and SVG) and decoded style attributes; skips data blocks and external scripts', () => {
    const c = inlineCode(PAGE);
    expect(c.scripts).toEqual(['if (a < b) go("</p>")']);
    expect(c.styles).toEqual(['a>b{color:red}', '.x{fill:red}']);
    expect(c.styleAttributes).toEqual(['aspect-ratio: 3 / 2', 'font-family:"A B"']);
  });

  it('builds a deterministic policy: self only, sorted hashes, no unsafe-inline', () => {
    const p = buildPolicy([inlineCode(PAGE), inlineCode(PAGE)]);
    expect(p).toBe(buildPolicy([inlineCode(PAGE)]));
    expect(p).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[^']+'; style-src 'self' 'sha256-[^']+' 'sha256-[^']+'; style-src-attr 'unsafe-hashes' 'sha256-[^']+' 'sha256-[^']+'; img-src 'self' blob:;/);
    expect(p).toContain("object-src 'none'; base-uri 'self'; form-action 'self'");
    expect(p).not.toMatch(/unsafe-inline|unsafe-eval|https?:|data:/);
    expect(buildPolicy([inlineCode('<p>no inline code</p>')])).toContain("script-src 'self'; style-src 'self'; style-src-attr 'none';");
  });

  it('puts the meta tag right after <meta charset>, once, and reads it back', () => {
    const p = buildPolicy([inlineCode(PAGE)]);
    const out = withCspMeta(withCspMeta(PAGE, 'old'), p);
    expect(out.match(/content-security-policy/g)?.length).toBe(1);
    expect(out).toContain(`<meta charset="utf-8"><meta http-equiv="content-security-policy" content="${p}">`);
    expect(metaPolicy(out)).toBe(p);
  });

  it('a fragment (the /story-figure/ partial) gets the meta tag first (a browser puts it in the implied <head>: tests/e2e/security.e2e.ts)', () => {
    const out = withCspMeta(withCspMeta('<div id="f">fragment</div>', 'old'), "default-src 'self'");
    expect(out).toBe(`<meta http-equiv="content-security-policy" content="default-src 'self'"><div id="f">fragment</div>`);
  });
});

describe('_headers (src/security/headers-file.ts)', () => {
  it('round-trips and merges matching rules like the hosts do', () => {
    const rules = headerRules("default-src 'self'", '/sub/path/');
    const text = formatHeadersFile(rules, '/sub/path/');
    expect(parseHeadersFile(text)).toEqual(rules.map((r) => ({ path: r.path, headers: r.headers.map(([n, v]) => [n, v]) })));
    const h = headersFor(parseHeadersFile(text), '/sub/path/_astro/a.js');
    expect(h['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'self'");
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(parseHeadersFile(text), '/elsewhere/')).toEqual({});
    expect(pathMatches('/a/*', '/a/b/c')).toBe(true);
    expect(pathMatches('/a/*', '/b/a/')).toBe(false);
  });

  it("frame-ancestors: 'self' by default, a journal's origin when configured, 'none' with DENY", () => {
    const csp = (fa?: string) => headersFor(headerRules("default-src 'self'", '/', fa), '/x/');
    expect(csp()['content-security-policy']).toMatch(/; frame-ancestors 'self'$/);
    expect(csp("'self' https://journal.example")).toMatchObject({ 'content-security-policy': "default-src 'self'; frame-ancestors 'self' https://journal.example" });
    expect(csp("'self' https://journal.example")['x-frame-options']).toBeUndefined();
    expect(csp("'none'")['x-frame-options']).toBe('DENY');
  });
});

describe('repro-check and size helpers', () => {
  it('compareHashLists names changed and missing files', () => {
    const h = (c: string) => c.repeat(64);
    expect(compareHashLists([`${h('a')}  x.html`, `${h('b')}  y.js`], [`${h('a')}  x.html`, `${h('c')}  y.js`, `${h('d')}  z.css`])).toEqual([
      'differs: y.js',
      'only in the second build: z.css',
    ]);
  });

  it('dynamicImports finds import("…") with a literal specifier only', () => {
    expect(dynamicImports('a=import("./x.js");b=await import( \'./y.js\' );c.import("./no.js");import(z)')).toEqual(['./x.js', './y.js']);
  });
});

describe('modulepreload links (src/build/module-preload.ts)', () => {
  it('preloads the static imports of module scripts, transitively, once, and never dynamic imports', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { preloadsFor, withModulePreloads } = await import('../../../src/build/module-preload.ts');
    const dir = mkdtempSync(join(tmpdir(), 'preload-'));
    try {
      mkdirSync(join(dir, '_astro'));
      writeFileSync(join(dir, '_astro/a.js'), 'import{x}from"./b.js";import("./lazy.js");');
      writeFileSync(join(dir, '_astro/b.js'), 'import"./c.js";export const x=1;');
      writeFileSync(join(dir, '_astro/c.js'), 'export{}');
      writeFileSync(join(dir, '_astro/lazy.js'), 'export{}');
      const html = '<html><head><link rel="modulepreload" href="/sub/_astro/c.js"></head><body><script type="module" src="/sub/_astro/a.js"></script></body></html>';
      const paths = preloadsFor(html, '/sub/explore/', dir, '/sub/');
      expect(paths).toEqual(['/sub/_astro/b.js']);
      expect(withModulePreloads(html, paths)).toContain('<link rel="modulepreload" href="/sub/_astro/b.js"></head>');
      expect(withModulePreloads('<div>partial</div>', paths)).toBe('<div>partial</div>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
