/**
 * `npm run bench:toggle`: how fast the Kaplan–Meier figure responds to its toggles, in real
 * Chromium. Serves the already built dist/ (builds nothing), opens /explore/, clicks the toggles
 * (grouping, outcome, layers) with trusted mouse clicks, and times each from the input event
 * (performance.now()) to the next paint: requestAnimationFrame, then a MessageChannel message,
 * which runs once that frame has been produced. Prints the median, the 90th percentile and the
 * slowest of the runs, and exits 1 if the median is over the budget (one frame, 16 ms).
 *
 * Options: --dist dist  --runs 50  --budget 16  --base /sub/path/ (default BASE_PATH or /)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from '../lib/static-server.ts';
import { chromium } from 'playwright-core';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import { isMain } from './is-main.ts';
import { reportInputError } from './io.ts';

const SPEC = {
  dist: { type: 'string', help: 'built site directory (default dist)' },
  runs: { type: 'string', help: 'number of toggles to time (default 50)' },
  budget: { type: 'string', help: 'median budget in ms (default 16)' },
  base: { type: 'string', help: 'base path the site was built for (default $BASE_PATH or /)' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The toggles clicked in turn: each changes the figure. */
const SEQUENCE = [
  'input[data-km="grouping"][value="enhancement"]',
  'input[data-km="endpoint"][value="os"]',
  'input[data-km="ci"]',
  'input[data-km="grouping"][value="all"]',
  'input[data-km="censor"]',
  'input[data-km="endpoint"][value="rfs"]',
  'input[data-km="median"]',
  'input[data-km="grouping"][value="calcification"]',
  'input[data-km="ci"]',
  'input[data-km="censor"]',
  'input[data-km="median"]',
];

export async function runBenchToggle(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      process.stdout.write(usage('npm run bench:toggle --', SPEC));
      return 0;
    }
    const dist = args.dist ?? 'dist';
    const runs = Number(args.runs ?? 50);
    const budget = Number(args.budget ?? 16);
    if (!Number.isInteger(runs) || runs < 1) throw new InputError(`invalid --runs: ${args.runs}`);
    if (!(budget > 0)) throw new InputError(`invalid --budget: ${args.budget}`);
    let base = args.base ?? process.env.BASE_PATH ?? '/';
    if (!base.startsWith('/')) base = `/${base}`;
    if (!base.endsWith('/')) base = `${base}/`;
    if (!existsSync(join(dist, 'explore', 'index.html'))) throw new InputError(`${dist}/explore/index.html not found: run \`npm run build\` first`);

    const server = await serveDist(dist, base);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}explore/`, { waitUntil: 'networkidle' });
      await page.waitForSelector('km-figure[data-ready]');
      // Let the idle-time redraws of the hidden views finish, as they would for a reader.
      await page.waitForTimeout(1000);
      // Two clocks: performance.now() when the input event is dispatched (the toggle's own cost
      // plus the wait for the frame), and the click event's timestamp (adds the browser's input
      // delivery, stricter). Both end when the frame after the change has been produced.
      await page.evaluate(`(() => {
        const km = (window.__km = { tInput: 0, tClick: 0, samples: [], strict: [] });
        document.addEventListener('click', (e) => { km.tClick = e.timeStamp; }, true);
        document.addEventListener('input', () => { km.tInput = performance.now(); }, true);
        document.addEventListener('change', () => {
          const { tInput, tClick } = km;
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              const now = performance.now();
              km.samples.push(now - tInput);
              km.strict.push(now - tClick);
            };
            channel.port2.postMessage(null);
          });
        }, true);
      })()`);
      for (let i = 0; i < runs; i++) {
        const input = page.locator(`km-figure ${SEQUENCE[i % SEQUENCE.length]}`);
        await input.click();
        // A function, not a string: the site's CSP forbids eval, and a string predicate needs it.
        await page.waitForFunction((seen) => (window as unknown as { __km: { samples: number[] } }).__km.samples.length > seen, i);
        await page.waitForTimeout(60);
      }
      const { samples, strict } = (await page.evaluate('window.__km')) as { samples: number[]; strict: number[] };
      const sorted = [...samples].sort((a, b) => a - b);
      const strictSorted = [...strict].sort((a, b) => a - b);
      const median = quantile(sorted, 0.5);
      process.stdout.write(
        `toggle → next paint, ${samples.length} toggles in Chromium (1280×900): median ${median.toFixed(1)} ms, ` +
          `p90 ${quantile(sorted, 0.9).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (budget ${budget} ms)\n` +
          `  from the click's event timestamp (includes input delivery): median ${quantile(strictSorted, 0.5).toFixed(1)} ms, ` +
          `p90 ${quantile(strictSorted, 0.9).toFixed(1)} ms\n`,
      );
      return median <= budget ? 0 : 1;
    } finally {
      await browser.close();
      await server.close();
    }
  } catch (err) {
    return reportInputError(err, (t) => process.stderr.write(t));
  }
}

if (isMain(import.meta.url)) runBenchToggle(process.argv.slice(2)).then((code) => (process.exitCode = code));
