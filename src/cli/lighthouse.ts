/**
 * `npm run lighthouse`: serves the built site (dist/) on localhost with gzip and long-lived caching
 * for hashed assets, runs Lighthouse 12 (Node API, its default mobile configuration with simulated
 * throttling) in Debian's Chromium for each page, prints the scores and key metrics of every run,
 * the median of each number per page, and a closing table (page | performance | LCP | TBT | CLS |
 * DOM elements | HTML gz), and exits 1 when a page's medians fall below the thresholds.
 *
 *   npm run lighthouse                                   # every page built in dist/ (each HTML document)
 *   npm run lighthouse -- --runs 3                       # median of 3 runs per page
 *   npm run lighthouse -- --pages /,/explore/,/audit/    # only these pages
 *   npm run lighthouse -- --dir dist-subpath --base /supplementary/hbsn-2019-06-02/
 *   npm run lighthouse -- --json lighthouse.json         # also write the numbers as JSON
 *   npm run lighthouse -- --gate scores                  # exit 1 only for accessibility, best practices or SEO
 *
 * Thresholds (overridable): performance ≥ 98, accessibility, best practices and SEO = 100,
 * LCP ≤ 1500 ms, TBT ≤ 100 ms, CLS ≤ 0.01, JavaScript ≤ 40 KB gzipped (transfer size of all
 * scripts). A page that asks not to be indexed (`<meta name="robots" content="noindex">`: 404, the
 * embeds) fails Lighthouse's "is-crawlable" SEO audit by design; its SEO passes when that is the
 * only SEO audit it fails.
 * Hand-written, not @lhci/cli: lhci's own static server ignores the build's `_headers` (CSP, caching) and base path; this serves dist/ as the host would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlFilesBelow, servedPath } from '../lib/built-files.ts';
import { serveDist } from '../lib/static-server.ts';
import type { DistServer } from '../lib/static-server.ts';
import { parseArgs, usage } from './args.ts';
import type { OptionSpec } from './args.ts';
import { isMain } from './is-main.ts';
import { InputError } from '../stats/validate.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { reportInputError } from './io.ts';

export const CHROME_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

export interface Thresholds {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  /** Largest Contentful Paint, ms. */
  readonly lcp: number;
  /** Total Blocking Time, ms. */
  readonly tbt: number;
  /** Cumulative Layout Shift. */
  readonly cls: number;
  /** Transfer size of all JavaScript, bytes (gzipped on the wire). */
  readonly jsBytes: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  performance: 98,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcp: 1500,
  tbt: 100,
  cls: 0.01,
  jsBytes: 40 * 1024,
};

export interface PageResult {
  readonly page: string;
  readonly url: string;
  readonly scores: { readonly performance: number; readonly accessibility: number; readonly bestPractices: number; readonly seo: number };
  readonly lcp: number;
  readonly fcp: number;
  readonly tbt: number;
  readonly cls: number;
  readonly speedIndex: number;
  readonly jsBytes: number;
  readonly jsFiles: readonly { readonly url: string; readonly bytes: number }[];
  /** Elements in the page's body when Lighthouse looked (its dom-size audit). */
  readonly domElements: number;
  /** The page asks not to be indexed (`<meta name="robots" content="noindex">`). */
  readonly noindex: boolean;
  /** The built HTML file gzipped (level 9), bytes; NaN when the page is not a file of the build. */
  readonly htmlGzipBytes: number;
  /** Audits that lost points in the categories checked, for the report. */
  readonly failingAudits: readonly { readonly category: string; readonly id: string; readonly title: string; readonly score: number | null }[];
  readonly lighthouseVersion: string;
  readonly userAgent: string;
}

/** The lines of `result` that break `t`; empty when the page passes. */
export function checkThresholds(result: PageResult, t: Thresholds): string[] {
  const problems: string[] = [];
  const s = result.scores;
  if (s.performance < t.performance) problems.push(`performance ${s.performance} < ${t.performance}`);
  if (s.accessibility < t.accessibility) problems.push(`accessibility ${s.accessibility} < ${t.accessibility}`);
  if (s.bestPractices < t.bestPractices) problems.push(`best practices ${s.bestPractices} < ${t.bestPractices}`);
  if (s.seo < t.seo && !seoOnlyNoindex(result)) problems.push(`SEO ${s.seo} < ${t.seo}`);
  if (result.lcp > t.lcp) problems.push(`LCP ${Math.round(result.lcp)} ms > ${t.lcp} ms`);
  if (result.tbt > t.tbt) problems.push(`TBT ${Math.round(result.tbt)} ms > ${t.tbt} ms`);
  if (result.cls > t.cls) problems.push(`CLS ${result.cls.toFixed(3)} > ${t.cls}`);
  if (result.jsBytes > t.jsBytes) problems.push(`JavaScript ${(result.jsBytes / 1024).toFixed(1)} KB > ${(t.jsBytes / 1024).toFixed(1)} KB gzipped`);
  return problems;
}

/** A noindex page whose only failed SEO audit is "is-crawlable": it asked not to be indexed. */
export function seoOnlyNoindex(result: PageResult): boolean {
  const seo = result.failingAudits.filter((a) => a.category === 'seo');
  return result.noindex && seo.length > 0 && seo.every((a) => a.id === 'is-crawlable');
}

/** Which thresholds decide the exit code: all of them, or only the non-timing category scores. */
export type Gate = 'all' | 'scores';

/** A problem with a category score that does not depend on timing (accessibility, best practices, SEO). */
export function isScoreProblem(problem: string): boolean {
  return /^(accessibility|best practices|SEO) /.test(problem);
}


/* Lighthouse --------------------------------------------------------------------------------- */

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  details?: { items?: Record<string, unknown>[] };
}
interface LhResult {
  lighthouseVersion: string;
  userAgent: string;
  environment?: { hostUserAgent?: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhAudit>;
  runtimeError?: { code: string; message: string };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Runs Lighthouse on one URL in a fresh Chromium. */
export async function auditPage(url: string, page: string, file: BuiltPage = NO_FILE): Promise<PageResult> {
  return (await auditPageWithLhr(url, page, file)).result;
}

/** What the build's HTML file says about a page (not something Lighthouse measures). */
export interface BuiltPage {
  readonly noindex: boolean;
  readonly htmlGzipBytes: number;
}
const NO_FILE: BuiltPage = { noindex: false, htmlGzipBytes: NaN };

/** Reads the built HTML of `page` (a path below the base) from `dir`, if there is one. */
export function builtPage(dir: string, page: string): BuiltPage {
  const rel = page.replace(/^\/+/, '');
  const file = join(dir, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel);
  if (!existsSync(file)) return NO_FILE;
  const html = readFileSync(file);
  return {
    noindex: /<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html.toString('utf8')),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
  };
}

/**
 * Every page of a build: its HTML documents as paths below the base (`/`, `/explore/`,
 * `/404.html`). HTML partials (no `<html>` element, e.g. /story-figure/, which the story fetches
 * into itself) are not pages a reader opens and are left out.
 */
export function discoverPages(dir: string): string[] {
  return htmlFilesBelow(dir)
    .filter((rel) => /<html[\s>]/i.test(readFileSync(join(dir, rel), 'utf8')))
    .map((rel) => `/${servedPath(rel)}`);
}

async function auditPageWithLhr(url: string, page: string, file: BuiltPage): Promise<{ result: PageResult; lhr: LhResult }> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    const lhr = runner?.lhr as unknown as LhResult | undefined;
    if (!lhr) throw new Error(`lighthouse returned no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const requests = (lhr.audits['network-requests']?.details?.items ?? []) as { url: string; resourceType?: string; transferSize?: number }[];
    const scripts = requests.filter((r) => r.resourceType === 'Script').map((r) => ({ url: r.url, bytes: r.transferSize ?? 0 }));
    const failingAudits: PageResult['failingAudits'][number][] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (!a || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual' || a.scoreDisplayMode === 'informative') continue;
        if (a.score !== null && a.score >= 0.9 && !(category !== 'performance' && a.score < 1)) continue;
        if (ref.weight === 0 && category === 'performance') continue;
        failingAudits.push({ category, id: a.id, title: a.title, score: a.score });
      }
    }
    const result: PageResult = {
      page,
      url,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      },
      lcp: metric('largest-contentful-paint'),
      fcp: metric('first-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndex: metric('speed-index'),
      jsBytes: scripts.reduce((n, s) => n + s.bytes, 0),
      jsFiles: scripts,
      domElements: metric('dom-size'),
      ...file,
      failingAudits,
      lighthouseVersion: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent ?? lhr.userAgent,
    };
    return { result, lhr };
  } finally {
    chrome.kill();
  }
}

/** One line per page, then the details of what lost points. */
export function formatResult(r: PageResult, problems: readonly string[]): string {
  const s = r.scores;
  const lines = [
    `${problems.length ? 'FAIL' : 'ok  '} ${r.page}  performance ${s.performance}  accessibility ${s.accessibility}  best practices ${s.bestPractices}  SEO ${s.seo}`,
    `     LCP ${Math.round(r.lcp)} ms  FCP ${Math.round(r.fcp)} ms  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}  Speed Index ${Math.round(r.speedIndex)} ms  DOM ${Math.round(r.domElements)} elements`,
    `     JavaScript ${(r.jsBytes / 1024).toFixed(1)} KB gzipped in ${r.jsFiles.length} file(s)${r.jsFiles.length ? `: ${r.jsFiles.map((f) => `${f.url.replace(/^https?:\/\/[^/]+/, '')} ${(f.bytes / 1024).toFixed(1)} KB`).join(', ')}` : ''}`,
  ];
  for (const a of r.failingAudits) lines.push(`     - [${a.category}] ${a.id}: ${a.title} (score ${a.score ?? 'n/a'})`);
  if (r.scores.seo < 100 && seoOnlyNoindex(r)) lines.push('     (SEO: the page asks not to be indexed, the only SEO audit it fails)');
  for (const p of problems) lines.push(`     ✗ ${p}`);
  return lines.join('\n');
}

/** The closing table: one row per page (medians), the columns of issue 17's table and the scores. */
export function formatTable(rows: readonly { result: PageResult; problems: readonly string[] }[]): string {
  const head = ['page', 'performance', 'LCP', 'TBT', 'CLS', 'DOM elements', 'HTML gz', 'a11y', 'BP', 'SEO', ''];
  const body = rows.map(({ result: r, problems }) => [
    r.page,
    String(r.scores.performance),
    `${(r.lcp / 1000).toFixed(2)} s`,
    `${Math.round(r.tbt)} ms`,
    r.cls.toFixed(3),
    Number.isFinite(r.domElements) ? String(Math.round(r.domElements)) : 'n/a',
    Number.isFinite(r.htmlGzipBytes) ? `${(r.htmlGzipBytes / 1000).toFixed(1)} kB` : 'n/a',
    String(r.scores.accessibility),
    String(r.scores.bestPractices),
    r.scores.seo < 100 && seoOnlyNoindex(r) ? `${r.scores.seo} (noindex)` : String(r.scores.seo),
    problems.length ? 'FAIL' : 'ok',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

const SPEC = {
  dir: { type: 'string', help: 'built site to serve (default dist)' },
  base: { type: 'string', help: 'base path the site was built for (default /)' },
  pages: { type: 'string', help: 'comma-separated paths below the base (default /)' },
  runs: { type: 'string', help: 'runs per page; every run and the median of each number are reported, thresholds apply to the medians (default 1)' },
  gate: { type: 'string', help: 'what sets the exit code: "all" thresholds (default) or only the "scores" of accessibility, best practices and SEO' },
  'min-performance': { type: 'string', help: 'minimum performance score (default 98)' },
  'max-lcp': { type: 'string', help: 'maximum LCP in ms (default 1500)' },
  'max-js-kb': { type: 'string', help: 'maximum gzipped JavaScript in KB (default 40)' },
  json: { type: 'string', help: 'also write the results to this JSON file' },
  help: { type: 'boolean', help: 'show this help' },
} as const satisfies OptionSpec;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InputError(`invalid --${name}: ${value} (expected a number ≥ 0)`);
  return n;
}

function median(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * Lighthouse varies from run to run (more so on a busy two-core machine): the result of several
 * runs is the median of each score and metric on its own. The audits that lost points and the
 * JavaScript list come from the run Lighthouse itself calls the median (closest to the median FCP
 * and time to interactive, lighthouse/core/lib/median-run.js).
 */
export async function medianResult(runs: readonly { result: PageResult; lhr?: unknown }[]): Promise<PageResult> {
  if (runs.length === 1) return runs[0].result;
  let representative = runs[0].result;
  if (runs.every((r) => r.lhr)) {
    const { computeMedianRun } = (await import('lighthouse/core/lib/median-run.js')) as unknown as {
      computeMedianRun: (lhrs: unknown[]) => unknown;
    };
    const m = computeMedianRun(runs.map((r) => r.lhr));
    representative = (runs.find((r) => r.lhr === m) ?? runs[0]).result;
  }
  const of = (f: (r: PageResult) => number) => median(runs.map((r) => f(r.result)));
  return {
    ...representative,
    scores: {
      performance: of((r) => r.scores.performance),
      accessibility: of((r) => r.scores.accessibility),
      bestPractices: of((r) => r.scores.bestPractices),
      seo: of((r) => r.scores.seo),
    },
    lcp: of((r) => r.lcp),
    fcp: of((r) => r.fcp),
    tbt: of((r) => r.tbt),
    cls: of((r) => r.cls),
    speedIndex: of((r) => r.speedIndex),
    jsBytes: of((r) => r.jsBytes),
    domElements: of((r) => r.domElements),
  };
}

/** One line per run: the numbers the median is taken of. */
export function formatRuns(runs: readonly PageResult[]): string {
  return runs
    .map(
      (r, i) =>
        `     run ${i + 1}: performance ${r.scores.performance}  accessibility ${r.scores.accessibility}  best practices ${r.scores.bestPractices}  SEO ${r.scores.seo}  LCP ${Math.round(r.lcp)} ms  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}`,
    )
    .join('\n');
}

/** A run that Lighthouse could not finish (e.g. NO_LCP on a busy machine) is retried this often. */
const RETRIES = 2;

export async function runLighthouse(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let server: DistServer | null = null;
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      io.out(usage('npm run lighthouse --', SPEC));
      return 0;
    }
    const thresholds: Thresholds = {
      ...DEFAULT_THRESHOLDS,
      performance: numberOption(args['min-performance'], 'min-performance', DEFAULT_THRESHOLDS.performance),
      lcp: numberOption(args['max-lcp'], 'max-lcp', DEFAULT_THRESHOLDS.lcp),
      jsBytes: numberOption(args['max-js-kb'], 'max-js-kb', DEFAULT_THRESHOLDS.jsBytes / 1024) * 1024,
    };
    const runs = Math.max(1, Math.round(numberOption(args.runs, 'runs', 1)));
    const gate = (args.gate ?? 'all') as Gate;
    if (gate !== 'all' && gate !== 'scores') throw new InputError(`invalid --gate: ${args.gate} (expected all or scores)`);
    const dir = args.dir ?? 'dist';
    if (!existsSync(join(dir, 'index.html'))) throw new InputError(`${dir}/index.html not found: run \`npm run build\` first`);
    const pages = args.pages ? args.pages.split(',').map((p) => p.trim()).filter(Boolean) : discoverPages(dir);
    if (!existsSync(CHROME_PATH)) throw new InputError(`Chromium not found at ${CHROME_PATH} (set CHROMIUM_PATH)`);
    server = await serveDist(dir, args.base ?? '/');
    io.out(`lighthouse: ${pages.length} page(s) at ${server.url}, mobile emulation with simulated throttling (Lighthouse defaults), ${runs} run(s) each\n`);
    const started = Date.now();
    const loadBefore = loadavg();
    const results: PageResult[] = [];
    const rows: { result: PageResult; problems: string[] }[] = [];
    const allRuns: PageResult[][] = [];
    const unmeasured: string[] = [];
    let failed = 0;
    for (const page of pages) {
      const url = new URL(page.replace(/^\/+/, ''), server.url).toString();
      const file = builtPage(dir, page);
      const perPage: { result: PageResult; lhr: LhResult }[] = [];
      for (let i = 0; i < runs; i++) {
        for (let attempt = 0; ; attempt++) {
          try {
            perPage.push(await auditPageWithLhr(url, page, file));
            break;
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            if (attempt >= RETRIES) {
              io.err(`lighthouse: ${page} run ${i + 1} failed ${RETRIES + 1} times (${message}); the median uses the other runs\n`);
              break;
            }
            io.err(`lighthouse: ${page} run ${i + 1} failed (${message}), retrying\n`);
          }
        }
      }
      if (!perPage.length) {
        // Lighthouse itself failed (e.g. NO_LCP on a busy machine): a measurement missing, not a
        // score of the page; it sets the exit code unless only the scores gate (--gate scores).
        unmeasured.push(page);
        io.out(`FAIL ${page}  not measured: every run failed\n`);
        continue;
      }
      const result = await medianResult(perPage);
      if (runs > 1) io.out(`${formatRuns(perPage.map((r) => r.result))}\n     median of ${runs} runs:\n`);
      allRuns.push(perPage.map((r) => r.result));
      results.push(result);
      const problems = checkThresholds(result, thresholds);
      rows.push({ result, problems });
      if (problems.some((p) => gate === 'all' || isScoreProblem(p))) failed++;
      io.out(`${formatResult(result, problems)}\n`);
    }
    io.out(`\n${runs > 1 ? `medians of ${runs} runs` : 'one run per page'}; thresholds: performance ≥ ${thresholds.performance}, LCP ≤ ${thresholds.lcp / 1000} s, TBT ≤ ${thresholds.tbt} ms, CLS ≤ ${thresholds.cls}, accessibility, best practices, SEO ≥ ${thresholds.accessibility}\n`);
    io.out(`${formatTable(rows)}\n`);
    const missed = rows.filter((r) => r.problems.length).length;
    io.out(`${rows.length - missed} of ${pages.length} page(s) within every threshold; ${pages.length * runs} Lighthouse run(s) in ${Math.round((Date.now() - started) / 1000)} s\n`);
    if (unmeasured.length) io.out(`not measured (Lighthouse failed on every run): ${unmeasured.join(', ')}\n`);
    if (gate === 'all') failed += unmeasured.length;
    if (gate === 'scores' && missed > failed) io.out(`(--gate scores: only accessibility, best practices and SEO set the exit code)\n`);
    const first = results[0];
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    if (first) io.out(`machine: Lighthouse ${first.lighthouseVersion}, ${first.userAgent}, ${process.platform} ${process.arch}, node ${process.version}; load average ${load(loadBefore)} at the start, ${load(loadavg())} at the end\n`);
    if (args.json) writeFileAtomic(args.json, `${JSON.stringify({ thresholds, results, runs: allRuns, unmeasured }, null, 2)}\n`);
    return failed ? 1 : 0;
  } catch (err) {
    return reportInputError(err, (t) => io.err(t));
  } finally {
    await server?.close();
  }
}

if (isMain(import.meta.url)) process.exitCode = await runLighthouse(process.argv.slice(2));
