import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPrecache,
  cacheVersion,
  isPrecached,
  precacheUrl,
  serviceWorkerSource,
} from '../../../src/components/jc/offline-precache.ts';
import { filesBelow } from '../../../src/lib/built-files.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jc-precache-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('offline precache list', () => {
  it('caches pages under their directory URL, as browsers request them', () => {
    expect(precacheUrl('index.html')).toBe('./');
    expect(precacheUrl('journal-club/index.html')).toBe('journal-club/');
    expect(precacheUrl('404.html')).toBe('404.html');
    expect(precacheUrl('_astro/a.js')).toBe('_astro/a.js');
  });

  it('leaves out the worker itself, source maps and legacy font formats', () => {
    expect(isPrecached('sw.js')).toBe(false);
    expect(isPrecached('_astro/a.js.map')).toBe(false);
    expect(isPrecached('_astro/KaTeX_Main-Regular.abc.woff')).toBe(false);
    expect(isPrecached('_astro/KaTeX_Main-Regular.abc.ttf')).toBe(false);
    expect(isPrecached('_astro/KaTeX_Main-Regular.abc.woff2')).toBe(true);
    // Static hosts consume _headers and do not serve it: a 404 would fail the worker's install.
    expect(isPrecached('_headers')).toBe(false);
  });

  it('the version is a content hash: same files → same version, any byte changed → new version', () => {
    const a = [{ path: 'a', bytes: Buffer.from('1') }, { path: 'b', bytes: Buffer.from('2') }];
    const b = [{ path: 'b', bytes: Buffer.from('2') }, { path: 'a', bytes: Buffer.from('1') }];
    const c = [{ path: 'a', bytes: Buffer.from('1') }, { path: 'b', bytes: Buffer.from('3') }];
    expect(cacheVersion(a)).toBe(cacheVersion(b));
    expect(cacheVersion(a)).not.toBe(cacheVersion(c));
    expect(cacheVersion(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('buildPrecache walks a built site; the worker source embeds version and list', () => {
    const dir = site({ 'index.html': 'home', 'journal-club/index.html': 'jc', '_astro/x.js': 'js', 'sw.js': 'old', '_astro/f.woff': 'w' });
    expect(filesBelow(dir)).toEqual(['_astro/f.woff', '_astro/x.js', 'index.html', 'journal-club/index.html', 'sw.js']);
    const p = buildPrecache(dir);
    expect(p.urls).toEqual(['_astro/x.js', './', 'journal-club/']);
    const template = readFileSync('src/components/jc/sw-template.js', 'utf8');
    const sw = serviceWorkerSource(template, p);
    expect(sw).toContain(`const VERSION = "${p.version}";`);
    expect(sw).toContain('const PRECACHE = ["_astro/x.js","./","journal-club/"];');
    expect(sw).not.toContain('/* PRECACHE */');
    // The worker never answers for other origins.
    expect(sw).toMatch(/url\.origin !== self\.location\.origin/);
    expect(() => serviceWorkerSource('no marker', p)).toThrow(/marker/);
  });
});
