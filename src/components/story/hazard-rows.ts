/**
 * The story's own hazard ratios (Cox models of the patient-level data; pooled over the ensemble
 * with reconstructed data, src/components/hazards.ts) for the two signs and both endpoints, each
 * with the range of hazard ratios its comparison could not reliably detect: the interval between
 * the detectable HRs below and above 1 for its number of events and group sizes (80% power,
 * two-sided α from the paper's methods; src/stats/survival-power.ts). With reconstructed data the
 * events are a range across the reconstructions; the band is drawn for the fewest of them (the
 * widest band) and the table gives the detectable HRs at both ends.
 */
import { getView } from '../../lib/generated.ts';
import type { EndpointKey } from '../../analysis/views.ts';
import { viewHazards } from '../hazards.ts';
import { detectable } from './numbers.ts';
import type { ForestRow } from '../../charts/forest.ts';

export interface HazardRow extends ForestRow {
  readonly sign: 'Calcification' | 'Arterial enhancement';
  readonly endpoint: string;
  readonly comparison: string;
  /** Events in the two groups: a count, or the range across the reconstructions (`36–43`). */
  readonly events: string;
  readonly text: string;
  readonly p: string;
  readonly detectable: string;
  /** `reconstructed: pooled over 200 reconstructions, …`; null with real data. */
  readonly note: string | null;
  /** Range of the single reconstructions' HRs (`0.42–0.46`); null with real data. */
  readonly memberRange: string | null;
}

export function hazardRows(): HazardRow[] {
  const out: HazardRow[] = [];
  for (const grouping of ['calcification', 'enhancement'] as const) {
    for (const endpoint of ['rfs', 'os'] as EndpointKey[]) {
      const view = getView(grouping, endpoint);
      const a = view.analysis;
      const ref = a.reference ?? a.groups[0];
      for (const h of viewHazards(view)) {
        const d = detectable(view.id, h.term);
        const comparison = `${view.groupLabels[h.term] ?? h.term} vs ${(view.groupLabels[ref] ?? ref).toLowerCase()}`;
        out.push({
          key: h.key,
          label: `${view.endpointShort}: ${comparison}`,
          sign: grouping === 'calcification' ? 'Calcification' : 'Arterial enhancement',
          endpoint: view.endpointShort,
          comparison,
          hr: h.hr,
          lower: h.lower,
          upper: h.upper,
          events: d.events,
          text: h.text,
          p: h.pText,
          shade: d.undetectable,
          detectable: `≤ ${d.below} or ≥ ${d.above}`,
          note: h.note,
          memberRange: h.memberRange,
        });
      }
    }
  }
  return out;
}
