/**
 * HTML validity: html-validate (the committed .htmlvalidate.json, html-validate:recommended with
 * a few documented relaxations) finds no error on any built page, at the root and under a sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { DIST, SUB_DIST, SUB_PATH, ensureSubpathBuild } from './builds.ts';
import { htmlFilesBelow } from '../../src/lib/built-files.ts';

beforeAll(() => ensureSubpathBuild(), 660_000);

describe.each([
  [DIST, '/'],
  [SUB_DIST, SUB_PATH],
])('html-validate on %s (built for %s)', (dir) => {
  it('0 errors on every page', async () => {
    const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());
    const pages = htmlFilesBelow(dir);
    expect(pages.length).toBeGreaterThan(10);
    const reports = [];
    for (const page of pages) {
      const file = join(dir, page);
      const report = await htmlvalidate.validateString(readFileSync(file, 'utf8'), file);
      if (!report.valid) reports.push(...report.results);
    }
    const text = reports.length ? formatterFactory('text')(reports) : '';
    expect(text).toBe('');
  });
});
