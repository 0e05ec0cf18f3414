/**
 * The uncertain numbers of one view as short texts, for the places that speak about a view in a
 * sentence (speaker notes, figure text alternatives): log-rank p and events as ranges across the
 * reconstructions, hazard ratios pooled over them. Null with real data.
 */
import type { SurvivalView } from '../analysis/site-data.ts';
import { getViewUncertainty, uncertainty } from '../lib/generated.ts';
import { formatCountRange, formatPRange } from '../format/uncertainty.ts';
import { viewHazards } from './hazards.ts';

export interface ReconstructedViewText {
  readonly members: number;
  /** The omnibus log-rank p across the reconstructions (`0.093–0.098`); null without groups. */
  readonly logrankP: string | null;
  /** Events per group across the reconstructions (`31–37`). */
  readonly events: Readonly<Record<string, string>>;
  /** `Calcifications 0.44 (0.16–1.19)`, pooled; one entry per hazard ratio. */
  readonly hazards: readonly string[];
}

export function reconstructedViewText(view: SurvivalView): ReconstructedViewText | null {
  const u = getViewUncertainty(view.id);
  if (!u || !uncertainty) return null;
  return {
    members: uncertainty.members,
    logrankP: u.logrankP ? formatPRange(u.logrankP) : null,
    events: Object.fromEntries(Object.entries(u.events).map(([g, r]) => [g, formatCountRange(r)])),
    hazards: viewHazards(view).map((h) => `${view.groupLabels[h.term] ?? h.term} ${h.text}`),
  };
}
