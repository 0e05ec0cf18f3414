/** The corpus itself: enough cases, every entry point covered (in-process and as a child process), sidecars well-formed. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, caseNames, readSidecar, type PatientsCase, type PublishedCase, type StatsCase } from './harness.ts';

describe('tests/corpus', () => {
  const stats = caseNames('stats').map((n) => ({ n, c: readSidecar<StatsCase>('stats', n) }));
  const patients = caseNames('patients').map((n) => ({ n, c: readSidecar<PatientsCase>('patients', n) }));
  const published = caseNames('published').map((n) => ({ n, c: readSidecar<PublishedCase>('published', n) }));

  it('holds at least 25 cases, with every entry point covered by a child-process case', () => {
    expect(stats.length + patients.length + published.length).toBeGreaterThanOrEqual(25);
    expect(stats.some((s) => s.c.child)).toBe(true);
    expect(patients.some((s) => s.c.child)).toBe(true);
    expect(published.some((s) => s.c.child === 'audit')).toBe(true);
    expect(published.some((s) => s.c.child === 'data')).toBe(true);
  });

  it('every case has a description, a one-line expected error and its input', () => {
    for (const { n, c } of [...stats, ...patients, ...published]) {
      expect(c.description, n).toMatch(/\S/);
      expect(c.error, n).not.toMatch(/[\n\r]/);
    }
    for (const { n, c } of stats) expect(existsSync(join(CORPUS, 'stats', `${n}.csv`)) || c.generate !== undefined, n).toBe(true);
    for (const { n } of patients) expect(existsSync(join(CORPUS, 'patients', `${n}.csv`)), n).toBe(true);
    for (const { n, c } of published) {
      expect([c.patch, c.text, c.whole].filter((x) => x !== undefined).length, n).toBe(1);
      expect(c.entry.length, n).toBeGreaterThan(0);
      if (c.child) expect(c.entry, n).toContain(c.child);
    }
  });
});
