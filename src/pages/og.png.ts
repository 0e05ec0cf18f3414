import type { APIRoute } from 'astro';
import { getView, site } from '../lib/generated.ts';
import { paper } from '../lib/paper.ts';
import { ogPng } from '../components/story/og-image.ts';

/** The Open Graph / social image: overall survival by calcification, 1200 × 630 PNG. */
export const GET: APIRoute = () => {
  const png = ogPng(getView('calcification', 'os'), {
    title: 'Does a calcified liver metastasis predict survival?',
    subtitle: `Overall survival by calcification on CT, from Armstrong et al., ${paper.journalAbbrev} ${paper.year}`,
    tag: site.reconstructed ? 'Reconstructed data' : null,
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
