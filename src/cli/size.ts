/**
 * `npm run size`: what each built page costs. For every HTML page in dist/ it sums the gzipped
 * size of every script the page loads — following static module imports transitively, since Vite
 * chunks import other chunks, and then dynamic `import()`s (counted against the JS budget too, as
 * code the page may load) — and the page's total weight (HTML, CSS, scripts, preloads and
 * images, gzipped where text). Prints a table, compares it with budgets.json and exits 1 when a
 * page is over its budget.
 * Hand-written, not size-limit: size-limit measures named files, not what each built page loads (its static import graph, dynamic imports and preloads) against per-page budgets.
 *
 * Options: --dist dist  --budgets budgets.json  --base /sub/path/ (default BASE_PATH or /)  --json
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFilesBelow, servedPath } from '../lib/built-files.ts';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError } from './io.ts';

const SPEC = {
  dist: { type: 'string', help: 'built site directory (default dist)' },
  budgets: { type: 'string', help: 'budget file (default budgets.json)' },
  base: { type: 'string', help: 'base path the site was built for (default $BASE_PATH or /)' },
  json: { type: 'boolean', help: 'print JSON instead of a table' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

export interface Budget {
  /** Gzipped JavaScript the page loads, at once or later through dynamic imports, in kB (1 kB = 1000 bytes). */
  readonly jsKb: number;
  /** Total gzipped page weight, in kB. */
  readonly totalKb: number;
}

export interface BudgetFile {
  readonly default: Budget;
  /** Page path below the base (`''` for the home page, `explore/`, or a prefix pattern `explore/embed/*`) → budget. */
  readonly pages?: Readonly<Record<string, Budget>>;
}

export interface PageSize {
  readonly page: string;
  /** Scripts the page loads at once: entries and their static imports. */
  readonly scripts: readonly string[];
  /** Scripts it may load later through dynamic `import()` (e.g. the story's sticky figure on wide screens). */
  readonly lazyScripts: readonly string[];
  readonly jsGzip: number;
  readonly lazyJsGzip: number;
  readonly totalGzip: number;
  readonly budget: Budget;
  readonly over: readonly string[];
}

export interface IO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.xml']);

function gzipSize(file: string): number {
  const bytes = readFileSync(file);
  return TEXT.has(extname(file)) ? gzipSync(bytes, { level: 9 }).length : bytes.length;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** Static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/** Dynamic imports of an ES module with a literal specifier (`import("./x.js")`): code the page may load later. */
export function dynamicImports(code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:^|[^\w$.])import\(\s*["']([^"']+)["']\s*\)/g)) out.add(m[1]);
  return [...out];
}

/** Maps a URL in a page (absolute or relative) to a file in dist/, or null if it is not ours. */
function fileFor(url: string, pageUrl: URL, base: string, dist: string): string | null {
  const resolved = new URL(url, pageUrl);
  if (resolved.origin !== pageUrl.origin || !resolved.pathname.startsWith(base)) return null;
  const path = join(dist, decodeURIComponent(resolved.pathname.slice(base.length)));
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/** Measures one page. */
export function measurePage(dist: string, htmlFile: string, base: string): Omit<PageSize, 'budget' | 'over'> {
  const rel = relative(dist, htmlFile).split(sep).join('/');
  // Budgets name pages without `.html`: `404.html` is the page `404`.
  const page = servedPath(rel).replace(/\.html$/, '');
  const pageUrl = new URL(`${base}${page}`, 'http://site.invalid');
  const html = readFileSync(htmlFile, 'utf8');
  let inlineJs = 0;
  const entries: string[] = [];
  const assets = new Set<string>();

  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const a = attributes(m[1]);
    const type = (a.type ?? '').toLowerCase();
    const isJs = type === '' || type === 'module' || type.includes('javascript');
    if (!isJs) continue;
    if (a.src !== undefined) {
      const file = fileFor(a.src, pageUrl, base, dist);
      if (file) entries.push(file);
    } else if (m[2].trim()) {
      inlineJs += gzipSync(Buffer.from(m[2]), { level: 9 }).length;
    }
  }
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const a = attributes(m[1]);
    const rel = (a.rel ?? '').toLowerCase();
    if (!a.href) continue;
    const file = fileFor(a.href, pageUrl, base, dist);
    if (!file) continue;
    if (rel === 'modulepreload') entries.push(file);
    else if (rel === 'stylesheet' || rel === 'preload') assets.add(file);
  }
  for (const m of html.matchAll(/<img\b([^>]*)>/gi)) {
    const a = attributes(m[1]);
    const file = a.src ? fileFor(a.src, pageUrl, base, dist) : null;
    if (file) assets.add(file);
  }

  // Follow static imports from the entry scripts, then dynamic imports (and their static imports).
  const resolveAll = (file: string, specs: string[]) => {
    const fileUrl = new URL(`${base}${relative(dist, file).split(sep).join('/')}`, 'http://site.invalid');
    return specs.filter((spec) => spec.startsWith('.') || spec.startsWith('/')).map((spec) => fileFor(spec, fileUrl, base, dist)).filter((f): f is string => f !== null);
  };
  const closure = (start: readonly string[], known: ReadonlySet<string>): Set<string> => {
    const found = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const file = queue.pop()!;
      if (found.has(file) || known.has(file)) continue;
      found.add(file);
      for (const dep of resolveAll(file, staticImports(readFileSync(file, 'utf8')))) if (!found.has(dep)) queue.push(dep);
    }
    return found;
  };
  const scripts = closure(entries, new Set());
  const lazy = new Set<string>();
  for (let frontier = [...scripts]; frontier.length; ) {
    const next = closure(frontier.flatMap((f) => resolveAll(f, dynamicImports(readFileSync(f, 'utf8')))), new Set([...scripts, ...lazy]));
    for (const f of next) lazy.add(f);
    frontier = [...next];
  }
  const relAll = (files: Iterable<string>) => [...files].map((f) => relative(dist, f).split(sep).join('/')).sort();
  const jsGzip = inlineJs + [...scripts].reduce((n, f) => n + gzipSize(f), 0);
  const lazyJsGzip = [...lazy].reduce((n, f) => n + gzipSize(f), 0);
  const totalGzip = gzipSize(htmlFile) + jsGzip + [...assets].reduce((n, f) => n + gzipSize(f), 0);
  return { page, scripts: relAll(scripts), lazyScripts: relAll(lazy), jsGzip, lazyJsGzip, totalGzip };
}

/** The page's own budget, else the longest matching `prefix*` pattern, else the default. */
export function budgetFor(budgets: BudgetFile, page: string): Budget {
  const pages = budgets.pages ?? {};
  if (pages[page]) return pages[page];
  const patterns = Object.keys(pages)
    .filter((k) => k.endsWith('*') && page.startsWith(k.slice(0, -1)))
    .sort((a, b) => b.length - a.length);
  return patterns.length ? pages[patterns[0]] : budgets.default;
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function runSize(argv: readonly string[], io: IO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): number {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.stdout(usage('npm run size --', SPEC));
      return 0;
    }
    const dist = args.dist ?? 'dist';
    let base = args.base ?? process.env.BASE_PATH ?? '/';
    if (!base.startsWith('/')) base = `/${base}`;
    if (!base.endsWith('/')) base = `${base}/`;
    if (!existsSync(join(dist, 'index.html'))) throw new InputError(`${dist}/index.html not found: run \`npm run build\` first`);
    const budgetPath = args.budgets ?? 'budgets.json';
    if (!existsSync(budgetPath)) throw new InputError(`${budgetPath} not found`);
    const budgets = JSON.parse(readFileSync(budgetPath, 'utf8')) as BudgetFile;
    if (!budgets.default || typeof budgets.default.jsKb !== 'number' || typeof budgets.default.totalKb !== 'number') {
      throw new InputError(`${budgetPath}: "default" needs numeric jsKb and totalKb`);
    }

    const results: PageSize[] = htmlFilesBelow(dist).map((rel) => {
      const m = measurePage(dist, join(dist, rel), base);
      const budget = budgetFor(budgets, m.page);
      const over: string[] = [];
      const js = m.jsGzip + m.lazyJsGzip;
      if (js > budget.jsKb * 1000) over.push(`JS ${kb(js)} > ${budget.jsKb} kB`);
      if (m.totalGzip > budget.totalKb * 1000) over.push(`total ${kb(m.totalGzip)} > ${budget.totalKb} kB`);
      return { ...m, budget, over };
    });

    if (args.json) {
      io.stdout(`${JSON.stringify(results, null, 2)}\n`);
    } else {
      const rows = results.map((r) => [
        `/${r.page}`,
        String(r.scripts.length),
        kb(r.jsGzip),
        kb(r.lazyJsGzip),
        `${r.budget.jsKb} kB`,
        kb(r.totalGzip),
        `${r.budget.totalKb} kB`,
        r.over.length ? 'OVER' : 'ok',
      ]);
      const head = ['page', 'scripts', 'JS gz', '+ lazy', 'JS budget', 'total gz', 'total budget', ''];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
      const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
      io.stdout(`${line(head)}\n${rows.map(line).join('\n')}\n`);
    }
    const over = results.filter((r) => r.over.length);
    for (const r of over) io.stderr(`over budget: /${r.page}: ${r.over.join('; ')}\n`);
    return over.length ? 1 : 0;
  } catch (err) {
    return reportInputError(err, (t) => io.stderr(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = runSize(process.argv.slice(2));
