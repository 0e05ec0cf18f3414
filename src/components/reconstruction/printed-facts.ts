/**
 * The paper's printed numbers that /reconstruction/ reasons with in its prose (cohort sizes, the
 * calcified group's median OS and its numbers at risk, the times of the numbers at risk, the median
 * OS and follow-up), read from the validated published data, so the prose
 * (content/reconstruction.mdx) never types a number of its own. Pure: `(published survival) → facts`.
 */
import type { SurvivalFile } from '../../published/survival-schema.ts';

export interface ReconstructionFacts {
  /** The cohort, and the calcification and enhancement subcohorts (as printed). */
  readonly cohortN: number;
  readonly calcN: number;
  readonly enhN: number;
  /** The smallest possible overlap of the two subcohorts: calcN + enhN − cohortN. */
  readonly minOverlap: number;
  /** The calcified group: its size, its printed median OS, and its OS numbers at risk at the last time. */
  readonly calcYes: { readonly n: number; readonly medianOs: string; readonly lastTime: number; readonly lastAtRisk: number };
  /** OS numbers at risk at the last printed time, summed over the groups of each subcohort. */
  readonly osAtRiskLast: { readonly time: number; readonly calcification: number; readonly enhancement: number };
  /** The times the figures print numbers at risk at (the same under every figure), and the width of a window between two. */
  readonly atRiskTimes: readonly number[];
  readonly window: number;
  /** The whole cohort's median OS and median follow-up, as printed. */
  readonly medianOs: string;
  readonly medianFollowUp: string;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`reconstruction page: data/published/survival.json has no ${what}`);
  return value;
}

export function reconstructionFacts(survival: SurvivalFile): ReconstructionFacts {
  const grouping = (id: string) => must(survival.groupings.find((g) => g.id === id), `grouping ${id}`);
  const calc = grouping('calcification');
  const enh = grouping('enhancement');
  const calcYes = must(calc.groups.find((g) => g.id === 'yes'), 'calcification group yes');
  const osFigure = (id: string) => must(survival.figures.find((f) => f.grouping === id && f.endpoint === 'os'), `OS figure by ${id}`);
  const last = (id: string) => {
    const f = osFigure(id);
    return { time: f.times[f.times.length - 1], total: Object.values(f.atRisk).reduce((n, counts) => n + Number(counts[counts.length - 1]), 0) };
  };
  const calcOs = osFigure('calcification');
  const median = must(
    survival.quantiles.find((q) => q.grouping === 'calcification' && q.group === 'yes' && q.endpoint === 'os'),
    'median OS of the calcified group',
  );
  const times = calcOs.times;
  if (survival.figures.some((f) => f.times.join() !== times.join())) throw new Error('reconstruction page: the figures print numbers at risk at different times');
  const allOs = must(survival.quantiles.find((q) => q.grouping === 'all' && q.endpoint === 'os'), 'median OS of the whole cohort');
  const cohortN = survival.cohort.n.value as number;
  const calcN = calc.n.value as number;
  const enhN = enh.n.value as number;
  return {
    cohortN,
    calcN,
    enhN,
    minOverlap: calcN + enhN - cohortN,
    calcYes: {
      n: calcYes.n.value as number,
      medianOs: median.median.printed,
      lastTime: calcOs.times[calcOs.times.length - 1],
      lastAtRisk: Number(must(calcOs.atRisk.yes, 'OS at risk of the calcified group').at(-1)),
    },
    osAtRiskLast: { time: last('calcification').time, calcification: last('calcification').total, enhancement: last('enhancement').total },
    atRiskTimes: times,
    window: times[1] - times[0],
    medianOs: allOs.median.printed,
    medianFollowUp: survival.followUp.median.printed,
  };
}
