/**
 * Security headers of the built site (src/security/): the Content-Security-Policy in every page's
 * <meta> and in `_headers` (root and sub-path builds), no inline event handlers or `javascript:`
 * URLs anywhere, and every page working in Chromium under the policy delivered as the meta tag, as
 * a response header only, and as both — no `securitypolicyviolation` event, no console error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { serveDist } from '../../src/lib/static-server.ts';
import type { DistServer, ServeOptions } from '../../src/lib/static-server.ts';
import { buildPolicy, inlineCode, metaPolicy } from '../../src/security/csp.ts';
import { headersFor, parseHeadersFile } from '../../src/security/headers-file.ts';
import { launchChromium, watchPage } from './harness.ts';
import { DIST, SUB_DIST, SUB_PATH, ensureSubpathBuild } from './builds.ts';
import { filesBelow, servedPath } from '../../src/lib/built-files.ts';

const isPartial = (html: string) => !/<html[\s>]/i.test(html);

beforeAll(() => ensureSubpathBuild(), 660_000);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe.each([
  [DIST, '/'],
  [SUB_DIST, SUB_PATH],
])('CSP and _headers of %s (built for %s)', (dir, base) => {
  const files = () => filesBelow(dir);
  const pages = () => files().filter((f) => f.endsWith('.html'));
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');

  it('every page carries one CSP <meta>, first in <head> after the charset, and all are equal', () => {
    const policies = new Set<string>();
    for (const file of pages()) {
      const html = read(file);
      if (isPartial(html)) {
        // A fragment has no <head>: its policy comes first, where a browser opening it on its own
        // puts it into the implied <head> (checked in Chromium below).
        expect(html.match(/http-equiv="content-security-policy"/gi)?.length, file).toBe(1);
        expect(html, file).toMatch(/^<meta http-equiv="content-security-policy"/);
        policies.add(metaPolicy(html)!);
        continue;
      }
      expect(html.match(/http-equiv="content-security-policy"/gi)?.length, file).toBe(1);
      const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)![1];
      expect(head, file).toMatch(/^\s*<meta charset="utf-8"\s*\/?>\s*<meta http-equiv="content-security-policy"/);
      policies.add(metaPolicy(html)!);
    }
    expect(policies.size).toBe(1);
  });

  it('the policy admits exactly the inline code of the built pages, from this origin only', () => {
    const html = pages().map(read);
    const policy = metaPolicy(read('index.html'))!;
    expect(policy).toBe(buildPolicy(html.map(inlineCode)));
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('script-src')?.[0]).toBe("'self'");
    for (const [name, values] of d) {
      for (const v of values) {
        // Keywords, hashes, and blob: for the PNG export; never an origin, a scheme like data:/https:, or *.
        const ok = /^'(self|none|unsafe-hashes)'$/.test(v) || /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v) || (name === 'img-src' && v === 'blob:');
        expect(ok, `${name} ${v}`).toBe(true);
      }
    }
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|strict-dynamic/);
    // 'unsafe-hashes' only for style attributes, and only with their hashes.
    expect([...d].filter(([, v]) => v.includes("'unsafe-hashes'")).map(([n]) => n)).toEqual(d.get('style-src-attr')?.includes("'unsafe-hashes'") ? ['style-src-attr'] : []);
  });

  it('no inline event handlers or javascript: URLs in any HTML or JavaScript file', () => {
    const problems: string[] = [];
    for (const file of files().filter((f) => /\.(html|m?js)$/.test(f))) {
      const text = read(file);
      if (/javascript:/i.test(text)) problems.push(`${file}: javascript: URL`);
      if (file.endsWith('.html')) {
        const { document } = parseHTML(isPartial(text) ? `<!doctype html><html><body>${text}</body></html>` : text);
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.getAttributeNames()) if (/^on/i.test(a)) problems.push(`${file}: <${el.localName} ${a}>`);
        }
        for (const m of text.matchAll(/<[a-z][\w:-]*\s[^<>]*?\son\w+\s*=/gi)) problems.push(`${file}: ${m[0].slice(0, 80)}`);
      } else {
        // Markup with an on…= attribute inside a string, or one set through setAttribute.
        for (const m of text.matchAll(/<[a-z][\w:-]*\s[^<>]*?\son\w+\s*=/gi)) problems.push(`${file}: ${m[0].slice(0, 80)}`);
        for (const m of text.matchAll(/setAttribute(?:NS)?\(\s*(?:[^,]*,\s*)?["'`]on\w+/g)) problems.push(`${file}: ${m[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('_headers sends the same CSP once (plus frame-ancestors), nosniff, a referrer policy, a permissions policy, and immutable caching for hashed assets', () => {
    const rules = parseHeadersFile(read('_headers'));
    // Browsers ignore frame-ancestors in a <meta> policy: the header adds it (FRAME_ANCESTORS, default 'self').
    const policy = `${metaPolicy(read('index.html'))}; frame-ancestors 'self'`;
    const b = base.endsWith('/') ? base : `${base}/`;
    for (const path of [b, `${b}explore/`, `${b}audit/index.html`, `${b}journal-club/`, `${b}no-such-page`]) {
      const h = headersFor(rules, path);
      expect(h['content-security-policy'], path).toBe(policy);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['x-frame-options'], path).toBe('SAMEORIGIN');
      expect(h['referrer-policy'], path).toMatch(/^(strict-origin-when-cross-origin|strict-origin|same-origin|no-referrer)$/);
      expect(h['permissions-policy'], path).toMatch(/camera=\(\)/);
      expect(h['permissions-policy'], path).toMatch(/geolocation=\(\)/);
      expect(h['cache-control'], path).toBeUndefined();
    }
    const asset = files().find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;
    const h = headersFor(rules, `${b}${asset}`);
    expect(h['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(h['content-security-policy']).toBe(policy);
    expect(headersFor(rules, `${b}sw.js`)['cache-control']).toBe('no-cache');
    // Every rule is inside the base path.
    for (const r of rules) expect(r.path.startsWith(b), r.path).toBe(true);
  });
});

/* In the browser ------------------------------------------------------------------------------ */

type Mode = 'meta' | 'header' | 'meta+header';
const MODES: Record<Mode, ServeOptions> = {
  meta: { headersFile: false },
  header: { headersFile: true, stripCspMeta: true },
  'meta+header': { headersFile: true },
};

/** Exercises what each page does with scripts, styles, workers and blobs. */
async function exercise(page: Page, path: string): Promise<void> {
  if (path === '') {
    await page.evaluate(() => document.querySelector('story-scroller')?.scrollIntoView({ behavior: 'instant' }));
    await page.waitForSelector('story-scroller.is-active km-figure[data-ready]', { timeout: 15_000 });
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
  } else if (path === 'explore/') {
    await page.waitForSelector('km-figure[data-ready]');
    await page.check('km-figure input[data-km="grouping"][value="enhancement"]');
    for (const kind of ['png', 'svg']) {
      await Promise.all([page.waitForEvent('download'), page.click(`km-figure button[data-km-download="${kind}"]`)]);
    }
  } else if (path === 'journal-club/') {
    await page.locator('[data-offline-status][data-state="ready"]').waitFor({ timeout: 30_000 });
  } else if (/^audit\/[a-z0-9-]+\/$/.test(path)) {
    // The filters live on the part pages (/audit/table-2/ …); /audit/ itself has no script.
    await page.locator('input[name="kind"][value="consistent"]').click();
  }
}

describe('every page works under the CSP in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const paths = filesBelow(DIST)
    .filter((f) => f.endsWith('.html') && !isPartial(readFileSync(join(DIST, f), 'utf8')))
    .map(servedPath);

  it('control: the policy blocks injected inline handlers, scripts and styles, and the test sees it', async () => {
    const server = await serveDist(DIST, '/', MODES['meta+header']);
    const page = await browser.newPage();
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.effectiveDirective));
      });
      await page.goto(server.url, { waitUntil: 'load' });
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { __csp: string[]; __ran?: string[] };
        w.__ran = [];
        document.body.insertAdjacentHTML('beforeend', '<img src="/favicon.svg?x" onload="window.__ran.push(\'handler\')"><p style="color: rgb(1, 2, 3)">x</p>');
        const s = document.createElement('script');
        s.textContent = "window.__ran.push('inline')";
        document.body.append(s);
        const st = document.createElement('style');
        st.textContent = 'body { outline: 1px solid red }';
        document.head.append(st);
        await new Promise((r) => setTimeout(r, 300));
        return w.__ran;
      });
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(ran).toEqual([]);
      expect(violations).toEqual(expect.arrayContaining(['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']));
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('/story-figure/ opened on its own is under the policy (its leading <meta> lands in <head>)', async () => {
    const server = await serveDist(DIST, '/', MODES.meta);
    const page = await browser.newPage();
    try {
      await page.goto(server.url + 'story-figure/', { waitUntil: 'load' });
      expect(await page.locator('head > meta[http-equiv="content-security-policy"]').count()).toBe(1);
      const result = await page.evaluate(async () => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
        const w = window as unknown as { __ran?: boolean };
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 200));
        return { ran: w.__ran === true, seen };
      });
      expect(result).toEqual({ ran: false, seen: ['script-src-elem'] });
    } finally {
      await page.close();
      await server.close();
    }
  });

  it("frame-ancestors 'self': another origin cannot frame the pages (the embed included); the site itself can", async () => {
    const server = await serveDist(DIST, '/', MODES['meta+header']);
    const context = await browser.newContext();
    const embed = `${server.url}explore/embed/calcification-os/`;
    try {
      // Another origin on the same machine (another port): a page there that frames the embed.
      const otherDir = mkdtempSync(join(tmpdir(), 'framer-'));
      writeFileSync(join(otherDir, 'index.html'), `<!doctype html><html lang="en"><title>framer</title><iframe src="${embed}"></iframe></html>`);
      const other = await serveDist(otherDir, '/', { headersFile: false });
      const page = await context.newPage();
      try {
        await page.goto(other.url, { waitUntil: 'load' });
        await page.waitForTimeout(500);
        const child = page.frames().find((f) => f !== page.mainFrame());
        // A frame refused by frame-ancestors shows the browser's error page, never the site.
        expect(child).toBeDefined();
        expect(child!.url()).toMatch(/^chrome-error:/);
      } finally {
        await other.close();
        rmSync(otherDir, { recursive: true, force: true });
      }
      // Control: the same frame from the site's own origin loads.
      await page.goto(server.url, { waitUntil: 'load' });
      const title = await page.evaluate(async (src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
        await new Promise((r) => frame.addEventListener('load', r));
        return frame.contentDocument?.querySelector('km-figure') ? 'figure' : 'nothing';
      }, embed);
      expect(title).toBe('figure');
    } finally {
      await context.close();
      await server.close();
    }
  });

  for (const mode of Object.keys(MODES) as Mode[]) {
    it(`policy delivered as ${mode}: no violation, no console error, on ${paths.length} pages`, async () => {
      const server: DistServer = await serveDist(DIST, '/', MODES[mode]);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await context.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
        });
      });
      const problems: string[] = [];
      try {
        for (const path of [...paths, 'tables/table-2/#t2-asa-p']) {
          const page = await context.newPage();
          const watch = watchPage(page, server.origin);
          const response = await page.goto(server.url + path, { waitUntil: 'load' });
          const headerCsp = response?.headers()['content-security-policy'];
          const metaCount = await page.locator('meta[http-equiv="content-security-policy"]').count();
          if (mode !== 'meta' && !headerCsp) problems.push(`${path}: no CSP header`);
          if (mode === 'meta' && headerCsp) problems.push(`${path}: unexpected CSP header`);
          if (metaCount !== (mode === 'header' ? 0 : 1)) problems.push(`${path}: ${metaCount} CSP meta tag(s)`);
          await exercise(page, path);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
          const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
          problems.push(...violations.map((v) => `${path}: ${v}`));
          problems.push(...watch.consoleErrors.map((e) => `${path}: console: ${e}`));
          problems.push(...watch.foreignRequests.map((u) => `${path}: request to another origin: ${u}`));
          await page.close();
        }
      } finally {
        await context.close();
        await server.close();
      }
      expect(problems).toEqual([]);
    }, 180_000);
  }
});
