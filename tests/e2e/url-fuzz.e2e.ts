/**
 * URL-state fuzzing: random (seeded fast-check) and hostile query strings and fragments on the
 * pages that read their URL (/explore/, the story, /audit/, /journal-club/). For every case the page
 * must load without an exception or console error, open no dialog, gain no event-handler attribute,
 * no element or attribute carrying the payload's marker, and no new script/iframe/object/embed/frame/
 * base/form/img/meta/link/style element. One browser page per site page, navigated by URL: a new
 * query is a full load, a new fragment alone a same-document navigation (hashchange).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveDist } from '../../src/lib/static-server.ts';
import type { DistServer } from '../../src/lib/static-server.ts';
import { launchChromium, watchPage } from './harness.ts';
import { DIST } from './builds.ts';
import { settled } from '../../src/cli/page-settled.ts';

const PAGES = ['explore/', '', 'audit/', 'journal-club/'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20190602);
/** Put into every hostile payload: must never show up in an element name or attribute. */
const MARK = 'fz7q';
const WATCHED_TAGS = ['script', 'iframe', 'object', 'embed', 'base', 'form', 'img', 'meta', 'link', 'style', 'frame'];

const HOSTILE = [
  `<img src=x onerror=alert('${MARK}')>`,
  `"><svg onload=alert(1) data-${MARK}=1>`,
  `'><script>alert('${MARK}')</script>`,
  `</script><script>alert('${MARK}')</script>`,
  `javascript:alert('${MARK}')`,
  `${MARK}" autofocus onfocus="alert(1)`,
  `${MARK}' onmouseover='alert(1)`,
  `%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E${MARK}`,
  `%253Cscript%253E${MARK}`,
  `%E0%A4%A${MARK}`,
  `%${MARK}`,
  '%',
  '%%',
  '%C0%80',
  '%00',
  `\u0000${MARK}`,
  `\u2028\u2029${MARK}`,
  `${'a'.repeat(4000)}${MARK}`,
  `__proto__`,
  `constructor`,
  `toString`,
  `{{constructor.constructor('alert(1)')()}}${MARK}`,
  `\${alert(1)}${MARK}`,
  `<!--${MARK}`,
  `]]><${MARK}>`,
  `data:text/html,<script>alert('${MARK}')</script>`,
  `#${MARK}`,
  `&grouping=${MARK}`,
];
const KEYS = ['grouping', 'endpoint', 'ci', 'censor', 'median', 'ensemble', 'highlight', 'view', 'kind', 'scope', 'q', 'slide', '__proto__', 'constructor'];
const VALUES = ['all', 'calcification', 'enhancement', 'rfs', 'os', 'yes', 'no', 'hypo', 'hyper', 'mixed', '1', '0', 'true', 'false', '', 'on'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[<>"'&=#?/\\]){1,12}$/) },
);
const encode = (s: string, raw: boolean) => (raw ? s : encodeURIComponent(s));
const query = fc
  .tuple(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), text), text), { maxLength: 6 }), fc.boolean())
  .map(([pairs, raw]) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k, raw)}=${encode(v, raw)}`).join('&')}` : ''));
const fragment = fc.oneof(
  fc.constant(''),
  fc.constantFrom('#main', '#findings', '#t2-asa-p', '#slide-1'),
  text.map((t) => `#${t}`),
);
const cases = fc.record({ query, fragment, sameQuery: fc.boolean() });

interface DomReport {
  readonly problems: string[];
  readonly counts: Record<string, number>;
}

async function inspect(page: Page): Promise<DomReport> {
  return page.evaluate(
    ({ mark, tags }) => {
      const problems: string[] = [];
      for (const el of document.querySelectorAll('*')) {
        if (el.localName.includes(mark)) problems.push(`element <${el.localName}>`);
        for (const name of el.getAttributeNames()) {
          const value = el.getAttribute(name) ?? '';
          if (/^on/i.test(name)) problems.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
          if (name.includes(mark) || value.includes(mark)) problems.push(`<${el.localName} ${name}="${value.slice(0, 60)}"> carries the payload`);
          if (/^\s*javascript:/i.test(value)) problems.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
        }
      }
      const counts: Record<string, number> = {};
      for (const t of tags) counts[t] = document.getElementsByTagName(t).length;
      return { problems, counts };
    },
    { mark: MARK, tags: WATCHED_TAGS },
  );
}

let server: DistServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveDist(DIST, '/', { headersFile: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

// The four pages run side by side (one tab each): the run takes about half as long on two cores.
describe.concurrent('hostile and random URL state', () => {
  for (const path of PAGES) {
    it(`/${path}: ${RUNS} generated query strings and fragments never throw or inject markup`, async () => {
      const page = await context.newPage();
      const watch = watchPage(page, server.origin);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(server.url + path, { waitUntil: 'load' });
      // The journal club's tools fetch their code (a <link rel="modulepreload"> each) when they
      // come near or get focus: wake them first, so the baseline is the page as it is once used.
      await settled(page);
      const baseline = (await inspect(page)).counts;
      expect(watch.consoleErrors).toEqual([]);
      let lastQuery = '';
      let count = 0;

      await fc.assert(
        fc.asyncProperty(cases, async ({ query: q, fragment: f, sameQuery }) => {
          count++;
          // Half the time keep the last query: the fragment alone changes (no reload).
          const search = sameQuery && count > 1 ? lastQuery : q;
          lastQuery = search;
          const url = `${server.url}${path}${search}${f}`;
          watch.consoleErrors.length = 0;
          await page.goto(url, { waitUntil: 'load' });
          // A tool that loads later adds no more than the baseline (taken with every tool awake) has.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
          const report = await inspect(page);
          const grew = Object.entries(report.counts).filter(([t, n]) => n > (baseline[t] ?? 0)).map(([t, n]) => `${n} <${t}> (was ${baseline[t]})`);
          const problems = [...watch.consoleErrors.map((e) => `error: ${e}`), ...dialogs.map((d) => `dialog: ${d}`), ...report.problems, ...grew];
          if (problems.length) throw new Error(`${url}\n${problems.join('\n')}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      expect(count).toBeGreaterThanOrEqual(RUNS);
      await page.close();
    }, 600_000); // four pages share two cores with the rest of the suite: generous, so that load alone cannot fail it
  }
});
