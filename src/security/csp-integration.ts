/**
 * Astro integration: after `astro build`, computes the site's Content Security Policy from the
 * inline code of every built page (csp.ts), writes it as the first <meta> of every page's <head>,
 * and writes `_headers` (headers-file.ts) with the same policy for static hosts.
 *
 * Runs before the offline integration (astro.config.mjs lists it first), so the service worker's
 * precache version covers the final HTML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFilesBelow } from '../lib/built-files.ts';
import { buildPolicy, inlineCode, withCspMeta } from './csp.ts';
import { formatHeadersFile, headerRules } from './headers-file.ts';
import { siteSettings } from './site-settings.ts';

/**
 * Applies the policy to the built site in `dir` (every page, the /story-figure/ partial included);
 * returns it. `frameAncestors` goes into `_headers` only (see headerRules).
 */
export function applyCsp(dir: string, base: string, frameAncestors = siteSettings(process.env).frameAncestors): { policy: string; pages: number } {
  const files = htmlFilesBelow(dir).map((f) => join(dir, f));
  const html = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const policy = buildPolicy([...html.values()].map(inlineCode));
  let pages = 0;
  for (const [file, text] of html) {
    const out = withCspMeta(text, policy);
    if (out !== text) pages++;
    writeFileSync(file, out);
  }
  writeFileSync(join(dir, '_headers'), formatHeadersFile(headerRules(policy, base, frameAncestors), base));
  return { policy, pages };
}

export function contentSecurityPolicy(): AstroIntegration {
  let base = '/';
  return {
    name: 'nelm-content-security-policy',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const { policy, pages } = applyCsp(fileURLToPath(dir), base);
        logger.info(`CSP meta tag on ${pages} page(s) and in _headers (${policy.length} characters)`);
      },
    },
  };
}
