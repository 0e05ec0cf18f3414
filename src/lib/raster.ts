/**
 * Build-time rasterisation of SVG to PNG (Open Graph image, touch icon) with resvg.
 *
 * Text is drawn with fonts shipped inside npm packages (KaTeX's TrueType sans-serif), never
 * with system fonts, so the PNG bytes are the same on every machine: builds stay reproducible.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const katexFonts = join(dirname(require.resolve('katex/package.json')), 'dist', 'fonts');

/** Font family name to use in SVGs that are rasterised here. */
export const RASTER_FONT_FAMILY = 'KaTeX_SansSerif';

export function svgToPng(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: [join(katexFonts, 'KaTeX_SansSerif-Regular.ttf'), join(katexFonts, 'KaTeX_SansSerif-Bold.ttf')],
      defaultFontFamily: RASTER_FONT_FAMILY,
      sansSerifFamily: RASTER_FONT_FAMILY,
    },
    background: 'rgba(255,255,255,1)',
  });
  return resvg.render().asPng();
}

/** Wraps PNG images into a .ico container (PNG-compressed entries, supported by all current browsers). */
export function pngsToIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2);
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}
