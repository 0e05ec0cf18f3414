/**
 * The social (Open Graph) image, 1200 × 630: a Kaplan–Meier figure drawn by kmChart with a title
 * and a tag. Pure `(data, text, { document, fontFamily }) → SVG markup`; src/pages/og.png.ts
 * rasterises it with src/lib/raster.ts and that module's npm-shipped font.
 */
import { kmChart } from './km-chart.ts';
import type { KmData } from './km-data.ts';
import { escapeXml } from './svg.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgText {
  readonly title: string;
  readonly subtitle: string;
  /** Shown as a tag in the corner, e.g. "Reconstructed data". */
  readonly tag?: string | null;
}

export interface OgContext {
  readonly document: Document;
  /** The font the rasteriser has (it draws no other), given to every text. */
  readonly fontFamily: string;
}

/** The image as SVG markup. */
export function ogSvg(data: KmData, text: OgText, { document, fontFamily }: OgContext): string {
  const chart = kmChart(
    data,
    // No risk table: a social card is seen as a thumbnail, where only the curves read.
    { width: 1080, plotHeight: 330, fontSize: 21, fontFamily, standalone: true, ci: true, censor: true, riskTable: false, idPrefix: 'og' },
    { document },
  );
  const w = Number(chart.getAttribute('width'));
  const h = Number(chart.getAttribute('height'));
  const box = { x: 60, y: 145, w: OG_WIDTH - 120, h: OG_HEIGHT - 160 };
  chart.setAttribute('x', String(box.x));
  chart.setAttribute('y', String(box.y));
  chart.setAttribute('width', String(box.w));
  chart.setAttribute('height', String(box.h));
  chart.setAttribute('viewBox', `0 0 ${w} ${h}`);
  chart.setAttribute('preserveAspectRatio', 'xMidYMin meet');
  const tag = text.tag
    ? `<g><rect x="${OG_WIDTH - 60 - 14 - text.tag.length * 11}" y="40" rx="16" width="${14 + text.tag.length * 11 + 14}" height="34" fill="#fff6db" stroke="#8a5300" stroke-width="2"/><text x="${OG_WIDTH - 60 - 7}" y="64" text-anchor="end" font-size="20" font-weight="700" fill="#8a5300">${escapeXml(text.tag)}</text></g>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="${fontFamily}">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${OG_WIDTH}" height="10" fill="#0a58a8"/>`,
    `<text x="60" y="80" font-size="38" font-weight="700" fill="#1a1a1a">${escapeXml(text.title)}</text>`,
    `<text x="60" y="122" font-size="24" fill="#565656">${escapeXml(text.subtitle)}</text>`,
    tag,
    // The raster font (npm-shipped, for reproducible bytes) has no arrows: drop the axis arrows.
    chart.outerHTML.replace(/\s?[\u2190-\u2193]\s?/g, ' '),
    '</svg>',
  ].join('');
}
