/**
 * The real-data drop-in never half-builds (issue 16): the three well-formed patient files that once
 * crashed `astro build` half-way (no patient with mixed enhancement, no hyperenhancing patient,
 * every patient censored; tests/corpus/patients-valid/) each build the whole site with the real
 * `npm run build` in a throw-away copy of the project (tests/e2e/drop-in.ts). The built site has
 * every page the reference build (E2E_DIST, default dist/) has, no page prints `undefined`, `NaN`
 * or `Infinity`, the pages say in words what the file cannot support (the case's `limits`), and the
 * pages that draw the affected views run in Chromium without a console error.
 *
 * Each case is a full build (about two minutes on a busy 2-core machine), so only these three run
 * here; tests/e2e/drop-in-random.e2e.ts builds a few seeded random files, and the data step is
 * covered for many more by tests/unit/properties/patients-files.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from './harness.ts';
import { openBrowser } from './browsers.ts';
import type { TestBrowser } from './browsers.ts';
import { BUILD_TIMEOUT_MS, buildDropIn } from './drop-in.ts';
import { checkDropInSite } from './drop-in-check.ts';
import { CORPUS } from '../unit/robustness/harness.ts';

interface ValidCase {
  readonly description: string;
  readonly limits: readonly string[];
}

let browser: TestBrowser;
beforeAll(async () => {
  browser = await openBrowser('chromium');
});
afterAll(async () => {
  await browser?.close();
});

describe('real-data drop-in: the files that once crashed astro build now build a complete site', () => {
  it('the reference build exists (npm run build ran first)', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
  });

  for (const name of ['no-mixed-group', 'no-hyper-group', 'all-censored']) {
    it(
      name,
      async () => {
        const c = JSON.parse(readFileSync(join(CORPUS, 'patients-valid', `${name}.json`), 'utf8')) as ValidCase;
        const b = await buildDropIn(readFileSync(join(CORPUS, 'patients-valid', `${name}.csv`)));
        try {
          await checkDropInSite(b, c.limits, browser);
        } finally {
          b.remove();
        }
      },
      BUILD_TIMEOUT_MS,
    );
  }
});
