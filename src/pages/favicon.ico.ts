import type { APIRoute } from 'astro';
import { iconSvg } from '../lib/icon.ts';
import { pngsToIco, svgToPng } from '../lib/raster.ts';

export const GET: APIRoute = () => {
  const ico = pngsToIco([16, 32, 48].map((size) => ({ size, png: svgToPng(iconSvg(), size) })));
  return new Response(new Uint8Array(ico), { headers: { 'content-type': 'image/x-icon' } });
};
