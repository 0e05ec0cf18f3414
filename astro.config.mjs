// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
  integrations: [mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
