/**
 * The six two-group comparisons of the journal club (calcification yes vs no; hyper- and mixed vs
 * hypoenhancing; each for RFS and OS), counted from the build-time views.
 */
import { getView, site } from '../../lib/generated.ts';
import { comparisonsOfView } from './power-lab.ts';
import type { PowerComparison } from './power-lab.ts';

export function journalClubComparisons(): PowerComparison[] {
  return (['calcification', 'enhancement'] as const).flatMap((g) =>
    (['rfs', 'os'] as const).flatMap((e) => comparisonsOfView(getView(g, e), site.patients)),
  );
}
