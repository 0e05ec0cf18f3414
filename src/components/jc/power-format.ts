/**
 * How the power lab writes its numbers, shared by the page (build time) and `<jc-power-lab>`
 * (browser), so both print the same text.
 */
import { formatFixed, formatPercent } from '../../format/number.ts';
import type { DetectableHazardRatio } from '../../stats/survival-power.ts';
import type { PowerComparison, PowerRow, SampleSize } from './power-lab.ts';
import { allocationLabel } from './power-lab.ts';

/** `0.38 or 2.63`; a side no number of events reaches shows as `none`. */
export function formatDetectable(d: DetectableHazardRatio): string {
  const below = d.below === null ? 'none' : formatFixed(d.below, 2);
  const above = d.above === null ? 'none' : formatFixed(d.above, 2);
  return `${below} or ${above}`;
}

export function formatPower(p: number): string {
  return formatPercent(p, 0);
}

export function formatHazardRatio(hr: number): string {
  return formatFixed(hr, 2);
}

/** Every text cell of one comparison's table row, keyed by the `data-cell` suffix. */
export function rowCells(r: PowerRow): Record<string, string> {
  return {
    split: allocationLabel(r.allocation),
    'detect-s': formatDetectable(r.detectable.schoenfeld),
    'detect-f': formatDetectable(r.detectable.freedman),
    'power-s': formatPower(r.power.schoenfeld),
    'power-f': formatPower(r.power.freedman),
  };
}

/** Text pieces of the planner's answer, keyed by `data-plan`. */
export function planCells(c: PowerComparison, s: SampleSize): Record<string, string> {
  return {
    'events-s': String(s.events.schoenfeld),
    'events-f': String(s.events.freedman),
    proportion: formatPercent(c.eventProportion, 0),
    'patients-s': String(s.patients.schoenfeld),
    'patients-f': String(s.patients.freedman),
    'cohort-s': String(s.cohort.schoenfeld),
    actual: String(c.nReference + c.nExposed),
    times: formatFixed(s.timesActual, 1),
    split: allocationLabel(s.allocation),
    'events-actual': String(c.events),
    assessed: String(c.assessed),
    'cohort-n': String(c.cohort),
  };
}
