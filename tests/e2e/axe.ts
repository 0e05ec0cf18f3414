/**
 * axe-core for the end-to-end tests, in either browser, with JavaScript on or off.
 *
 * axe is evaluated from its source text (not added as a <script>), so the site's
 * Content-Security-Policy does not stop it. With JavaScript off the page's event loop does not run
 * timers or queued promise jobs for evaluated code (Chromium), or evaluates only synchronously in a
 * sandbox (Firefox); there axe runs under a shim whose promises and timers settle at once, so the
 * whole run completes inside one synchronous evaluation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './browsers.ts';
import { animationsFinished, pageLoaded, wakeLazyTools } from '../../src/cli/page-settled.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 A and AA rule tags every page is held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Promise and setTimeout that settle and call back at once (only for a page without JavaScript). */
const SYNC_SHIM = `(() => {
  class SyncPromise {
    constructor(executor) {
      this.state = 'pending'; this.value = undefined; this.callbacks = [];
      const settle = (state, value) => {
        if (this.state !== 'pending') return;
        if (state === 'fulfilled' && value && typeof value.then === 'function') {
          let done = false;
          try {
            value.then((v) => { if (!done) { done = true; settle('fulfilled', v); } }, (e) => { if (!done) { done = true; settle('rejected', e); } });
          } catch (e) { if (!done) { done = true; settle('rejected', e); } }
          return;
        }
        this.state = state; this.value = value;
        const callbacks = this.callbacks; this.callbacks = [];
        for (const cb of callbacks) cb();
      };
      try { executor((v) => settle('fulfilled', v), (e) => settle('rejected', e)); } catch (e) { settle('rejected', e); }
    }
    then(onFulfilled, onRejected) {
      return new SyncPromise((resolve, reject) => {
        const run = () => {
          const fn = this.state === 'fulfilled' ? onFulfilled : onRejected;
          if (typeof fn !== 'function') return (this.state === 'fulfilled' ? resolve : reject)(this.value);
          try { resolve(fn(this.value)); } catch (e) { reject(e); }
        };
        if (this.state === 'pending') this.callbacks.push(run); else run();
      });
    }
    catch(onRejected) { return this.then(undefined, onRejected); }
    finally(fn) { return this.then((v) => { fn(); return v; }, (e) => { fn(); throw e; }); }
    static resolve(v) { return v instanceof SyncPromise ? v : new SyncPromise((r) => r(v)); }
    static reject(e) { return new SyncPromise((_, r) => r(e)); }
    static all(list) {
      return new SyncPromise((resolve, reject) => {
        const items = [...list]; const out = new Array(items.length); let left = items.length;
        if (!left) return resolve(out);
        items.forEach((p, i) => SyncPromise.resolve(p).then((v) => { out[i] = v; if (--left === 0) resolve(out); }, reject));
      });
    }
    static allSettled(list) {
      return SyncPromise.all([...list].map((p) => SyncPromise.resolve(p).then((value) => ({ status: 'fulfilled', value }), (reason) => ({ status: 'rejected', reason }))));
    }
    static race(list) { return new SyncPromise((resolve, reject) => { for (const p of list) SyncPromise.resolve(p).then(resolve, reject); }); }
  }
  let id = 0;
  globalThis.Promise = SyncPromise;
  globalThis.setTimeout = (fn, _ms, ...args) => { fn(...args); return ++id; };
  globalThis.clearTimeout = () => {};
})();
`;

export interface AxeOptions {
  /** Only check inside this selector (default: the whole document). */
  include?: string;
  /** Rule tags (default WCAG_TAGS). */
  tags?: string[];
}

/** Runs axe-core on the page; returns one line per violated rule (empty when the page passes). */
export async function axeViolations(page: TestPage, options: AxeOptions = {}): Promise<string[]> {
  const js = page.options.javaScript !== false;
  await page.evaluateSource(`${js ? '' : SYNC_SHIM}${AXE_SOURCE}\n;0`);
  const args = { tags: options.tags ?? WCAG_TAGS, include: options.include ?? null, sync: !js };
  type Violation = { id: string; nodes: { target: unknown; failureSummary?: string }[] };
  type Axe = { run(context: unknown, options: unknown, callback?: (err: unknown, r: { violations: Violation[] }) => void): Promise<{ violations: Violation[] }> };
  return page.evaluate(({ tags, include, sync }) => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const summary = (violations: Violation[]) =>
      violations.map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')} (${v.nodes.length}) ${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
    const context = include ? { include: [include] } : document;
    const runOptions = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
    if (!sync) return axe.run(context, runOptions).then((r) => summary(r.violations));
    let out: string[] | null = null;
    void axe.run(context, runOptions, (err, r) => {
      out = err ? [`axe failed: ${String(err)}`] : summary(r.violations);
    });
    if (!out) throw new Error('axe did not finish synchronously');
    return out;
  }, args);
}

/**
 * With JavaScript on, waits until the page has finished enhancing itself: loaded, every custom
 * element upgraded, every Kaplan–Meier figure ready and no animation running. Nothing to wait for
 * with JavaScript off.
 */
export async function settle(page: TestPage, timeout = 15_000): Promise<void> {
  if (page.options.javaScript === false) return;
  // Tools whose code loads when they come near or get focus (the journal club's) are woken first.
  await page.waitForFunction(() => document.readyState === 'complete', undefined, { timeout });
  await page.evaluate(wakeLazyTools);
  await page.waitForFunction(pageLoaded, undefined, { timeout });
  await page.evaluate(animationsFinished);
}

/** Opens every <details> (their content is checked too). */
export function openAllDetails(page: TestPage): Promise<void> {
  return page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}
