/**
 * `npm run lighthouse`: serves the built site (dist/) on localhost with gzip and long-lived caching
 * for hashed assets, runs Lighthouse 12 (Node API, its default mobile configuration with simulated
 * throttling) in Debian's Chromium for each page, prints the scores and key metrics, and exits 1
 * when a page falls below the thresholds.
 *
 *   npm run lighthouse                                   # the story page
 *   npm run lighthouse -- --pages /,/explore/,/audit/    # several pages
 *   npm run lighthouse -- --dir dist-subpath --base /supplementary/hbsn-2019-06-02/
 *   npm run lighthouse -- --json lighthouse.json         # also write the numbers as JSON
 *
 * Thresholds (overridable): performance ≥ 98, accessibility, best practices and SEO = 100,
 * LCP ≤ 1500 ms, CLS ≤ 0.01, JavaScript ≤ 40 KB gzipped (transfer size of all scripts).
 * Hand-written, not @lhci/cli: lhci's own static server ignores the build's `_headers` (CSP, caching) and base path; this serves dist/ as the host would.
 */
import { existsSync } from 'node:fs';
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
  if (s.seo < t.seo) problems.push(`SEO ${s.seo} < ${t.seo}`);
  if (result.lcp > t.lcp) problems.push(`LCP ${Math.round(result.lcp)} ms > ${t.lcp} ms`);
  if (result.cls > t.cls) problems.push(`CLS ${result.cls.toFixed(3)} > ${t.cls}`);
  if (result.jsBytes > t.jsBytes) problems.push(`JavaScript ${(result.jsBytes / 1024).toFixed(1)} KB > ${(t.jsBytes / 1024).toFixed(1)} KB gzipped`);
  return problems;
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
export async function auditPage(url: string, page: string): Promise<PageResult> {
  return (await auditPageWithLhr(url, page)).result;
}

async function auditPageWithLhr(url: string, page: string): Promise<{ result: PageResult; lhr: LhResult }> {
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
    `     LCP ${Math.round(r.lcp)} ms  FCP ${Math.round(r.fcp)} ms  TBT ${Math.round(r.tbt)} ms  CLS ${r.cls.toFixed(3)}  Speed Index ${Math.round(r.speedIndex)} ms`,
    `     JavaScript ${(r.jsBytes / 1024).toFixed(1)} KB gzipped in ${r.jsFiles.length} file(s)${r.jsFiles.length ? `: ${r.jsFiles.map((f) => `${f.url.replace(/^https?:\/\/[^/]+/, '')} ${(f.bytes / 1024).toFixed(1)} KB`).join(', ')}` : ''}`,
  ];
  for (const a of r.failingAudits) lines.push(`     - [${a.category}] ${a.id}: ${a.title} (score ${a.score ?? 'n/a'})`);
  for (const p of problems) lines.push(`     ✗ ${p}`);
  return lines.join('\n');
}

const SPEC = {
  dir: { type: 'string', help: 'built site to serve (default dist)' },
  base: { type: 'string', help: 'base path the site was built for (default /)' },
  pages: { type: 'string', help: 'comma-separated paths below the base (default /)' },
  runs: { type: 'string', help: 'runs per page; every run and the median of each number are reported, thresholds apply to the medians (default 1)' },
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
    const pages = (args.pages ?? '/').split(',').map((p) => p.trim()).filter(Boolean);
    if (!existsSync(CHROME_PATH)) throw new InputError(`Chromium not found at ${CHROME_PATH} (set CHROMIUM_PATH)`);
    server = await serveDist(args.dir ?? 'dist', args.base ?? '/');
    io.out(`lighthouse: ${pages.length} page(s) at ${server.url}, mobile emulation with simulated throttling (Lighthouse defaults), ${runs} run(s) each\n`);
    const results: PageResult[] = [];
    const allRuns: PageResult[][] = [];
    let failed = 0;
    for (const page of pages) {
      const url = new URL(page.replace(/^\/+/, ''), server.url).toString();
      const perPage: { result: PageResult; lhr: LhResult }[] = [];
      for (let i = 0; i < runs; i++) {
        for (let attempt = 0; ; attempt++) {
          try {
            perPage.push(await auditPageWithLhr(url, page));
            break;
          } catch (err) {
            if (attempt >= RETRIES) throw err;
            io.err(`lighthouse: ${page} run ${i + 1} failed (${err instanceof Error ? err.message : String(err)}), retrying\n`);
          }
        }
      }
      const result = await medianResult(perPage);
      if (runs > 1) io.out(`${formatRuns(perPage.map((r) => r.result))}\n     median of ${runs} runs:\n`);
      allRuns.push(perPage.map((r) => r.result));
      results.push(result);
      const problems = checkThresholds(result, thresholds);
      if (problems.length) failed++;
      io.out(`${formatResult(result, problems)}\n`);
    }
    const first = results[0];
    if (first) io.out(`machine: Lighthouse ${first.lighthouseVersion}, ${first.userAgent}, ${process.platform} ${process.arch}, node ${process.version}\n`);
    if (args.json) writeFileAtomic(args.json, `${JSON.stringify({ thresholds, results, runs: allRuns }, null, 2)}\n`);
    return failed ? 1 : 0;
  } catch (err) {
    return reportInputError(err, (t) => io.err(t));
  } finally {
    await server?.close();
  }
}

if (isMain(import.meta.url)) process.exitCode = await runLighthouse(process.argv.slice(2));
