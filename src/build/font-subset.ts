/**
 * Astro integration: after `astro build`, cuts the self-hosted Source Serif 4 faces down to what
 * the built site uses, so the one text face on the critical path is small:
 *
 * - characters: every character that occurs in the built HTML, CSS and JavaScript (HTML character
 *   references and JavaScript `\u` escapes decoded, since esbuild writes non-ASCII text as escapes),
 *   so text that scripts write in the browser (the explorer's labels, the sandbox's tables) is
 *   covered too. A character the font never had stays out (the fallback face draws it, as before);
 * - weights: the variable weight axis is limited to the range the stylesheets ask for (400–700);
 *   @font-face in global.css declares the same range.
 *
 * harfbuzz's subsetter (compiled to WebAssembly in the `subset-font` package, nothing downloaded)
 * writes the new WOFF2; the file gets a new content hash in its name and every reference in the
 * built HTML, CSS and JavaScript is rewritten. The result depends only on the built files, so two
 * builds stay byte-identical. Runs before the CSP and offline integrations, which hash and list
 * the final files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { filesBelow } from '../lib/built-files.ts';

/** The faces to subset: Vite's output name `<stem>.<hash>.woff2`. */
export const FONT_FILE = /(^|\/)(source-serif-4-[\w-]+)\.([\w-]{8})\.woff2$/;

/** The weight range the site's stylesheets use (font-weight 400, 600, 700; bold = 700). */
export const WEIGHT_RANGE = { min: 400, max: 700 } as const;

const TEXT_FILE = /\.(html|css|js|mjs)$/;

/**
 * Every character in `texts`, with HTML character references (`&#8722;`, `&#x2212;`, `&minus;`
 * for the few named ones HTML minifiers keep) and JavaScript escapes (`\u2212`, `\u{1F600}`)
 * decoded, as one string of distinct characters in code point order.
 */
export function charactersOf(texts: Iterable<string>): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  const chars = new Set<number>();
  for (const raw of texts) {
    const text = raw
      .replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g, (m, a: string | undefined, b: string | undefined) => codePoint(parseInt(a ?? b!, 16)) ?? m)
      .replace(/&#[xX]([0-9a-fA-F]+);|&#(\d+);|&([a-zA-Z]+);/g, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
        name !== undefined ? (named[name] ?? m) : (codePoint(hex !== undefined ? parseInt(hex, 16) : Number(dec)) ?? m),
      );
    for (const c of text) chars.add(c.codePointAt(0)!);
  }
  return [...chars].sort((a, b) => a - b).map((c) => String.fromCodePoint(c)).join('');
}

function codePoint(n: number): string | null {
  // Lone surrogates (half of a \uD83D\uDE00 pair) are not characters of their own.
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : null;
}

/** Vite-style content hash: 8 URL-safe base64 characters of the SHA-256 of the bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
}

export interface SubsetResult {
  readonly from: string;
  readonly to: string;
  readonly before: number;
  readonly after: number;
}

/** Subsets every face below `root` and rewrites the references to it; returns what it did. */
export async function subsetBuiltFonts(root: string): Promise<SubsetResult[]> {
  const files = filesBelow(root);
  const texts = files.filter((f) => TEXT_FILE.test(f));
  const text = charactersOf(texts.map((f) => readFileSync(join(root, f), 'utf8')));
  const results: SubsetResult[] = [];
  for (const rel of files) {
    const m = FONT_FILE.exec(rel);
    if (!m) continue;
    const source = readFileSync(join(root, rel));
    const subset = await subsetFont(source, text, { targetFormat: 'woff2', variationAxes: { wght: WEIGHT_RANGE } });
    const name = `${m[2]}.${contentHash(subset)}.woff2`;
    const to = join(dirname(rel), name).split('\\').join('/');
    writeFileSync(join(root, rel), subset);
    if (to !== rel) renameSync(join(root, rel), join(root, to));
    results.push({ from: rel, to, before: source.length, after: subset.length });
  }
  if (!results.length) return results;
  // Rewrite references by file name: pages refer to `/base/_astro/<name>`, stylesheets may be relative.
  for (const rel of texts) {
    const file = join(root, rel);
    const before = readFileSync(file, 'utf8');
    let after = before;
    for (const r of results) after = after.split(basename(r.from)).join(basename(r.to));
    if (after !== before) writeFileSync(file, after);
  }
  return results;
}

export function fontSubset(): AstroIntegration {
  return {
    name: 'nelm-font-subset',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const results = await subsetBuiltFonts(root);
        if (!results.length) throw new Error('font subset: no Source Serif 4 face found in the build');
        for (const r of results) logger.info(`${r.to}: ${r.before} → ${r.after} bytes (characters and weights the site uses)`);
      },
    },
  };
}
