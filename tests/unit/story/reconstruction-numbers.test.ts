import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageNumbers, reconstructionNumbers } from '../../../src/components/reconstruction/reconstruction-numbers.ts';
import { reconstruction, site } from '../../../src/lib/generated.ts';
import { loadPublished } from '../../../src/published/load.ts';
import { fillPlaceholders } from '../../../src/format/placeholders.ts';
import { atRiskNote, fidelitySections } from '../../../src/components/reconstruction/fidelity-rows.ts';
import { TICKS_PER_MONTH } from '../../../src/reconstruct/encoding.ts';
import { BAND_QUANTILES } from '../../../src/reconstruct/ensemble.ts';
import { numberWord } from '../../../src/format/words.ts';
import { CASE_PATIENTS } from '../../../src/reconstruct/general/validation/cases.ts';

const survival = loadPublished().survival;
/** The prose of /reconstruction/: content/reconstruction.mdx and its sections, without comments. */
const prose = ['content/reconstruction.mdx', ...readdirSync('content/reconstruction').map((f) => `content/reconstruction/${f}`)]
  .map((f) => readFileSync(f, 'utf8').replace(/\{\/\*[\s\S]*?\*\/\}/g, ''))
  .join('\n');

describe('the numbers of /reconstruction/ (content/reconstruction.mdx)', () => {
  it('with real data there is no report: its sections are left out, the file and its counts stay', () => {
    const realSite = { ...site, reconstructed: false, patientFile: 'data/patients.csv', patients: 90, calcificationAssessed: 70, enhancementAssessed: 60, bothAssessed: 50 };
    const n = reconstructionNumbers({ site: realSite, survival, report: null });
    expect([n.fidelity, n.ensemble, n.validation, n.forced]).toEqual([null, null, null, null]);
    expect(n.seed).toBe('–');
    expect(n.reconstructed).toBe(false);
    expect(n.patients).toBe(90);
    expect(n.neither).toBe(90 - 70 - 60 + 50);
    expect(n.targets).toEqual({ atRisk: 0, quartiles: 0, logrank: 0 });
  });

  it('takes the times at risk and the window from the printed figures', () => {
    const n = reconstructionNumbers({ site, survival, report: null });
    expect(n.atRiskTimes).toBe(n.facts.atRiskTimes.join(', ').replace(/, (\d+)$/, ' and $1'));
    const shifted = { ...survival, figures: survival.figures.map((f) => ({ ...f, times: [0, 12, 24] })) };
    const m = reconstructionNumbers({ site, survival: shifted as typeof survival, report: null });
    expect(m.atRiskTimes).toBe('0, 12 and 24');
    expect(m.facts.window).toBe(12);
  });

  it('quotes the reports of this build', () => {
    const n = pageNumbers();
    if (!reconstruction) return expect(n.fidelity).toBeNull();
    expect(n.fidelity?.summary).toEqual(reconstruction.fidelity.summary);
    expect(n.fidelity?.sections.reduce((s, x) => s + x.total, 0)).toBe(reconstruction.fidelity.targets.length);
    expect(n.seed).toBe(reconstruction.fidelity.seed);
    expect(n.ensemble?.members).toBe(reconstruction.ensemble?.members);
    expect(n.validation?.members).toBe(reconstruction.validation?.settings.members);
  });

  it('the prose types none of the numbers the data give', () => {
    const n = pageNumbers();
    const f = n.facts;
    const values = [f.cohortN, f.calcN, f.enhN, f.minOverlap, f.calcYes.n, f.calcYes.medianOs, f.calcYes.lastAtRisk, f.osAtRiskLast.calcification, f.osAtRiskLast.enhancement, f.medianOs, f.medianFollowUp, n.patients, n.both, n.neither, n.seed];
    // One-digit values (2, 3) also name figures and counts of other things: the test looks at the rest.
    for (const v of values.filter((x) => String(x).length > 1)) expect(prose, `the MDX types ${v}`).not.toMatch(new RegExp(`(?<![\\w.])${String(v).replace('.', '\\.')}(?![\\w.])`));
    expect(prose).not.toMatch(/\b0, 20, 40\b/);
  });

  it('builds the report tables: one row per hazard ratio, p-value and trial, every row as wide as its headings', () => {
    const n = pageNumbers();
    if (!reconstruction?.ensemble || !reconstruction.validation) return expect(n.ensemble?.hazardTable ?? null).toBeNull();
    const tables = [n.ensemble!.hazardTable, n.ensemble!.pTable, n.validation!.table];
    expect(tables.map((t) => t.rows.length)).toEqual([reconstruction.ensemble.hazardRatios.length, reconstruction.ensemble.logrankP.length, reconstruction.validation.rows.length]);
    for (const t of tables) for (const r of t.rows) expect((r.lead === undefined ? 0 : 1) + 1 + r.cells.length, t.id).toBe(t.heads.length);
    expect(n.ensemble!.hazardTable.caption).toBe(`Cox hazard ratios across ${reconstruction.ensemble.members} reconstructions (Efron ties)`);
    expect(n.ensemble!.pTable.rows[0].cells[0]).toBe(reconstruction.ensemble.logrankP[0].published.printed);
    expect(n.validation!.table.rows.at(-1)?.header).toBe('Both');
  });

  it('takes the search\'s time step, the band, the trials and the case size from the code that sets them, and types none', () => {
    const n = pageNumbers();
    expect(n.timeStep).toBe(String(1 / TICKS_PER_MONTH));
    expect(prose).toContain('in steps of {rec.timeStep} month');
    expect(prose).not.toMatch(/steps of \d/);
    if (n.ensemble) expect(n.ensemble.band).toBe(`${Math.round((BAND_QUANTILES.upper - BAND_QUANTILES.lower) * 100)}%`);
    expect(prose).toContain('the middle {ensemble.band}');
    expect(prose).not.toMatch(/middle \d+%/);
    if (n.validation && reconstruction?.validation) {
      expect([n.validation.caseMin, n.validation.caseMax]).toEqual([CASE_PATIENTS.min, CASE_PATIENTS.max]);
      expect(n.validation.trials).toBe(numberWord(Object.keys(reconstruction.validation.datasets).length));
    }
    expect(prose).toContain('{validation.caseMin} to {validation.caseMax} patients');
    expect(prose).not.toMatch(new RegExp(`\\b${CASE_PATIENTS.min} to ${CASE_PATIENTS.max}\\b`));
    expect(prose).not.toMatch(/\b(one|two|three|four) real trials\b/);
  });

  it('counts the at-risk targets in the fidelity note: groups × outcomes × times, from the targets', () => {
    const target = (endpoint: string, grouping: string, group: string, time: number) =>
      ({ id: `at-risk-${endpoint}-${grouping}-${group}-${time}`, category: 'at-risk', endpoint, grouping, group, time, kind: 'hard', pass: true }) as never;
    const some = ['rfs', 'os'].flatMap((e) => [['calcification', 'no'], ['calcification', 'yes'], ['enhancement', 'hypo']].flatMap(([g, l]) => [0, 12, 24].map((t) => target(e, g, l, t))));
    expect(atRiskNote(some)).toBe('All 18 printed counts (3 groups × 2 outcomes × 3 times), met exactly by construction.');
    expect(atRiskNote(some.slice(1))).toBe('17 printed counts (3 groups × 2 outcomes × 3 times), met exactly by construction.');
    if (reconstruction) {
      const rows = reconstruction.fidelity.targets.filter((t) => t.category === 'at-risk');
      expect(fidelitySections(reconstruction.fidelity.targets).find((s) => s.id === 'at-risk')?.note).toMatch(new RegExp(`^All ${rows.length} printed counts`));
    }
    expect(readFileSync('src/components/reconstruction/fidelity-rows.ts', 'utf8')).not.toMatch(/\d+ printed counts|\d+ groups ×/);
  });

  it('fills the description placeholder and refuses an unknown one', () => {
    const description = readFileSync('content/reconstruction.mdx', 'utf8').match(/^description: "(.*)"$/m)?.[1] ?? '';
    expect(fillPlaceholders(description, { cohortN: 82 })).toContain('a data set of 82 patients');
    expect(() => fillPlaceholders('{cohort}', { cohortN: 82 })).toThrow(/unknown placeholder \{cohort\}/);
  });
});
