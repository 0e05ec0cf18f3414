import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatReport, runCheckLinks } from '../../../src/cli/check-links.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A throwaway built site: path → contents. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-links-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const sitemap = (base: string, paths: string[]) =>
  `<?xml version="1.0"?><urlset>${paths.map((p) => `<url><loc>https://e.org${base}${p}</loc></url>`).join('')}</urlset>`;

describe('checkLinks on a built site', () => {
  it('passes a site whose links, fragments, assets and sitemap all resolve', () => {
    const dir = site({
      'index.html': page('<a href="/a/">A</a> <a href="/a/#x">x</a> <a href="#top">top</a> <img src="/img.png" alt=""><a href="https://doi.org/10.1/x">ext</a>', '<link rel="stylesheet" href="/_astro/s.css"><style>.f{background:url(/img.png)}</style>').replace('<body>', '<body id="top">'),
      'a/index.html': page('<h2 id="x">X</h2><a href="../">home</a>'),
      'img.png': 'png',
      '_astro/s.css': '@font-face{src:url(./f.woff2)}',
      '_astro/f.woff2': 'font',
      'sitemap.xml': sitemap('/', ['', 'a/']),
      'robots.txt': 'Sitemap: https://e.org/sitemap.xml\n',
    });
    const r = checkLinks({ dir, base: '/', site: 'https://e.org' });
    expect(r.broken).toEqual([]);
    expect(r.pages).toBe(2);
    expect([...r.external.keys()]).toEqual(['https://doi.org/10.1/x']);
  });

  it('reports a missing page, a missing fragment, a missing asset and a page missing from the sitemap', () => {
    const dir = site({
      'index.html': page('<a href="/nope/">1</a> <a href="/a/#missing">2</a> <script src="/x.js"></script> <a href="#here">3</a>'),
      'a/index.html': page('<p>a</p>'),
      'sitemap.xml': sitemap('/', ['']),
    });
    const r = checkLinks({ dir, base: '/', site: 'https://e.org' });
    const reasons = r.broken.map((b) => `${b.link}: ${b.reason}`);
    expect(reasons).toContain('/nope/: no such file');
    expect(reasons).toContain('/a/#missing: no element with id "missing" on /a/');
    expect(reasons).toContain('/x.js: no such file');
    expect(reasons).toContain('#here: no element with id "here" on /');
    expect(reasons).toContain('/a/: page missing from the sitemap');
    expect(formatReport(r)).toContain('BROKEN /nope/: no such file — on /');
  });

  it('flags a script, stylesheet, preload or image loaded from another origin (e.g. BASE_PATH=//evil.example/), not links', () => {
    const dir = site({
      'index.html': page(
        '<script type="module" src="//evil.example/_astro/a.js"></script><img src="https://cdn.example/i.png" alt=""><a href="https://doi.org/10.1/x">ext</a><div style="background:url(https://img.example/b.png)"></div>',
        '<link rel="stylesheet" href="//evil.example/s.css"><link rel="modulepreload" href="https://evil.example/m.js"><link rel="canonical" href="https://e.org/">',
      ),
      'sitemap.xml': sitemap('/', ['']),
    });
    const r = checkLinks({ dir, base: '/', site: 'https://e.org' });
    expect(r.broken.map((b) => b.link).sort()).toEqual(
      ['//evil.example/_astro/a.js', '//evil.example/s.css', 'https://cdn.example/i.png', 'https://evil.example/m.js', 'https://img.example/b.png'].sort(),
    );
    for (const b of r.broken) expect(b.reason).toMatch(/^loads from another origin \(https:\/\/[a-z.]+\); the site must load everything from its own$/);
    expect([...r.external.keys()]).toEqual(['https://doi.org/10.1/x']);
  });

  it('under a base path, a root-relative link that forgets the base is broken', () => {
    const base = '/supplementary/hbsn/';
    const dir = site({
      'index.html': page(`<a href="${base}a/">ok</a> <a href="/a/">forgot the base</a> <a href="a/">relative</a>`),
      'a/index.html': page('<p>a</p>'),
      'sitemap.xml': sitemap(base, ['', 'a/']),
    });
    const r = checkLinks({ dir, base, site: 'https://e.org' });
    expect(r.broken.map((b) => `${b.link}: ${b.reason}`)).toEqual([`/a/: outside the base path ${base}`]);
  });

  it('skips HTML partials in the sitemap check and reads their ids', () => {
    const dir = site({
      'index.html': page('<a href="/part/#k">k</a>'),
      'part/index.html': '<div id="k">partial</div>',
      'sitemap.xml': sitemap('/', ['']),
    });
    expect(checkLinks({ dir, base: '/', site: 'https://e.org' }).broken).toEqual([]);
  });

  it('runCheckLinks exits 1 with a one-line error when there is no build, 0 on a clean site', () => {
    const err: string[] = [];
    const out: string[] = [];
    expect(runCheckLinks(['--dir', join(tmpdir(), 'no-such-dist-here')], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(1);
    expect(err.join('')).toMatch(/^error: .*index\.html not found/);
    const dir = site({ 'index.html': page('<p>hi</p>'), 'sitemap.xml': sitemap('/', ['']) });
    expect(runCheckLinks(['--dir', dir, '--site', 'https://e.org', '--base', '/'], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(0);
    expect(runCheckLinks(['--bogus'], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(1);
  });
});
