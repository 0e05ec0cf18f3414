/**
 * The story's own hazard ratios (Cox models of the patient-level data) for the two signs and both
 * endpoints, each with the range of hazard ratios its comparison could not reliably detect: the
 * interval between the detectable HRs below and above 1 for its number of events and group sizes
 * (80% power, two-sided α from the paper's methods; src/stats/survival-power.ts).
 */
import { getView } from '../../lib/generated.ts';
import type { EndpointKey } from '../../analysis/views.ts';
import { detectableHazardRatio } from '../../stats/survival-power.ts';
import { formatEstimateCI, formatFixed, formatP } from '../../format/number.ts';
import { DESIGN_POWER, eventsOf, textValue } from './numbers.ts';
import type { ForestRow } from './forest.ts';

export interface HazardRow extends ForestRow {
  readonly sign: 'Calcification' | 'Arterial enhancement';
  readonly endpoint: string;
  readonly comparison: string;
  readonly events: number;
  readonly text: string;
  readonly p: string;
  readonly detectable: string;
}

export function hazardRows(): HazardRow[] {
  const alpha = textValue('methods-alpha', 'threshold');
  const out: HazardRow[] = [];
  for (const grouping of ['calcification', 'enhancement'] as const) {
    for (const endpoint of ['rfs', 'os'] as EndpointKey[]) {
      const view = getView(grouping, endpoint);
      const a = view.analysis;
      const ref = a.reference ?? a.groups[0];
      for (const t of a.cox?.terms ?? []) {
        const events = eventsOf(view, [ref, t.term]);
        const allocation = a.groupSizes[t.term] / a.groupSizes[ref];
        const d = detectableHazardRatio({ events, allocation, alpha, power: DESIGN_POWER });
        const comparison = `${view.groupLabels[t.term] ?? t.term} vs ${(view.groupLabels[ref] ?? ref).toLowerCase()}`;
        out.push({
          key: `${grouping}-${endpoint}-${t.term}`,
          label: `${view.endpointShort}: ${comparison}`,
          sign: grouping === 'calcification' ? 'Calcification' : 'Arterial enhancement',
          endpoint: view.endpointShort,
          comparison,
          hr: t.hr,
          lower: t.lower,
          upper: t.upper,
          events,
          text: formatEstimateCI(t.hr, t.lower, t.upper),
          p: formatP(t.p),
          shade: d.below !== null && d.above !== null ? { lower: d.below, upper: d.above } : null,
          detectable: `≤ ${formatFixed(d.below)} or ≥ ${formatFixed(d.above)}`,
        });
      }
    }
  }
  return out;
}
