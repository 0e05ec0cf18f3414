/**
 * The drop-in property, built for real on a few cases (issue 16): seeded random small patient files
 * from the generator of the unit property test (tests/unit/properties/patient-files.ts: any group
 * may be empty, any event column all zeros) each build the whole site with the real
 * `npm run build`, checked as the corpus files are (tests/e2e/drop-in-check.ts); and random invalid
 * files (one bad cell) are refused by `npm run build` in one line naming the file, row and column,
 * before astro starts (no dist/, no temporary build folder).
 *
 * A full build takes about two minutes here, so only two random files are built; the unit property
 * test runs 200 files through the data step and the page data.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './browsers.ts';
import type { TestBrowser } from './browsers.ts';
import { BUILD_TIMEOUT_MS, buildDropIn } from './drop-in.ts';
import { checkDropInSite } from './drop-in-check.ts';
import { csv, fileArb, HEADER } from '../unit/properties/patient-files.ts';
import { viewLimitSentences } from '../../src/format/limits.ts';
import { buildSurvivalViews } from '../../src/analysis/site-data.ts';
import { parsePatientsCsv } from '../../src/io/patients.ts';
import { readPublishedJson } from '../../src/published/read-json.ts';
import { SurvivalFile } from '../../src/published/survival-schema.ts';

const SEED = 20261216;
const files = fc.sample(fileArb, { seed: SEED, numRuns: 2 });
const survival = readPublishedJson('data/published/survival.json', SurvivalFile);

let browser: TestBrowser;
beforeAll(async () => {
  browser = await openBrowser('chromium');
});
afterAll(async () => {
  await browser?.close();
});

describe(`random drop-in files (seed ${SEED}) build a complete site`, () => {
  files.forEach((rows, k) => {
    const text = csv(rows);
    it(
      `file ${k + 1} (${rows.length} rows)`,
      async () => {
        // The sentences the pages must show are those the data step gives this file (the unit tests
        // check them against the rows); the explorer must show every one of them.
        const views = buildSurvivalViews(parsePatientsCsv(text, 'random.csv'), survival);
        const limits = [...new Set(views.flatMap(viewLimitSentences))];
        const b = await buildDropIn(text);
        try {
          await checkDropInSite(b, limits, browser);
        } finally {
          b.remove();
        }
      },
      BUILD_TIMEOUT_MS,
    );
  });
});

describe(`random invalid drop-in files (seed ${SEED}) are refused before astro build`, () => {
  const BAD = [
    { column: 'enhancement', value: 'iso' },
    { column: 'os_months', value: '-3' },
    { column: 'rfs_event', value: 'yes' },
  ] as const;
  const cases = fc.sample(fc.tuple(fileArb, fc.nat(), fc.constantFrom(...BAD)), { seed: SEED + 1, numRuns: 2 });
  cases.forEach(([rows, at, bad], k) => {
    it(
      `file ${k + 1}: ${bad.column} = ${JSON.stringify(bad.value)}`,
      async () => {
        const lines = csv(rows).trimEnd().split('\n');
        const row = (at % rows.length) + 1;
        const cells = lines[row].split(',');
        cells[HEADER.split(',').indexOf(bad.column)] = bad.value;
        lines[row] = cells.join(',');
        const b = await buildDropIn(`${lines.join('\n')}\n`);
        try {
          expect(b.code).toBe(1);
          expect(b.stdout).toBe('');
          expect(b.stderr).toMatch(new RegExp(`^error: data/patients\\.csv: [^\\n]*row ${row}, column "${bad.column}"[^\\n]*\\n$`));
          // Refused before astro: no dist/ and no temporary build folder.
          expect(readdirSync(b.root).filter((n) => n.startsWith('dist'))).toEqual([]);
          expect(existsSync(join(b.root, 'src/generated/views.json'))).toBe(false);
        } finally {
          b.remove();
        }
      },
      BUILD_TIMEOUT_MS,
    );
  });
});
