/**
 * The direction of imports between the folders of src/ (docs: README "What each folder holds"):
 * a module may import its own layer or a lower one, never a higher one, and `cli` is the top that
 * nothing imports. Every relative import of every .ts/.astro/.mjs file is read (static, re-export,
 * side-effect and dynamic), type-only imports included: a type from a higher layer ties the lower
 * one to it just the same.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

/**
 * Rank of each layer; an import must go to the same rank or a lower one.
 * stats (the estimators) → io, published, lib, security (reading and checking input; small helpers)
 * → analysis (what the site and `npm run stats` compute) → format, audit, reconstruct → charts
 * (drawing what was computed) → the site (components, scripts, layouts, generated-data access)
 * → pages → cli and build (commands and build hooks: the top).
 */
const RANK: Readonly<Record<string, number>> = {
  stats: 0,
  assets: 0,
  styles: 0,
  io: 1,
  published: 1,
  lib: 1,
  security: 1,
  analysis: 2,
  format: 3,
  audit: 3,
  reconstruct: 3,
  charts: 4,
  components: 5,
  scripts: 5,
  layouts: 5,
  generated: 0,
  'content.config.ts': 5,
  pages: 6,
  cli: 7,
  build: 7,
};

/** Single files whose layer differs from their folder's, with the reason. */
const FILE_RANK: Readonly<Record<string, number>> = {
  // Typed access to src/generated/ for the pages: it knows the types of every layer below the site.
  'lib/generated.ts': 5,
};

/** Presentation layers the data step must not depend on (it computes; they draw). */
const PRESENTATION = new Set(['charts', 'components', 'scripts', 'layouts', 'pages']);

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|astro|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Relative imports of a source text (exported for the test of this test). */
export function relativeImports(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function layerOf(pathInSrc: string): { layer: string; rank: number } | null {
  const layer = pathInSrc.split('/')[0];
  const rank = FILE_RANK[pathInSrc] ?? RANK[layer];
  return rank === undefined ? null : { layer, rank };
}

interface Edge {
  readonly from: string;
  readonly to: string;
  /** `import type …`: no code runs. */
  readonly typeOnly?: boolean;
}

const TYPE_IMPORT = /(?:^|[\s;])(?:import|export)\s+type\s[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    // A module is a type-only dependency when every import of it is `import type`.
    const count = (specs: string[]) => specs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const types = count([...text.matchAll(TYPE_IMPORT)].map((m) => m[1]));
    const every = count(relativeImports(text));
    const typeOnly = new Set([...types].filter(([spec, n]) => every.get(spec) === n).map(([spec]) => spec));
    for (const spec of new Set(relativeImports(text))) {
      const to = relative(SRC, resolve(dirname(file), spec.replace(/\?.*$/, ''))).split('\\').join('/');
      if (to.startsWith('..')) continue; // data/, content/: not a layer of src
      out.push(typeOnly.has(spec) ? { from, to, typeOnly: true } : { from, to });
    }
  }
  return out;
}

describe('layer direction', () => {
  const all = edges();

  it('reads the imports of the source tree', () => {
    // A guard against a broken pattern that would make every check below pass vacuously.
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual({ from: 'charts/km-chart.ts', to: 'charts/km-layout.ts' });
    expect(all).toContainEqual({ from: 'charts/km-chart.ts', to: 'charts/km-data.ts', typeOnly: true });
    expect(relativeImports(`import type { A } from '../x.ts';\nexport { b } from './y.ts';\nimport './z.css';\nconst m = await import('../w.ts');`)).toEqual([
      '../x.ts',
      './y.ts',
      './z.css',
      '../w.ts',
    ]);
  });

  it('every folder of src/ has a layer', () => {
    const unknown = [...new Set(all.flatMap((e) => [e.from, e.to]).filter((p) => !layerOf(p)))];
    expect(unknown).toEqual([]);
  });

  it('no module imports a higher layer', () => {
    const upward = all
      .filter((e) => {
        const a = layerOf(e.from)!;
        const b = layerOf(e.to)!;
        return a.layer !== b.layer && b.rank > a.rank;
      })
      .map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('nothing outside the commands imports src/cli', () => {
    const intoCli = all.filter((e) => e.to.startsWith('cli/') && !e.from.startsWith('cli/')).map((e) => `${e.from} → ${e.to}`);
    // build/module-preload.ts shares the size command's parser of static imports (build hooks and commands are both tooling).
    expect(intoCli.filter((x) => !x.startsWith('build/'))).toEqual([]);
  });

  it('the data step (npm run data) imports no presentation layer', () => {
    const bad = all.filter((e) => e.from === 'cli/build-data.ts' && PRESENTATION.has(e.to.split('/')[0])).map((e) => e.to);
    expect(bad).toEqual([]);
  });

  it('pages and components read no file of data/ and run no power calculation while they render', () => {
    const renderTime = (p: string) => /^(components|pages|layouts|scripts)\//.test(p);
    const bad = all
      .filter((e) => !e.typeOnly && renderTime(e.from) && (e.to === 'published/load.ts' || e.to === 'published/read-json.ts' || e.to === 'stats/survival-power.ts'))
      .map((e) => `${e.from} → ${e.to}`);
    // The journal club's power lab computes in the browser by design (the learner moves its sliders).
    const allowed = ['components/jc/power-lab.ts → stats/survival-power.ts'];
    expect(bad.filter((x) => !allowed.includes(x))).toEqual([]);
    for (const x of allowed) expect(bad, `${x} no longer happens: remove it from the list`).toContain(x);
  });
});
