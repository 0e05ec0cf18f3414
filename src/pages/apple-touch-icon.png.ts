import type { APIRoute } from 'astro';
import { iconSvg } from '../lib/icon.ts';
import { svgToPng } from '../lib/raster.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(svgToPng(iconSvg(), 180)), { headers: { 'content-type': 'image/png' } });
