// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
// Journal club offline mode: writes the service worker (sw.js) with the precache list after the build.
import { offlinePrecache } from './src/components/jc/offline-integration.ts';

// BASE_PATH lets a journal host the site under a sub-path, e.g.
//   BASE_PATH=/supplementary/hbsn-2019-06-02/ npm run build
const base = process.env.BASE_PATH || '/';
// SITE_URL is the absolute origin used for canonical links, Open Graph and the sitemap.
const site = process.env.SITE_URL || 'https://nelm-ct.example.org';

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), offlinePrecache()],
  // Inline CSS: no render-blocking stylesheet requests (the story's LCP budget is 1.5 s on mobile).
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
