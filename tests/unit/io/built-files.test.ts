import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesBelow, htmlFilesBelow, servedPath } from '../../../src/lib/built-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'built-files-'));
for (const f of ['index.html', '404.html', 'a-b.txt', 'a/index.html', 'a/b/c.js', 'node_modules/x/index.html', 'explore/embed/x/index.html']) {
  mkdirSync(join(dir, f, '..'), { recursive: true });
  writeFileSync(join(dir, f), f);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filesBelow', () => {
  it('lists every file as a /-separated relative path, sorted by that path', () => {
    expect(filesBelow(dir)).toEqual([
      '404.html',
      'a-b.txt',
      'a/b/c.js',
      'a/index.html',
      'explore/embed/x/index.html',
      'index.html',
      'node_modules/x/index.html',
    ]);
  });

  it('neither lists nor enters what `skip` accepts', () => {
    const seen: string[] = [];
    const files = filesBelow(dir, (rel) => {
      seen.push(rel);
      return rel === 'node_modules' || rel.endsWith('.txt');
    });
    expect(files).not.toContain('node_modules/x/index.html');
    expect(files).not.toContain('a-b.txt');
    expect(seen.some((rel) => rel.startsWith('node_modules/'))).toBe(false);
  });

  it('htmlFilesBelow keeps the HTML files', () => {
    expect(htmlFilesBelow(dir)).toEqual(['404.html', 'a/index.html', 'explore/embed/x/index.html', 'index.html', 'node_modules/x/index.html']);
  });
});

describe('servedPath', () => {
  it('serves a page by its folder and any other file by its name', () => {
    expect(servedPath('index.html')).toBe('');
    expect(servedPath('explore/index.html')).toBe('explore/');
    expect(servedPath('explore/embed/all-os/index.html')).toBe('explore/embed/all-os/');
    expect(servedPath('404.html')).toBe('404.html');
    expect(servedPath('_astro/a.js')).toBe('_astro/a.js');
    // Only a file named index.html is a folder's page.
    expect(servedPath('notindex.html')).toBe('notindex.html');
  });
});
