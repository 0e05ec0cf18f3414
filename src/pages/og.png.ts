import type { APIRoute } from 'astro';
import { getView, site } from '../lib/generated.ts';
import { paper } from '../lib/paper.ts';
import { OG_WIDTH, ogSvg } from '../charts/og-image.ts';
import { serverDocument } from '../charts/server-document.ts';
import { RASTER_FONT_FAMILY, svgToPng } from '../lib/raster.ts';

/** The Open Graph / social image: overall survival by calcification, 1200 × 630 PNG. */
export const GET: APIRoute = () => {
  const view = getView('calcification', 'os');
  const p = view.published.logrankP?.printed;
  // The image states the finding, not just the question: no clear difference (p as printed).
  const svg = ogSvg(
    view,
    {
      title: 'Calcification on CT: no clear difference in survival',
      subtitle: `Overall survival${p ? `, log-rank p = ${p}` : ''} (Armstrong et al., ${paper.journalAbbrev} ${paper.year})`,
      tag: site.reconstructed ? 'Reconstructed data' : null,
    },
    { document: serverDocument(), fontFamily: RASTER_FONT_FAMILY },
  );
  const png = svgToPng(svg, OG_WIDTH);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
