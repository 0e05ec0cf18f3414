/**
 * `npm run font-fallback`: computes the metric-matched fallback faces for Source Serif 4 from the
 * font files and writes them into src/styles/global.css (between the `font-fallback:start` and
 * `font-fallback:end` comments); `-- --check` only compares and exits 1 when the stylesheet differs.
 *
 * Why: the site uses `font-display: swap`, so a first visit is set in Source Serif 4 as soon as it
 * arrives; until then the text is set in Times New Roman or its metric twins (Liberation Serif,
 * Tinos: same advance widths), scaled so that a line of our text is as long in the fallback as in
 * Source Serif 4. Lines then break in nearly the same places and the swap moves (almost) nothing,
 * which is what keeps layout shift under the 0.01 budget. One fallback face per face the pages set
 * (upright 400, 600, 700; italic 400, 700): an italic or bold face scaled like the upright one is
 * several per cent too wide, which rewrapped an italic citation on /about/ (CLS 0.057).
 *
 * - size-adjust: the advance width of the site's own text (every built page, so run it after
 *   `npm run build`) in the Source Serif 4 instance over its width in the fallback face, both per em.
 *   The variable font is read at the face's weight (its HVAR advances), so 600 and 700 are matched
 *   as drawn.
 * - ascent-, descent- and line-gap-override: Source Serif 4's hhea metrics (what Chromium and
 *   Firefox use for it), divided by size-adjust because the overrides apply to the scaled face.
 *
 * Reads Liberation Serif from --fallback-dir (default: Debian's fonts-liberation2 folder, then
 * fonts-liberation's). Options: --dist dist --fallback-dir <dir> --check
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkitten';
import type { Font } from 'fontkitten';
import fontverter from 'fontverter';
import { htmlFilesBelow } from '../lib/built-files.ts';
import { InputError } from '../stats/validate.ts';
import { parseArgs, usage } from './args.ts';
import { reportInputError } from './io.ts';
import { isMain } from './is-main.ts';

const SPEC = {
  'fallback-dir': { type: 'string', help: 'folder with LiberationSerif-*.ttf (default /usr/share/fonts/truetype/liberation2, then …/liberation)' },
  dist: { type: 'string', help: 'built site whose text the fallback is fitted to (default dist)' },
  check: { type: 'boolean', help: 'compare with src/styles/global.css and exit 1 if it differs; write nothing' },
  help: { type: 'boolean', help: 'show this help' },
} as const;

export const STYLESHEET = 'src/styles/global.css';
const SOURCE = 'src/assets/fonts/source-serif-4-latin-wght';
const START = '/* font-fallback:start (written by `npm run font-fallback`; do not edit by hand) */';
const END = '/* font-fallback:end */';
const DEFAULT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];

/** The faces the pages set, each with the local fonts that stand in for it (Times New Roman's names on macOS and Windows first). */
export const FACES = [
  { style: 'normal', weight: 400, source: 'normal', file: 'LiberationSerif-Regular', local: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos', 'Tinos-Regular'] },
  { style: 'normal', weight: 600, source: 'normal', file: 'LiberationSerif-Bold', local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold', 'Tinos Bold', 'Tinos-Bold'] },
  { style: 'normal', weight: 700, source: 'normal', file: 'LiberationSerif-Bold', local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold', 'Tinos Bold', 'Tinos-Bold'] },
  { style: 'italic', weight: 400, source: 'italic', file: 'LiberationSerif-Italic', local: ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT', 'Liberation Serif Italic', 'LiberationSerif-Italic', 'Tinos Italic', 'Tinos-Italic'] },
  {
    style: 'italic',
    weight: 700,
    source: 'italic',
    file: 'LiberationSerif-BoldItalic',
    local: ['Times New Roman Bold Italic', 'TimesNewRomanPS-BoldItalicMT', 'Liberation Serif Bold Italic', 'LiberationSerif-BoldItalic', 'Tinos Bold Italic', 'Tinos-BoldItalic'],
  },
] as const;

/**
 * The text the fallback has to set: the text of every built page (scripts, styles and SVG left out),
 * in path order. Not only the prose of content/: this site's pages are full of numbers, capitals
 * and citations, which Times sets relatively narrower than lower-case prose (Source Serif 4 / Times
 * is 1.19 on the story's MDX, 1.15 on the built pages), and a ratio fitted to prose alone rewrapped
 * the licence line on /about/.
 */
export function sampleText(dist = 'dist'): string {
  if (!existsSync(join(dist, 'index.html'))) throw new InputError(`${dist}/index.html not found: run \`npm run build\` first`);
  return htmlFilesBelow(dist)
    .sort()
    .map((f) =>
      readFileSync(join(dist, f), 'utf8')
        .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&[a-z]+;|&#\w+;/gi, ' ')
        .replace(/\s+/g, ' '),
    )
    .join(' ');
}

/** Advance width of `text` in `font`, in em (glyph advances; the same text in both faces, so kerning is second order). */
function width(font: Font, text: string): number {
  let sum = 0;
  for (const glyph of font.glyphsForString(text)) sum += glyph.advanceWidth;
  return sum / font.unitsPerEm;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** One font from a font file (a collection, .ttc, is not expected here). */
function font(bytes: Buffer, name: string): Font {
  const f = create(bytes);
  if (!('glyphsForString' in f)) throw new InputError(`${name}: a font collection, not one font`);
  return f;
}

/** The fallback @font-face rules, computed from the font files. */
export async function fallbackCss(fallbackDir: string, text: string): Promise<string> {
  const sources = {
    // fontkitten reads a variable WOFF2's instances wrongly (its cmap goes missing): decompress first.
    normal: font(await fontverter.convert(readFileSync(`${SOURCE}-normal.woff2`), 'truetype'), 'Source Serif 4'),
    italic: font(await fontverter.convert(readFileSync(`${SOURCE}-italic.woff2`), 'truetype'), 'Source Serif 4 Italic'),
  };
  const rules = FACES.map((face) => {
    const source = sources[face.source];
    const instance = source.getVariation({ wght: face.weight });
    const fallback = font(readFileSync(join(fallbackDir, `${face.file}.ttf`)), face.file);
    const size = width(instance, text) / width(fallback, text);
    const { ascent, descent, lineGap } = source.hhea;
    const em = source.unitsPerEm;
    return [
      '@font-face {',
      "  font-family: 'Source Serif 4 Fallback';",
      `  font-style: ${face.style};`,
      `  font-weight: ${face.weight};`,
      `  src: ${face.local.map((name) => `local('${name}')`).join(', ')};`,
      `  size-adjust: ${pct(size)};`,
      `  ascent-override: ${pct(ascent / em / size)};`,
      `  descent-override: ${pct(Math.abs(descent) / em / size)};`,
      `  line-gap-override: ${pct(lineGap / em / size)};`,
      '}',
    ].join('\n');
  });
  return `${START}\n${rules.join('\n')}\n${END}`;
}

/** The stylesheet with its fallback block replaced by `css`. */
export function withFallback(stylesheet: string, css: string): string {
  const start = stylesheet.indexOf(START);
  const end = stylesheet.indexOf(END);
  if (start < 0 || end < start) throw new InputError(`${STYLESHEET}: no "${START}" … "${END}" block to write into`);
  return stylesheet.slice(0, start) + css + stylesheet.slice(end + END.length);
}

export async function runFontFallback(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv, SPEC);
    if (args.help) {
      process.stdout.write(usage('npm run font-fallback --', SPEC));
      return 0;
    }
    const dir = args['fallback-dir'] ?? DEFAULT_DIRS.find((d) => existsSync(join(d, 'LiberationSerif-Regular.ttf')));
    if (!dir || !existsSync(join(dir, 'LiberationSerif-Regular.ttf'))) {
      throw new InputError(`LiberationSerif-Regular.ttf not found${dir ? ` in ${dir}` : ''}: apt-get install fonts-liberation2, or --fallback-dir <dir>`);
    }
    const css = await fallbackCss(dir, sampleText(args.dist ?? 'dist'));
    const current = readFileSync(STYLESHEET, 'utf8');
    const next = withFallback(current, css);
    if (args.check) {
      if (next === current) return 0;
      process.stderr.write(`${STYLESHEET}: the fallback faces differ from the font files; run npm run font-fallback\n`);
      return 1;
    }
    if (next !== current) writeFileSync(STYLESHEET, next);
    process.stdout.write(`${css}\n`);
    return 0;
  } catch (err) {
    return reportInputError(err, (t) => process.stderr.write(t));
  }
}

if (isMain(import.meta.url)) process.exitCode = await runFontFallback(process.argv.slice(2));
