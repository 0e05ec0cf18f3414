/**
 * Well-formed drop-in files that cannot support every statistic (tests/corpus/patients-valid/: a
 * group without patients, no events, a single group, a grouping nobody was assessed for). Three of
 * them once crashed `astro build` half-way and were then refused; any valid file must now build.
 * Here the data step (`runBuildData`, in a temporary project copy) accepts each, writes every
 * generated file, the files pass the schemas the pages parse them with, and the sentences the
 * pages show (src/format/limits.ts) include the case's `limits`. tests/e2e/drop-in.e2e.ts builds
 * the whole site from the three once-crashing files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuildData } from '../../../src/cli/build-data.ts';
import { ViewsFileSchema } from '../../../src/analysis/site-data-schema.ts';
import { PowerFile } from '../../../src/analysis/story-power.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';
import { hazardReason, logrankReason, viewLimitSentences } from '../../../src/format/limits.ts';
import { caseNames, makeProject, readSidecar, validPatientsInput, type ValidPatientsCase } from './harness.ts';

const cases = caseNames('patients-valid').map((name) => ({ name, ...readSidecar<ValidPatientsCase>('patients-valid', name) }));

/** Every sentence the pages can show for these views. */
function sentences(views: readonly SurvivalView[]): string[] {
  return views.flatMap((v) => [
    ...viewLimitSentences(v),
    ...(v.analysis.cox?.terms ?? []).map((t) => hazardReason(v, t.term)),
    logrankReason(v),
  ]).filter((s): s is string => s !== null);
}

describe('patients-valid corpus: the data step accepts each file and says what it cannot estimate', () => {
  it('holds the three files that once crashed astro build', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['all-censored', 'no-hyper-group', 'no-mixed-group']));
  });

  for (const c of cases) {
    it(`${c.name}: ${c.description}`, () => {
      const project = makeProject({ patients: validPatientsInput(c.name) });
      try {
        let stdout = '';
        let stderr = '';
        const code = runBuildData([], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, project.root);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^data: wrote 8 files/);
        const read = (f: string) => JSON.parse(readFileSync(join(project.root, 'src/generated', f), 'utf8'));
        const views = ViewsFileSchema.parse(read('views.json')) as unknown as SurvivalView[];
        PowerFile.parse(read('power.json'));
        expect(JSON.stringify(views)).not.toMatch(/NaN|Infinity/);
        // Every comparison the pages name is there, estimable or not.
        for (const v of views.filter((x) => x.grouping !== 'all')) {
          expect(v.analysis.cox?.terms.map((t) => t.term)).toEqual(v.grouping === 'calcification' ? ['yes'] : ['hyper', 'mixed']);
        }
        const shown = sentences(views);
        for (const limit of c.limits) expect(shown).toContain(limit);
        // A missing number always comes with its reason.
        for (const v of views) {
          for (const t of v.analysis.cox?.terms ?? []) expect(t.hr === null).toBe(hazardReason(v, t.term) !== null);
        }
      } finally {
        project.remove();
      }
    });
  }
});
