/**
 * How the power lab writes its numbers, shared by the page (build time) and `<jc-power-lab>`
 * (browser), so both print the same text.
 */
import { formatFixed, formatPercent } from '../../format/number.ts';
import type { DetectableHazardRatio } from '../../stats/survival-power.ts';
import type { LabSettings, PowerComparison, PowerRow, SampleSize } from './power-lab.ts';
import { allocationLabel, eventEnds, powerRow, sampleSize } from './power-lab.ts';

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

const PLAN_KEYS = ['events-s', 'events-f', 'proportion', 'patients-s', 'patients-f', 'cohort-s', 'actual', 'times', 'split', 'events-actual', 'assessed', 'cohort-n'] as const;

/** Text pieces of the planner's answer, keyed by `data-plan`. */
export function planCells(c: PowerComparison, s: SampleSize): Record<string, string> {
  return {
    'events-s': String(s.events.schoenfeld),
    'events-f': String(s.events.freedman),
    proportion: formatPercent(c.eventProportion ?? 0, 0),
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

/** `a`, or `a–b` when the two ends print differently. */
function joinEnds(a: string, b: string): string {
  return a === b ? a : `${a}–${b}`;
}

/** `0.36–0.39 or 2.55–2.79`: detectable HRs at the fewest (`few`) and the most (`many`) events. */
function detectableRange(few: DetectableHazardRatio, many: DetectableHazardRatio): string {
  const f = (x: number | null) => (x === null ? 'none' : formatFixed(x, 2));
  return `${joinEnds(f(few.below), f(many.below))} or ${joinEnds(f(many.above), f(few.above))}`;
}

/**
 * The row cells of a comparison under settings `s`: with reconstructed data, ranges over the ends
 * of its events range ({@link eventEnds}); otherwise {@link rowCells} of its counted events.
 */
export function rowCellsOf(c: PowerComparison, s: LabSettings): Record<string, string> {
  if (c.limit !== null) return { split: '–', 'detect-s': '–', 'detect-f': '–', 'power-s': '–', 'power-f': '–' };
  const [few, many] = eventEnds(c).map((x) => powerRow(x, s));
  const a = rowCells(few);
  const b = rowCells(many);
  return {
    split: a.split,
    'detect-s': detectableRange(few.detectable.schoenfeld, many.detectable.schoenfeld),
    'detect-f': detectableRange(few.detectable.freedman, many.detectable.freedman),
    'power-s': joinEnds(a['power-s'], b['power-s']),
    'power-f': joinEnds(a['power-f'], b['power-f']),
  };
}

/** The planner's cells under settings `s`, as ranges over the ends of the events range (see {@link rowCellsOf}). */
export function planCellsOf(c: PowerComparison, s: LabSettings): Record<string, string> {
  if (c.limit !== null) {
    const none = Object.fromEntries(PLAN_KEYS.map((k) => [k, '–']));
    return { ...none, 'events-actual': String(c.events), actual: String(c.nReference + c.nExposed), assessed: String(c.assessed), 'cohort-n': String(c.cohort) };
  }
  const [few, many] = eventEnds(c);
  const a = planCells(few, sampleSize(few, s));
  const b = planCells(many, sampleSize(many, s));
  // More events per patient need fewer patients: the range runs from the `many` end.
  return Object.fromEntries(Object.keys(a).map((k) => {
    const x = a[k];
    const y = b[k];
    return [k, x === y ? x : Number.parseFloat(x) <= Number.parseFloat(y) ? `${x}–${y}` : `${y}–${x}`];
  }));
}
