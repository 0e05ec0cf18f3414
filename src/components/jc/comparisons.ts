/**
 * The six two-group comparisons of the journal club (calcification yes vs no; hyper- and mixed vs
 * hypoenhancing; each for RFS and OS), counted from the build-time views. With reconstructed data
 * each hazard ratio is the one pooled over the reconstructions, and events and log-rank p carry
 * their ranges across them (src/analysis/uncertainty.ts).
 */
import { getView, getViewUncertainty, site } from '../../lib/generated.ts';
import { formatPRange } from '../../format/uncertainty.ts';
import { viewHazard } from '../hazards.ts';
import { comparisonsOfView } from './power-lab.ts';
import type { PowerComparison } from './power-lab.ts';

export function journalClubComparisons(): PowerComparison[] {
  return (['calcification', 'enhancement'] as const).flatMap((g) =>
    (['rfs', 'os'] as const).flatMap((e) => {
      const view = getView(g, e);
      const u = getViewUncertainty(view.id);
      return comparisonsOfView(view, site.patients).map((c): PowerComparison => {
        const pooled = u?.hazardRatios.find((h) => h.term === c.exposed);
        if (!u || !pooled) return c;
        const h = viewHazard(view, c.exposed);
        return {
          ...c,
          hazardRatio: { est: pooled.hr, lower: pooled.lower, upper: pooled.upper },
          reconstructed: { hrRange: h.memberRange ?? '–', note: h.note ?? '', logrankP: formatPRange(pooled.logrankP), events: pooled.events },
        };
      });
    }),
  );
}
