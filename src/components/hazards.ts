/**
 * The hazard ratios of one view as every page shows them (src/format/uncertainty.ts): pooled over
 * the ensemble and labelled reconstructed with reconstructed data, as computed with real data.
 */
import type { SurvivalView } from '../analysis/site-data.ts';
import { hazardEnsemble } from '../lib/generated.ts';
import { hazardDisplay } from '../format/uncertainty.ts';
import type { HazardDisplay } from '../format/uncertainty.ts';

export interface ViewHazard extends HazardDisplay {
  /** The level compared with the reference. */
  readonly term: string;
  readonly reference: string;
  /** `calcification-os-yes`: the key the pages mark each shown HR with (`data-hr`). */
  readonly key: string;
}

export function viewHazards(view: SurvivalView, digits = 2): ViewHazard[] {
  const a = view.analysis;
  const reference = a.reference ?? '';
  return (a.cox?.terms ?? []).map((t) => ({
    ...hazardDisplay(t, hazardEnsemble(view.id, t.term), digits),
    term: t.term,
    reference,
    key: `${view.id}-${t.term}`,
  }));
}

/** One hazard ratio of a view; throws when the view has no such term. */
export function viewHazard(view: SurvivalView, term: string): ViewHazard {
  const h = viewHazards(view).find((x) => x.term === term);
  if (!h) throw new Error(`no hazard ratio ${term} in view ${view.id}`);
  return h;
}
