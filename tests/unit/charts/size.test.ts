import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measurePage, runSize, staticImports } from '../../../src/cli/size.ts';

const dir = mkdtempSync(join(tmpdir(), 'size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  const file = join(dir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}
const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;

const A = 'import{b as x}from"./b.js";import"./c.js";console.log(x);'.repeat(20);
const B = 'export const b=1;import("./lazy.js");'.repeat(20);
const C = 'import{b}from"/sub/_astro/b.js";window.c=b;'.repeat(20);
const LAZY = 'export default 42;'.repeat(20);

write('dist/index.html', '<html><head><script type="module" src="/sub/_astro/a.js"></script><script type="application/json">{"x":1}</script></head></html>');
write('dist/explore/index.html', '<html><head><link rel="stylesheet" href="/sub/_astro/s.css"></head><body><script>var inline=1;</script></body></html>');
write('dist/_astro/a.js', A);
write('dist/_astro/b.js', B);
write('dist/_astro/c.js', C);
write('dist/_astro/lazy.js', LAZY);
write('dist/_astro/s.css', 'body{color:red}');

describe('npm run size (src/cli/size.ts)', () => {
  it('staticImports finds import/export-from and bare imports, not dynamic import()', () => {
    expect(staticImports('import{a}from"./a.js";import "./b.js";export{c}from\'./c.js\';import("./d.js")').sort()).toEqual(['./a.js', './b.js', './c.js']);
  });

  it('measurePage follows module imports transitively (relative and absolute) and skips JSON data blocks', () => {
    const m = measurePage(join(dir, 'dist'), join(dir, 'dist/index.html'), '/sub/');
    expect(m.page).toBe('');
    expect(m.scripts).toEqual(['_astro/a.js', '_astro/b.js', '_astro/c.js']);
    expect(m.jsGzip).toBe(gz(A) + gz(B) + gz(C));
  });

  it('counts inline scripts and stylesheets', () => {
    const m = measurePage(join(dir, 'dist'), join(dir, 'dist/explore/index.html'), '/sub/');
    expect(m.page).toBe('explore/');
    expect(m.jsGzip).toBe(gz('var inline=1;'));
    expect(m.totalGzip).toBeGreaterThan(m.jsGzip + gz('body{color:red}'));
  });

  it('exits 0 within budget and 1 over it, naming the page', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
    write('ok.json', JSON.stringify({ default: { jsKb: 10, totalKb: 10 } }));
    expect(runSize(['--dist', join(dir, 'dist'), '--budgets', join(dir, 'ok.json'), '--base', '/sub/'], io)).toBe(0);
    expect(out.join('')).toMatch(/\/explore\/\s+0\s+0\.0 kB/);
    write('tight.json', JSON.stringify({ default: { jsKb: 10, totalKb: 10 }, pages: { '': { jsKb: 0.01, totalKb: 10 } } }));
    expect(runSize(['--dist', join(dir, 'dist'), '--budgets', join(dir, 'tight.json'), '--base', '/sub/'], io)).toBe(1);
    expect(err.join('')).toContain('over budget: /: first-load JS');
  });
});

describe('budgetFor', () => {
  it('uses the exact page, then the longest prefix pattern, then the default', async () => {
    const { budgetFor } = await import('../../../src/cli/size.ts');
    const file = {
      default: { jsKb: 1, totalKb: 1 },
      pages: { 'explore/': { jsKb: 2, totalKb: 2 }, 'explore/*': { jsKb: 3, totalKb: 3 }, 'explore/embed/*': { jsKb: 4, totalKb: 4 } },
    };
    expect(budgetFor(file, 'explore/').jsKb).toBe(2);
    expect(budgetFor(file, 'explore/other/').jsKb).toBe(3);
    expect(budgetFor(file, 'explore/embed/all-os/').jsKb).toBe(4);
    expect(budgetFor(file, 'tables/').jsKb).toBe(1);
  });
});
