// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
// Journal club offline mode: writes the service worker (sw.js) with the precache list after the build.
import { offlinePrecache } from './src/components/jc/offline-integration.ts';
// Content Security Policy: hashes the built pages' inline code into a <meta> tag and _headers.
import { contentSecurityPolicy } from './src/security/csp-integration.ts';
// <link rel="modulepreload"> for the chunks each page's scripts import (no request waterfall).
import { modulePreload } from './src/build/module-preload.ts';
// Source Serif 4 cut down to the characters and weights the built site uses (before CSP and offline).
import { fontSubset } from './src/build/font-subset.ts';

// Hosting settings (src/security/site-settings.ts), validated here too so that a direct
// `astro build` cannot copy an unchecked value into the pages:
//   BASE_PATH=/supplementary/hbsn-2019-06-02/ lets a journal host the site under a sub-path;
//   SITE_URL is the absolute https origin used for canonical links, Open Graph and the sitemap.
import { siteSettings } from './src/security/site-settings.ts';

let settings;
try {
  settings = siteSettings(process.env);
} catch (err) {
  if (!(err instanceof Error) || err.name !== 'InputError') throw err;
  process.stderr.write(`error: ${err.message}\n`);
  process.exit(1);
}
const { base, site } = settings;

export default defineConfig({
  // No SITE_URL, no site: pages then carry no absolute URLs at all.
  site: site ?? undefined,
  base,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), modulePreload(), fontSubset(), contentSecurityPolicy(), offlinePrecache()],
  // Inline CSS: no render-blocking stylesheet requests (the story's LCP budget is 1.5 s on mobile).
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  // No asset is inlined as a data: URL (Vite would inline a small KaTeX font), so the CSP allows
  // fonts and images from 'self' only. Scripts keep Astro's rule (inline when under 4 KiB without
  // imports: one request less on the story, /audit/ and /tables/); the CSP admits them by hash.
  vite: {
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? undefined : false) },
    resolve: {
      alias: {
        // stdlib's generator check calls eval(), which the CSP refuses (a violation report on every
        // journal club visit). Every browser that runs the site's modules has generators and Symbol.
        '@stdlib/assert-has-generator-support': '@stdlib/assert-has-symbol-support',
      },
    },
  },
});
