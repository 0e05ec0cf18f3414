/**
 * What each two-group comparison of the site could detect (src/stats/survival-power.ts), computed
 * once by `npm run data` into src/generated/power.json: for every hazard ratio of the calcification
 * and enhancement views, the detectable HRs below and above 1 with the study's α and a design power
 * of 80%, for its events (counted, or both ends of their range across the reconstructions) and its
 * allocation, and the events Schoenfeld's formula needs for HR 1.5. Pages format these numbers;
 * they compute none.
 */
import { z } from 'zod';
import { detectableHazardRatio, schoenfeldEvents } from '../stats/survival-power.ts';
import type { SurvivalView } from './site-data.ts';
import type { Uncertainty } from './uncertainty-schema.ts';

/** Power the story assumes when it asks what the study could detect (a conventional design value). */
export const DESIGN_POWER = 0.8;

const Detectable = z.object({ below: z.number().nullable(), above: z.number().nullable() }).strict();

export const ComparisonPower = z
  .object({
    view: z.string(),
    /** The level compared with the reference. */
    term: z.string(),
    reference: z.string(),
    /** Events of the two groups: counted (lower = upper, `range` false) or their range across the reconstructions. */
    events: z.object({ lower: z.number(), upper: z.number(), range: z.boolean() }).strict(),
    /** Patients in the compared level per patient in the reference; null when either group has no patient. */
    allocation: z.number().nullable(),
    /** Detectable HRs for the fewest events (the widest band) and for the most. */
    few: Detectable,
    many: Detectable,
    /** Events needed to detect HR 1.5 with this allocation (Schoenfeld), rounded up; null without an allocation. */
    eventsFor15: z.number().int().nullable(),
  })
  .strict();
export type ComparisonPower = z.infer<typeof ComparisonPower>;

export const PowerFile = z
  .object({ designPower: z.number(), alpha: z.number(), comparisons: z.array(ComparisonPower) })
  .strict();
export type PowerFile = z.infer<typeof PowerFile>;

/** Total events of the given groups of a view (sum of the Kaplan–Meier event counts; 0 for a group without patients). */
export function eventsOf(view: SurvivalView, groups?: readonly string[]): number {
  let d = 0;
  for (const g of groups ?? view.analysis.groups) d += view.analysis.km[g]?.nEvent.reduce((a, b) => a + b, 0) ?? 0;
  return d;
}

const UNDETECTABLE = { below: null, above: null } as const;

/**
 * Detectable HRs of one comparison: `events` counted, or their range across the reconstructions.
 * A comparison with a group without patients has no allocation and detects nothing; without
 * events nothing is detectable either (`below` and `above` null): the pages say why.
 */
export function comparisonPower(
  events: number | { readonly lower: number; readonly upper: number },
  nReference: number,
  nOther: number,
  alpha: number,
): Omit<ComparisonPower, 'view' | 'term' | 'reference'> {
  const allocation = nReference > 0 && nOther > 0 ? nOther / nReference : null;
  const at = (d: number) => (allocation !== null && d > 0 ? detectableHazardRatio({ events: d, allocation, alpha, power: DESIGN_POWER }) : UNDETECTABLE);
  const [lower, upper] = typeof events === 'number' ? [events, events] : [events.lower, events.upper];
  return {
    events: { lower, upper, range: typeof events !== 'number' },
    allocation,
    few: at(lower),
    many: at(upper),
    eventsFor15: allocation === null ? null : Math.ceil(schoenfeldEvents({ hazardRatio: 1.5, allocation, alpha, power: DESIGN_POWER })),
  };
}

/** Every comparison of the grouped views against their reference level. */
export function buildPower(views: readonly SurvivalView[], uncertainty: Uncertainty | null, alpha: number): PowerFile {
  const comparisons: ComparisonPower[] = [];
  for (const view of views) {
    const a = view.analysis;
    if (!a.reference || !a.cox) continue;
    const ref = a.reference;
    const u = uncertainty?.views.find((v) => v.id === view.id) ?? null;
    for (const { term } of a.cox.terms) {
      const range = u?.hazardRatios.find((h) => h.term === term)?.events ?? null;
      const events = range ?? eventsOf(view, [ref, term]);
      comparisons.push({ view: view.id, term, reference: ref, ...comparisonPower(events, a.groupSizes[ref] ?? 0, a.groupSizes[term] ?? 0, alpha) });
    }
  }
  return { designPower: DESIGN_POWER, alpha, comparisons };
}
