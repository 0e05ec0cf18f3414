/**
 * HTML validity: html-validate (the committed .htmlvalidate.json, html-validate:recommended with
 * a few documented relaxations and heading levels checked) finds no error on any built page, at the
 * root and under a sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { DIST, SUB_DIST, SUB_PATH, ensureSubpathBuild } from './builds.ts';
import { htmlFilesBelow } from '../../src/lib/built-files.ts';

beforeAll(() => ensureSubpathBuild(), 660_000);

const PARTIAL: ConfigData = { rules: { 'heading-level': ['error', { minInitialRank: 'any' }] } };

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
      const html = readFileSync(file, 'utf8');
      // A partial (no <html>, e.g. /story-figure/) goes inside a section of another page: its first
      // heading is below <h1>, and only its steps are checked.
      const report = await htmlvalidate.validateString(html, file, /<html[\s>]/i.test(html) ? {} : PARTIAL);
      if (!report.valid) reports.push(...report.results);
    }
    const text = reports.length ? formatterFactory('text')(reports) : '';
    expect(text).toBe('');
  });
});
