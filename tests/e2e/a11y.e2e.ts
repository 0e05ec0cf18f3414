/**
 * axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA tags) finds nothing on every page of the build — the
 * HTML files found in the build directory, not a hand-written list — in light and dark colour
 * schemes, with JavaScript on and off, in Chromium and Firefox, with every <details> open.
 *
 * A partial (an HTML fragment such as /story-figure/, fetched into another page) is not a document
 * of its own: it is checked inside the page that uses it, once that page has fetched it; without
 * JavaScript no page fetches it, which is checked instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, serveStatic } from './harness.ts';
import type { BuiltPage, StaticServer } from './harness.ts';
import { BROWSERS, openBrowser } from './browsers.ts';
import type { PageOptions, TestBrowser, TestPage } from './browsers.ts';
import { axeViolations, openAllDetails, settle } from './axe.ts';

const PAGES = builtPages();
const DOCUMENTS = PAGES.filter((p) => !p.partial);
const PARTIALS = PAGES.filter((p) => p.partial).map((p) => ({ ...p, ...partialHost(p) }));

const MODES: { label: string; options: PageOptions }[] = [
  { label: 'light, JavaScript on', options: { colorScheme: 'light' } },
  { label: 'dark, JavaScript on', options: { colorScheme: 'dark' } },
  { label: 'light, JavaScript off', options: { colorScheme: 'light', javaScript: false } },
  { label: 'dark, JavaScript off', options: { colorScheme: 'dark', javaScript: false } },
];

/** The page whose markup refers to the partial's address, and the id of the partial's first element. */
function partialHost(partial: BuiltPage): { host: BuiltPage; rootId: string; url: string } {
  const url = `/${partial.path}`;
  const host = DOCUMENTS.find((d) => d.html.includes(`="${url}"`));
  if (!host) throw new Error(`partial ${partial.file} is not used by any page of the build`);
  const rootId = /\bid="([^"]+)"/.exec(partial.html)?.[1];
  if (!rootId) throw new Error(`partial ${partial.file} has no element with an id to find it by`);
  return { host, rootId, url };
}

/**
 * The journal club's tools load their code when scrolled to (src/scripts/jc-page.ts): bring each
 * into view and wait until it is ready, so that axe checks them as a reader who scrolls finds them.
 */
async function loadToolsOnDemand(page: TestPage): Promise<void> {
  for (const tag of ['jc-power-lab', 'jc-km-sandbox', 'jc-presenter']) {
    if (!(await page.count(tag))) continue;
    await page.scrollIntoView(tag);
    await page.waitFor(`${tag}[data-ready]`, { state: 'attached', timeout: 15_000 });
  }
}

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic();
});
afterAll(async () => {
  await server?.close();
});

it('the build has pages to check', () => {
  expect(DOCUMENTS.length).toBeGreaterThan(5);
  expect(DOCUMENTS.map((d) => d.path)).toContain('');
});

describe.each(BROWSERS)('axe-core on every built page in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(MODES)('$label', ({ options }) => {
    const js = options.javaScript !== false;

    it.each(DOCUMENTS.map((d) => [`/${d.path}`, d] as const))('%s', async (_, doc) => {
      const page = await browser.newPage(options);
      expect(await page.goto(server.url + doc.path)).toBe(200);
      if (js) await loadToolsOnDemand(page);
      await settle(page);
      await openAllDetails(page);
      expect(await axeViolations(page)).toEqual([]);
      if (js) expect(page.watch.consoleErrors).toEqual([]);
      expect(page.watch.foreignRequests).toEqual([]);
      await page.close();
    });

    it.each(PARTIALS.map((p) => [`/${p.path} (a partial, inside /${p.host.path})`, p] as const))('%s', async (_, partial) => {
      const page = await browser.newPage(options);
      expect(await page.goto(server.url + partial.host.path)).toBe(200);
      if (!js) {
        // Without JavaScript nothing fetches the partial: there is nothing of it to check.
        const fetched = await page.evaluate(
          ({ url, id }) => !!document.getElementById(id) || performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === url),
          { url: partial.url, id: partial.rootId },
        );
        expect(fetched).toBe(false);
        await page.close();
        return;
      }
      // Bring the element that fetches it into view, then check the page with the partial in it.
      await page.evaluate((url) => {
        const user = [...document.querySelectorAll('*')].find((e) => [...e.attributes].some((a) => a.value === url));
        user?.scrollIntoView({ block: 'start', behavior: 'instant' });
      }, partial.url);
      await page.waitFor(`#${partial.rootId}`, { state: 'attached', timeout: 15_000 });
      await settle(page);
      await openAllDetails(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(page.watch.consoleErrors).toEqual([]);
      await page.close();
    });
  });
});
