/**
 * SVG snapshots of the Kaplan–Meier figure: a fixed synthetic data set, and every grouping ×
 * endpoint of the site's data (data/reconstructed/patients.csv). Numbers are rounded to 3 decimals
 * and ids renumbered before comparing; update with `npx vitest run tests/unit/charts -u`.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSurvivalViews } from '../../../src/analysis/site-data.ts';
import { kmChart } from '../../../src/charts/km-chart.ts';
import { kmCaption, kmDescription, kmTitle } from '../../../src/charts/km-summary.ts';
import { readPatientsCsv } from '../../../src/io/patients.ts';
import { readPublishedJson } from '../../../src/published/read-json.ts';
import { SurvivalFile } from '../../../src/published/survival-schema.ts';
import { makeDocument, syntheticView, withSyntheticEnsemble } from './synthetic.ts';
import { normaliseSvg } from './snapshot-utils.ts';

const document = makeDocument();
const PATIENTS = 'data/reconstructed/patients.csv';
const hasPatients = existsSync(PATIENTS);

describe('KM figure snapshots: synthetic data (seeded)', () => {
  const cases = [
    { name: 'synthetic-enhancement-rfs', data: withSyntheticEnsemble(syntheticView('enhancement', 'rfs')), options: { median: true, ensemble: true } },
    { name: 'synthetic-calcification-os', data: syntheticView('calcification', 'os', 7), options: {} },
    { name: 'synthetic-all-rfs-narrow', data: syntheticView('all', 'rfs', 3), options: { width: 320 } },
    { name: 'synthetic-enhancement-os-narrow', data: syntheticView('enhancement', 'os', 11), options: { width: 320, ci: false } },
    {
      name: 'synthetic-calcification-rfs-export',
      data: syntheticView('calcification', 'rfs', 5),
      options: { standalone: true, labels: 'direct' as const, title: 'Synthetic', caption: 'A synthetic caption for the export.' },
    },
  ];
  for (const c of cases) {
    it(`kmChart(${c.name}) matches tests/snapshots/km-${c.name}.svg`, async () => {
      const svg = kmChart(c.data, { idPrefix: 'snap', title: kmTitle(c.data), ...c.options }, { document });
      await expect(normaliseSvg(svg.outerHTML)).toMatchFileSnapshot(`../../snapshots/km-${c.name}.svg`);
    });
  }
});

describe('KM figure snapshots: the site data', () => {
  if (!hasPatients) {
    it.skip(`every grouping × endpoint (skipped: ${PATIENTS} is missing — run \`npm run reconstruct\` to create it)`, () => {});
    return;
  }
  const views = buildSurvivalViews(readPatientsCsv(PATIENTS), readPublishedJson('data/published/survival.json', SurvivalFile));
  it('covers all six views', () => {
    expect(views.map((v) => v.id).sort()).toEqual(
      ['all-os', 'all-rfs', 'calcification-os', 'calcification-rfs', 'enhancement-os', 'enhancement-rfs'].sort(),
    );
  });
  for (const id of ['all-rfs', 'all-os', 'calcification-rfs', 'calcification-os', 'enhancement-rfs', 'enhancement-os']) {
    it(`kmChart(${id}) matches tests/snapshots/km-${id}.svg`, async () => {
      const view = views.find((v) => v.id === id)!;
      const svg = kmChart(
        view,
        {
          idPrefix: 'snap',
          allLayers: true,
          title: kmTitle(view),
          description: kmDescription(view, [0, 20, 40, 60], view.published.logrankP?.printed ?? null),
          caption: kmCaption(view, { reconstructed: true }),
        },
        { document },
      );
      await expect(normaliseSvg(svg.outerHTML)).toMatchFileSnapshot(`../../snapshots/km-${id}.svg`);
    });
  }
});
