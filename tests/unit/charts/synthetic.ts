/**
 * A fixed synthetic data set for the chart tests: three groups with exponential event and
 * censoring times from a seeded generator, analysed with the site's own `analyseSurvival`.
 */
import { parseHTML } from 'linkedom';
import { analyseSurvival } from '../../../src/analysis/survival-analysis.ts';
import { ENDPOINTS, GROUPINGS } from '../../../src/analysis/views.ts';
import type { EndpointKey, GroupingKey } from '../../../src/analysis/views.ts';
import type { KmData } from '../../../src/charts/km-data.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';
import { viewLimits } from '../../../src/analysis/site-data.ts';
import { mulberry32 } from '../../../src/lib/mulberry32.ts';

/** Months rounded to 0.5, events where the event time comes before censoring. */
function draw(random: () => number, n: number, medianEvent: number, medianCensor: number) {
  const time: number[] = [];
  const event: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const e = (-Math.log(1 - random()) * medianEvent) / Math.LN2;
    const c = (-Math.log(1 - random()) * medianCensor) / Math.LN2;
    time.push(Math.max(0.5, Math.round(Math.min(e, c, 110) * 2) / 2));
    event.push(e <= c && e <= 110 ? 1 : 0);
  }
  return { time, event };
}

/** A SurvivalView of synthetic data for a grouping and endpoint (labels from the site's views). */
export function syntheticView(
  grouping: GroupingKey = 'enhancement',
  endpoint: EndpointKey = 'rfs',
  seed = 42,
  times: readonly number[] = [0, 20, 40, 60],
): SurvivalView {
  const random = mulberry32(seed);
  const meta = GROUPINGS[grouping];
  const sizes = [30, 14, 20, 12, 9];
  const medians = [34, 22, 45, 28, 60];
  const time: number[] = [];
  const event: (0 | 1)[] = [];
  const group: string[] = [];
  meta.levels.forEach((level, k) => {
    const d = draw(random, sizes[k], medians[k], 70);
    time.push(...d.time);
    event.push(...d.event);
    group.push(...d.time.map(() => level));
  });
  const analysis = analyseSurvival(
    { time, event, group: meta.column ? group : undefined },
    meta.column ? { levels: meta.levels, reference: meta.levels[0], times } : { times },
  );
  const ep = ENDPOINTS[endpoint];
  return {
    id: `${grouping}-${endpoint}`,
    grouping,
    endpoint,
    groupingLabel: meta.label,
    endpointLabel: ep.label,
    endpointShort: ep.short,
    yLabel: ep.yLabel,
    groupLabels: meta.groupLabels,
    analysis,
    limits: viewLimits(analysis, meta.levels),
    published: { figure: null, logrankP: null, times: [0, 20, 40, 60], atRisk: null, quartiles: {} },
  };
}

/** A synthetic ensemble band around each curve (±0.05, clipped to [0, 1]). */
export function withSyntheticEnsemble(view: SurvivalView): KmData {
  const ensemble: Record<string, { time: number[]; lower: number[]; upper: number[] }> = {};
  for (const g of view.analysis.groups) {
    const c = view.analysis.km[g];
    const time = [0, ...c.time];
    const surv = [1, ...c.surv];
    ensemble[g] = {
      time,
      lower: surv.map((s) => Math.max(0, s - 0.05)),
      upper: surv.map((s) => Math.min(1, s + 0.05)),
    };
  }
  return { ...view, ensemble };
}

export function makeDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
