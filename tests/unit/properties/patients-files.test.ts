/**
 * Property tests of the real-data drop-in (issue 16), on the data step and the page data (no astro
 * build per case: tests/e2e/drop-in.e2e.ts and drop-in-random.e2e.ts build the whole site from the
 * three once-crashing corpus files and from a few seeded files of the same generator):
 *
 * - random small patient files (1–15 rows) that are valid cell by cell, where any group, any event
 *   column and any cell may be empty, all pass validation and yield page data that the pages'
 *   schemas accept (views, power), with no NaN or Infinity; one Cox term for every level each
 *   grouping compares with its reference; a reason in words for every hazard ratio and log-rank test
 *   that cannot be estimated (src/format/limits.ts) and only for those; limits that match an
 *   independent count of the rows; a Kaplan–Meier figure for every view from the chart function
 *   the pages call; and journal-club power cells without NaN. The Astro pages themselves are not
 *   rendered here: the e2e builds do that.
 * - random invalid files (one bad cell in a valid file): refused with an InputError naming the
 *   file, the row and the column, before anything is built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSurvivalViews } from '../../../src/analysis/site-data.ts';
import { ViewsFileSchema } from '../../../src/analysis/site-data-schema.ts';
import { buildPower, PowerFile } from '../../../src/analysis/story-power.ts';
import { GROUPINGS } from '../../../src/analysis/views.ts';
import { kmChart } from '../../../src/charts/km-chart.ts';
import { serverDocument } from '../../../src/charts/server-document.ts';
import { comparisonsOfView, DEFAULT_SETTINGS } from '../../../src/components/jc/power-lab.ts';
import { planCellsOf, rowCellsOf } from '../../../src/components/jc/power-format.ts';
import { hazardReason, logrankReason, viewLimitSentences } from '../../../src/format/limits.ts';
import { parsePatientsCsv } from '../../../src/io/patients.ts';
import { readPublishedJson } from '../../../src/published/read-json.ts';
import { SurvivalFile } from '../../../src/published/survival-schema.ts';
import { InputError } from '../../../src/stats/validate.ts';
import { runs } from './arbitraries.ts';
import { csv, fileArb, HEADER, type Row } from './patient-files.ts';

const survival = readPublishedJson('data/published/survival.json', SurvivalFile);
const document = serverDocument();

/** Levels of a grouping with at least one row in the file, counted from the rows themselves. */
function presentLevels(rows: readonly Row[], grouping: 'calcification' | 'enhancement'): string[] {
  const pick = (r: Row) => (grouping === 'calcification' ? r.calc : r.enh);
  return GROUPINGS[grouping].levels.filter((l) => rows.some((r) => pick(r) === l));
}

describe('drop-in patient files (property tests)', () => {
  // Async, yielding once per file: 200 files take about 25 s, and a worker that never yields for a
  // minute (easily, on a busy machine) makes vitest's own messages time out ("Timeout calling onTaskUpdate").
  it('every file that is valid cell by cell passes validation and yields complete page data, each missing number with its reason', async () => {
    let emptyGroup = 0;
    let noEvents = 0;
    let singleGroup = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (rows) => {
        await new Promise((resolve) => setImmediate(resolve));
        const patients = parsePatientsCsv(csv(rows), 'fuzz.csv');
        const views = buildSurvivalViews(patients, survival);
        ViewsFileSchema.parse(JSON.parse(JSON.stringify(views)));
        PowerFile.parse(JSON.parse(JSON.stringify(buildPower(views, null, 0.05))));
        expect(JSON.stringify(views)).not.toMatch(/NaN|Infinity/);
        expect(views.map((v) => v.id)).toEqual(['all-rfs', 'all-os', 'calcification-rfs', 'calcification-os', 'enhancement-rfs', 'enhancement-os']);
        for (const view of views) {
          const a = view.analysis;
          const meta = GROUPINGS[view.grouping];
          if (meta.column) {
            const present = presentLevels(rows, view.grouping as 'calcification' | 'enhancement');
            expect(a.groups).toEqual(present);
            expect(view.limits.emptyGroups).toEqual(meta.levels.filter((l) => !present.includes(l)));
            expect(a.cox?.terms.map((t) => t.term)).toEqual(meta.levels.slice(1));
            if (view.limits.emptyGroups.length) emptyGroup++;
            if (present.length === 1) singleGroup++;
            // A grouped view without a log-rank test says why, and only then.
            expect(logrankReason(view) !== null).toBe(a.logrank === null);
          }
          const events = a.groups.reduce((n, g) => n + a.km[g].nEvent.reduce((x, y) => x + y, 0), 0);
          expect(view.limits.noEvents).toBe(events === 0);
          if (events === 0) noEvents++;
          // Every hazard ratio that cannot be estimated comes with its reason, and only those.
          for (const t of a.cox?.terms ?? []) expect(hazardReason(view, t.term) !== null, `${view.id} ${t.term}`).toBe(t.hr === null);
          // Something unusual is always said in words, in whole sentences.
          const limits = viewLimitSentences(view);
          if (view.limits.emptyGroups.length || view.limits.noEvents || view.limits.groupsWithoutEvents.length) expect(limits.length).toBeGreaterThan(0);
          for (const sentence of limits) expect(sentence).toMatch(/^[A-Z][^\n]*\.$/);
          // The chart function the pages call draws every view.
          const svg = kmChart(view, { width: 360 }, { document }).outerHTML;
          expect(svg).not.toMatch(/NaN|undefined|Infinity/);
          // The journal club's power lab: every comparison the grouping makes, as text.
          for (const c of comparisonsOfView(view, patients.length)) {
            const cells = { ...rowCellsOf(c, DEFAULT_SETTINGS), ...planCellsOf(c, DEFAULT_SETTINGS) };
            expect(JSON.stringify(cells)).not.toMatch(/NaN|undefined|Infinity|null/);
            expect(c.limit !== null).toBe(c.events === 0 || c.nReference === 0 || c.nExposed === 0);
          }
        }
      }),
      runs(20261202, 200),
    );
    // The unusual shapes were exercised (fixed seed: the counts are the same every run).
    expect(emptyGroup).toBeGreaterThan(50);
    expect(noEvents).toBeGreaterThan(50);
    expect(singleGroup).toBeGreaterThan(20);
  });

  const BAD_CELLS: readonly { column: string; value: string }[] = [
    { column: 'calcification', value: 'maybe' },
    { column: 'calcification', value: 'Yes' },
    { column: 'enhancement', value: 'hyp\u200ber' },
    { column: 'enhancement', value: 'iso' },
    { column: 'rfs_months', value: '-1' },
    { column: 'rfs_months', value: 'abc' },
    { column: 'os_months', value: '1e300' },
    { column: 'os_months', value: '' },
    { column: 'rfs_event', value: '2' },
    { column: 'os_event', value: 'yes' },
    { column: 'id', value: 'x'.repeat(201) },
    { column: 'id', value: '' },
  ];

  it('one bad cell anywhere in a valid file is refused, naming the file, its row and its column', () => {
    fc.assert(
      fc.property(fileArb, fc.nat(), fc.constantFrom(...BAD_CELLS), (rows, at, bad) => {
        const lines = csv(rows).trimEnd().split('\n');
        const row = (at % rows.length) + 1;
        const j = HEADER.split(',').indexOf(bad.column);
        const cells = lines[row].split(',');
        cells[j] = bad.value;
        lines[row] = cells.join(',');
        let error: unknown;
        try {
          parsePatientsCsv(`${lines.join('\n')}\n`, 'fuzz.csv');
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(InputError);
        const e = error as InputError;
        expect(e.message).toMatch(/^fuzz\.csv: [^\n]+$/);
        expect(e.row).toBe(row);
        expect(e.field).toBe(bad.column);
        expect(e.message).toContain(`row ${row}, column "${bad.column}"`);
      }),
      runs(20261203, 200),
    );
  });
});
