/**
 * One small page interface for the end-to-end tests, in Chromium (playwright-core over CDP) and in
 * Firefox ESR (puppeteer-core over WebDriver BiDi), so a suite is written once and run in both:
 *
 *   describe.each(BROWSERS)('%s', (name) => {
 *     let browser: TestBrowser;
 *     beforeAll(async () => { browser = await openBrowser(name); });
 *     afterAll(() => browser?.close());
 *     it('…', async () => { const page = await browser.newPage({ colorScheme: 'dark' }); … });
 *   });
 *
 * `E2E_BROWSERS=chromium,firefox` chooses the browsers (default: Chromium only, see `BROWSERS`).
 *
 * Every page gets its own browser context (cookies, storage, service workers). Queries and actions
 * go through `evaluate` and real input (mouse, keyboard), never engine-specific locators, so both
 * engines run the same test code.
 *
 * What Firefox cannot do over BiDi, and how this file copes (see `CAPABILITIES`):
 * - colour scheme, reduced motion, forced colours and JavaScript off are launch preferences in
 *   Firefox, not per-page emulation: a page with those options opens in a Firefox started with the
 *   matching preferences (one process per combination, started when first needed, then reused).
 *   They cannot change on an open page (`emulateMedia` is Chromium only), and print media cannot be
 *   emulated at all.
 * - with JavaScript off, Firefox evaluates only in a sandbox and only synchronously; `evaluate`
 *   uses the sandbox then, and axe-core runs with a synchronous promise shim (axe.ts).
 * - no `isMobile`/touch emulation, no per-request routing (serve headers from the test server).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as PwBrowser, BrowserContext as PwContext, Page as PwPage } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import type { Browser as PpBrowser, BrowserContext as PpContext, Page as PpPage } from 'puppeteer-core';
import { launchChromium } from './harness.ts';

export type BrowserName = 'chromium' | 'firefox';
const ALL: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * Browsers named by `E2E_BROWSERS` (comma-separated), default Chromium only: the Firefox leg needs a
 * Firefox whose WebDriver BiDi knows the commands puppeteer-core 24 sends, which Debian's
 * firefox-esr 140.12 does not (see .ci/run). `E2E_BROWSERS=chromium,firefox` runs both.
 */
export const BROWSERS: BrowserName[] = (() => {
  const names = (process.env.E2E_BROWSERS ?? 'chromium')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const n of names) if (!ALL.includes(n as BrowserName)) throw new Error(`E2E_BROWSERS: unknown browser ${n} (use ${ALL.join(', ')})`);
  return names as BrowserName[];
})();

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface Viewport {
  width: number;
  height: number;
}

export interface PageOptions {
  /** Default 1280 × 900. */
  viewport?: Viewport;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
  /** Default true. */
  javaScript?: boolean;
  /** Phone emulation (mobile viewport meta, touch): Chromium only; Firefox just uses the viewport. */
  mobile?: boolean;
  /** Let the page read the clipboard (navigator.clipboard.readText). */
  clipboard?: boolean;
  /** Save downloads so that `page.download()` can return them. */
  downloads?: boolean;
  /** Script run in every document before the page's own scripts. */
  initScript?: string;
}

export interface GotoOptions {
  waitUntil?: 'load' | 'networkidle';
  timeout?: number;
}

export interface WaitOptions {
  timeout?: number;
}

export interface Watch {
  consoleErrors: string[];
  foreignRequests: string[];
  /** Responses with status ≥ 400 and requests that failed (`status url`). */
  failedRequests: string[];
}

export interface Capabilities {
  /** `emulateMedia` on an open page (colour scheme, reduced motion, forced colours, print). */
  runtimeMedia: boolean;
  /** Print media emulation. */
  printMedia: boolean;
  /** Phone emulation (`isMobile`, touch) besides the viewport size. */
  mobileEmulation: boolean;
}

/** What each engine can do through this interface, for `it.skipIf`. */
export const CAPABILITIES: Record<BrowserName, Capabilities> = {
  chromium: { runtimeMedia: true, printMedia: true, mobileEmulation: true },
  firefox: { runtimeMedia: false, printMedia: false, mobileEmulation: false },
};

/** A page in its own browser context. Selectors are CSS; every query uses the first match. */
export interface TestPage {
  readonly browserName: BrowserName;
  readonly options: Readonly<PageOptions>;
  /** Console errors, uncaught exceptions, requests to other origins and failed requests since the page opened. */
  readonly watch: Watch;
  /** Loads `url` and returns the HTTP status of the document (null if none, e.g. from a cache). */
  goto(url: string, options?: GotoOptions): Promise<number | null>;
  reload(options?: GotoOptions): Promise<number | null>;
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  url(): string;
  /** Runs `fn(arg)` in the page (in Firefox with JavaScript off: in a sandbox, synchronously). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates a script's source text (its completion value is returned). */
  evaluateSource<R = unknown>(source: string): Promise<R>;
  /** Polls `fn(arg)` every 50 ms until it returns a truthy value, which is returned. */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R, arg?: A, options?: WaitOptions): Promise<R>;
  waitFor(selector: string, options?: WaitOptions & { state?: 'attached' | 'visible' | 'hidden' | 'detached' }): Promise<void>;
  /** Waits until the URL passes `test` and its document has loaded. */
  waitForURL(test: (url: URL) => boolean, options?: WaitOptions): Promise<void>;
  count(selector: string): Promise<number>;
  /** innerText of the first match (throws if none). */
  text(selector: string): Promise<string>;
  /** textContent of the first match, null if none. */
  textContent(selector: string): Promise<string | null>;
  attr(selector: string, name: string): Promise<string | null>;
  /** Element.checkVisibility() of the first match (false if none). */
  isVisible(selector: string): Promise<boolean>;
  isChecked(selector: string): Promise<boolean>;
  inputValue(selector: string): Promise<string>;
  box(selector: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
  scrollIntoView(selector: string): Promise<void>;
  /** Scrolls the element into view and clicks its centre with the mouse. */
  click(selector: string): Promise<void>;
  /** Clicks a checkbox or radio button unless it already is in the wanted state. */
  check(selector: string): Promise<void>;
  uncheck(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** A key or chord in Playwright's notation: `Tab`, `Shift+Tab`, `ArrowRight`, `Space`, `Enter`. */
  press(key: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  setViewport(viewport: Viewport): Promise<void>;
  /** Chromium only (see `supports.runtimeMedia`). */
  emulateMedia(media: { media?: 'print' | 'screen'; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference'; forcedColors?: 'active' | 'none' }): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  /** Runs `trigger` and returns the file it downloads (needs `downloads: true`). */
  download(trigger: () => Promise<unknown>, options?: WaitOptions): Promise<{ name: string; bytes: Buffer }>;
  /** Calls `handler` with the message of every dialog (alert, confirm, prompt), which is dismissed. */
  onDialog(handler: (message: string) => void): void;
  close(): Promise<void>;
  /** The engine's own page object, for the few engine-specific tests. */
  readonly raw: { chromium?: PwPage; firefox?: PpPage };
}

export interface TestBrowser {
  readonly name: BrowserName;
  readonly supports: Capabilities;
  newPage(options?: PageOptions): Promise<TestPage>;
  close(): Promise<void>;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };

export async function openBrowser(name: BrowserName): Promise<TestBrowser> {
  return name === 'chromium' ? openChromium() : openFirefox();
}

/** Polls `probe` every `interval` ms until it returns a truthy value; throws after `timeout` ms. */
async function pollUntil<R>(probe: () => Promise<R>, timeout: number, what: string, interval = 50): Promise<R> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// In-page helpers, shared by both engines (serialised into the page with evaluate).
type Q = { selector: string; name?: string };
const inPage = {
  count: ({ selector }: Q) => document.querySelectorAll(selector).length,
  text: ({ selector }: Q) => {
    const el = document.querySelector(selector) as HTMLElement | null;
    if (!el) throw new Error(`no element matches ${selector}`);
    return el.innerText;
  },
  textContent: ({ selector }: Q) => document.querySelector(selector)?.textContent ?? null,
  attr: ({ selector, name }: Q) => document.querySelector(selector)?.getAttribute(name!) ?? null,
  visible: ({ selector }: Q) => document.querySelector(selector)?.checkVisibility() ?? false,
  checked: ({ selector }: Q) => {
    const el = document.querySelector(selector) as HTMLInputElement | null;
    if (!el) throw new Error(`no element matches ${selector}`);
    return el.checked;
  },
  value: ({ selector }: Q) => {
    const el = document.querySelector(selector) as HTMLInputElement | null;
    if (!el) throw new Error(`no element matches ${selector}`);
    return el.value;
  },
  box: ({ selector }: Q) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  },
  scroll: ({ selector }: Q) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no element matches ${selector}`);
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  },
  /** Centre of the element to click; a tiny or hidden form control is clicked through its label. */
  target: ({ selector }: Q) => {
    let el = document.querySelector(selector) as HTMLElement | null;
    if (!el) throw new Error(`no element matches ${selector}`);
    const small = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width < 2 || r.height < 2;
    };
    if (small(el) && (el as HTMLInputElement).labels?.length) el = (el as HTMLInputElement).labels![0];
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) throw new Error(`${selector} has no box to click`);
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const label = el instanceof HTMLLabelElement ? el : null;
    const ok = !!hit && (el.contains(hit) || (label !== null && label.control === hit));
    if (!ok) throw new Error(`${selector} is covered at its centre by ${hit?.outerHTML.slice(0, 120)}`);
    return { x, y };
  },
  focus: ({ selector }: Q) => {
    const el = document.querySelector(selector) as HTMLElement | null;
    if (!el) throw new Error(`no element matches ${selector}`);
    el.focus();
  },
};

// Shared by both engines: Playwright's and Puppeteer's pages emit the same events and have the
// same navigation and mouse calls, so only evaluation and the engine-specific parts differ.

/** The event surface both engines' pages share, as far as the helpers below use it. */
type Emitter = { on(event: string, handler: (arg: never) => void): unknown };
type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<R>;
type Mouse = { click(x: number, y: number): Promise<unknown>; move(x: number, y: number): Promise<unknown> };

/** Console errors, uncaught exceptions, requests to other origins than the first page's, and failed responses. */
function watchPage(page: Emitter, origin: () => string | null): Watch {
  const watch: Watch = { consoleErrors: [], foreignRequests: [], failedRequests: [] };
  page.on('console', (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err: unknown) => watch.consoleErrors.push(String(err)));
  page.on('request', (req: { url(): string }) => {
    const u = req.url();
    const o = origin();
    if (!o || /^(data|blob|about):/.test(u)) return;
    if (!u.startsWith(o)) watch.foreignRequests.push(u);
  });
  page.on('response', (r: { status(): number; url(): string }) => {
    if (r.status() >= 400) watch.failedRequests.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r: { url(): string }) => watch.failedRequests.push(`failed ${r.url()}`));
  return watch;
}

function onDialog(page: Emitter, handler: (message: string) => void): void {
  page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
    handler(d.message());
    void d.dismiss();
  });
}

function navigation(page: { goBack(): Promise<unknown>; goForward(): Promise<unknown>; url(): string }): Pick<TestPage, 'goBack' | 'goForward' | 'url'> {
  return {
    async goBack() {
      await page.goBack();
    },
    async goForward() {
      await page.goForward();
    },
    url: () => page.url(),
  };
}

/** Queries and actions written once over `evaluate` and real mouse input. */
function domMethods(
  self: () => TestPage,
  ev: Evaluate,
  mouse: Mouse,
): Pick<TestPage, 'waitForFunction' | 'waitFor' | 'waitForURL' | 'count' | 'text' | 'textContent' | 'attr' | 'isVisible' | 'isChecked' | 'inputValue' | 'box' | 'scrollIntoView' | 'click' | 'check' | 'uncheck' | 'focus' | 'mouseMove'> {
  return {
    waitForFunction: (fn, arg, o = {}) => pollUntil(() => ev(fn, arg), o.timeout ?? 10_000, fn.toString().slice(0, 200)),
    waitFor: (selector, o = {}) => waitForSelector(self(), selector, o),
    waitForURL: (test, o = {}) => waitForURL(self(), test, o),
    count: (selector) => ev(inPage.count, { selector }),
    text: (selector) => ev(inPage.text, { selector }),
    textContent: (selector) => ev(inPage.textContent, { selector }),
    attr: (selector, name) => ev(inPage.attr, { selector, name }),
    isVisible: (selector) => ev(inPage.visible, { selector }),
    isChecked: (selector) => ev(inPage.checked, { selector }),
    inputValue: (selector) => ev(inPage.value, { selector }),
    box: (selector) => ev(inPage.box, { selector }),
    scrollIntoView: (selector) => ev(inPage.scroll, { selector }),
    async click(selector) {
      const { x, y } = await ev(inPage.target, { selector });
      await mouse.click(x, y);
    },
    async check(selector) {
      if (!(await self().isChecked(selector))) await self().click(selector);
    },
    async uncheck(selector) {
      if (await self().isChecked(selector)) await self().click(selector);
    },
    focus: (selector) => ev(inPage.focus, { selector }),
    mouseMove: async (x, y) => void (await mouse.move(x, y)),
  };
}

// Chromium ---------------------------------------------------------------------------------------

async function openChromium(): Promise<TestBrowser> {
  const browser: PwBrowser = await launchChromium();
  const open = new Set<PwContext>();
  return {
    name: 'chromium',
    supports: CAPABILITIES.chromium,
    async newPage(options: PageOptions = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? DESKTOP,
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: options.reducedMotion ?? 'no-preference',
        forcedColors: options.forcedColors ?? 'none',
        javaScriptEnabled: options.javaScript !== false,
        isMobile: options.mobile ?? false,
        hasTouch: options.mobile ?? false,
        permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
        acceptDownloads: options.downloads ?? false,
      });
      open.add(context);
      if (options.initScript) await context.addInitScript({ content: options.initScript });
      const page = await context.newPage();
      return chromiumPage(page, context, options, () => open.delete(context));
    },
    async close() {
      for (const c of open) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

function chromiumPage(page: PwPage, context: PwContext, options: PageOptions, onClose: () => void): TestPage {
  let origin: string | null = null;
  const watch = watchPage(page as unknown as Emitter, () => origin);
  const ev = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as never, arg as never) as Promise<R>;
  const self: TestPage = {
    browserName: 'chromium',
    options,
    watch,
    async goto(url, o = {}) {
      origin ??= new URL(url).origin;
      const r = await page.goto(url, { waitUntil: o.waitUntil ?? 'load', timeout: o.timeout ?? 30_000 });
      return r?.status() ?? null;
    },
    async reload(o = {}) {
      const r = await page.reload({ waitUntil: o.waitUntil ?? 'load' });
      return r?.status() ?? null;
    },
    ...navigation(page),
    evaluate: ev,
    evaluateSource: <R>(source: string) => page.evaluate(source) as Promise<R>,
    ...domMethods(() => self, ev, page.mouse),
    press: (key) => page.keyboard.press(key),
    setViewport: (v) => page.setViewportSize(v),
    emulateMedia: (m) => page.emulateMedia(m),
    setOffline: (offline) => context.setOffline(offline),
    async download(trigger, o = {}) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: o.timeout ?? 15_000 }), trigger()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    },
    onDialog: (handler) => onDialog(page as unknown as Emitter, handler),
    async close() {
      onClose();
      await context.close().catch(() => undefined);
    },
    raw: { chromium: page },
  };
  return self;
}

// Firefox ----------------------------------------------------------------------------------------

/** Preferences every test Firefox starts with. */
const FIREFOX_PREFS: Record<string, unknown> = {
  // navigator.clipboard.readText() without the paste prompt (as in Firefox's own tests).
  'dom.events.testing.asyncClipboard': true,
  // Tab reaches every link and control (the Linux default, stated for other platforms).
  'accessibility.tabfocus': 7,
  // No network traffic of Firefox's own, so "requests to other origins" means the page's.
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.blocklist.enabled': false,
  'privacy.trackingprotection.enabled': false,
};

/** The launch preferences that stand in for per-page emulation in Firefox. */
function firefoxVariantPrefs(o: PageOptions): Record<string, unknown> {
  const forced = o.forcedColors === 'active';
  const dark = o.colorScheme === 'dark';
  return {
    // 0 dark, 1 light.
    'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
    'ui.prefersReducedMotion': o.reducedMotion === 'reduce' ? 1 : 0,
    // 2 always use the forced colours, 1 never.
    'browser.display.document_color_use': forced ? 2 : 1,
    // Forced colours take their palette (and with it the colour scheme) from these preferences
    // rather than the system: a dark one for a dark page, like Chromium's emulation.
    ...(forced && dark
      ? {
          'browser.display.use_system_colors': false,
          'browser.display.background_color': '#000000',
          'browser.display.foreground_color': '#ffffff',
          'browser.anchor_color': '#ffff00',
          'browser.visited_color': '#c0c0ff',
        }
      : {}),
    'javascript.enabled': o.javaScript !== false,
  };
}

async function openFirefox(): Promise<TestBrowser> {
  const pool = new Map<string, Promise<PpBrowser>>();
  const downloadDirs: string[] = [];
  const launch = (prefs: Record<string, unknown>) =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    });
  const instance = (o: PageOptions) => {
    const prefs = firefoxVariantPrefs(o);
    const key = JSON.stringify(prefs);
    if (!pool.has(key)) pool.set(key, launch(prefs));
    return pool.get(key)!;
  };
  // Start the common (light, JavaScript on) instance now: it is the one most tests use.
  await instance({});
  return {
    name: 'firefox',
    supports: CAPABILITIES.firefox,
    async newPage(options: PageOptions = {}) {
      const browser = await instance(options);
      let dir: string | null = null;
      if (options.downloads) {
        dir = mkdtempSync(join(tmpdir(), 'e2e-ff-downloads-'));
        downloadDirs.push(dir);
      }
      const context = await browser.createBrowserContext(dir ? { downloadBehavior: { policy: 'allow', downloadPath: dir } } : {});
      const page = await context.newPage();
      const viewport = options.viewport ?? DESKTOP;
      await firefoxSetViewport(page, { width: viewport.width, height: viewport.height });
      if (options.initScript) await page.evaluateOnNewDocument(options.initScript);
      return firefoxPage(page, context, options, dir);
    },
    async close() {
      for (const b of pool.values()) await (await b).close().catch(() => undefined);
      for (const d of downloadDirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

// Playwright's key names where puppeteer's differ.
const FIREFOX_KEYS: Record<string, string> = { Space: ' ', Control: 'Control', Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift', Meta: 'Meta' };

function firefoxPage(page: PpPage, context: PpContext, options: PageOptions, downloadDir: string | null): TestPage {
  const js = options.javaScript !== false;
  let origin: string | null = null;
  const watch = watchPage(page as unknown as Emitter, () => origin);
  // With JavaScript off only a sandbox evaluates (synchronously); it sees the same DOM.
  type Realm = { evaluate(fn: unknown, ...args: unknown[]): Promise<unknown> };
  const frame = page.mainFrame() as unknown as Realm & { isolatedRealm(): Realm };
  const realm = (): Realm => (js ? frame : frame.isolatedRealm());
  const ev = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => realm().evaluate(fn, arg) as Promise<R>;
  const waitUntil = (w: GotoOptions['waitUntil']) => (w === 'networkidle' ? 'networkidle0' : 'load');
  const self: TestPage = {
    browserName: 'firefox',
    options,
    watch,
    async goto(url, o = {}) {
      origin ??= new URL(url).origin;
      const r = await page.goto(url, { waitUntil: waitUntil(o.waitUntil), timeout: o.timeout ?? 30_000 });
      return r?.status() ?? null;
    },
    async reload(o = {}) {
      const r = await page.reload({ waitUntil: waitUntil(o.waitUntil) });
      return r?.status() ?? null;
    },
    ...navigation(page),
    evaluate: ev,
    evaluateSource: <R>(source: string) => realm().evaluate(source) as Promise<R>,
    ...domMethods(() => self, ev, page.mouse),
    async press(chord) {
      const parts = chord.split('+');
      const key = parts.pop()!;
      const modifiers = parts.map((m) => FIREFOX_KEYS[m] ?? m);
      for (const m of modifiers) await page.keyboard.down(m as never);
      await page.keyboard.press((FIREFOX_KEYS[key] ?? key) as never);
      for (const m of modifiers.reverse()) await page.keyboard.up(m as never);
    },
    setViewport: (v) => firefoxSetViewport(page, v),
    async emulateMedia() {
      throw new Error('Firefox (WebDriver BiDi) cannot change media features on an open page: pass them to newPage()');
    },
    setOffline: (offline) => page.setOfflineMode(offline),
    async download(trigger, o = {}) {
      if (!downloadDir) throw new Error('open the page with { downloads: true }');
      const before = new Set(readdirSync(downloadDir));
      await trigger();
      // Firefox writes `name.part`, then renames it: wait for a new complete file of stable size.
      let size = -1;
      const name = await pollUntil<string>(
        async () => {
          const fresh = readdirSync(downloadDir).filter((f) => !before.has(f) && !f.endsWith('.part'));
          const parts = readdirSync(downloadDir).filter((f) => f.endsWith('.part'));
          if (fresh.length !== 1 || parts.length) return '';
          const s = statSync(join(downloadDir, fresh[0])).size;
          const stable = s === size && s > 0;
          size = s;
          return stable ? fresh[0] : '';
        },
        o.timeout ?? 15_000,
        'a download',
        100,
      );
      const bytes = readFileSync(join(downloadDir, name));
      rmSync(join(downloadDir, name));
      return { name, bytes };
    },
    onDialog: (handler) => onDialog(page as unknown as Emitter, handler),
    async close() {
      await context.close().catch(() => undefined);
    },
    raw: { firefox: page },
  };
  return self;
}

/** Waits for a URL that passes `test` and for its document to finish loading. */
async function waitForURL(page: TestPage, test: (url: URL) => boolean, o: WaitOptions): Promise<void> {
  const timeout = o.timeout ?? 10_000;
  await pollUntil(async () => test(new URL(page.url())), timeout, 'URL');
  await pollUntil(() => page.evaluate(() => document.readyState === 'complete'), timeout, 'the document to load');
}

async function waitForSelector(page: TestPage, selector: string, o: WaitOptions & { state?: 'attached' | 'visible' | 'hidden' | 'detached' }): Promise<void> {
  const state = o.state ?? 'visible';
  await pollUntil(
    () =>
      page.evaluate(
        ({ selector, state }) => {
          const el = document.querySelector(selector);
          if (state === 'attached') return !!el;
          if (state === 'detached') return !el;
          const shown = !!el && el.checkVisibility();
          return state === 'visible' ? shown : !shown;
        },
        { selector, state },
      ),
    o.timeout ?? 10_000,
    `${selector} (${state})`,
  );
}

/**
 * Presses Tab, or Shift+Tab when the target comes earlier in the document, until the focused
 * element matches `selector`. Keyboard only. Tabbing past either end of the page would move focus
 * into the browser's own interface (Firefox), from which key presses no longer reach the page, so
 * the direction is chosen rather than wrapping around.
 */
export async function tabTo(page: TestPage, selector: string, { back, max = 400 }: { back?: boolean; max?: number } = {}): Promise<void> {
  const where = () =>
    page.evaluate((s) => {
      const active = document.activeElement;
      if (active?.matches(s)) return 'here';
      const target = document.querySelector(s);
      if (!target || !active || active === document.body) return 'after';
      return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after';
    }, selector);
  const first = await where();
  if (first === 'here') return;
  const key = (back ?? first === 'before') ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.press(key);
    if ((await where()) === 'here') return;
  }
  throw new Error(`keyboard focus never reached ${selector}`);
}

/**
 * `page.setViewport` for Firefox. Over WebDriver BiDi, puppeteer sends `browsingContext.setViewport`
 * and `emulation.setScreenOrientationOverride` together; Firefox ESR 140 does not know the second
 * command and rejects it, while the first (the one that sizes the page) is applied. Only that
 * rejection is tolerated; any other error is thrown.
 */
async function firefoxSetViewport(page: { setViewport(v: { width: number; height: number }): Promise<void> }, v: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(v);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(message.includes('setScreenOrientationOverride') && message.includes('unknown command'))) throw error;
  }
}
