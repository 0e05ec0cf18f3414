/**
 * How uncertain each number computed from reconstructed data is, from the ensemble of
 * reconstructions (data/reconstructed/ensemble.csv): every member is analysed exactly as the site
 * analyses its patient file (src/analysis/site-data.ts), then
 *
 * - each hazard ratio is pooled over the members by Rubin's rules (src/stats/rubin.ts), treating
 *   the members as multiple imputations of the unknown patient data: the pooled 95% CI carries the
 *   Cox model's own uncertainty and the disagreement between reconstructions. Complete-data df =
 *   ∞ (a Cox coefficient is a large-sample estimate), so with identical members the pooled CI is
 *   the ordinary Wald CI. The Wald p is pooled the same way;
 * - log-rank p-values, event counts and the number of patients assessed for both signs are shown
 *   as the range of the middle 95% of members: the 2.5th and 97.5th percentiles (R's type 7, as
 *   `quantile()`), rounded outwards to whole numbers for counts.
 *
 * The result is `src/generated/uncertainty.json`; its schema is in ./uncertainty-schema.ts.
 */
import { quantileSorted } from 'd3-array';
import type { Patient } from '../io/patients.ts';
import type { SurvivalFile } from '../published/survival-schema.ts';
import { rubinPool } from '../stats/rubin.ts';
import { buildSurvivalViews } from './site-data.ts';
import type { SurvivalView } from './site-data.ts';
import { RANGE_PROBABILITIES } from './uncertainty-schema.ts';
import type { EnsembleRange, PooledHazardRatio, Uncertainty, ViewUncertainty } from './uncertainty-schema.ts';

/** The 2.5th–97.5th percentile of finite values (type 7); null when there are none. */
export function ensembleRange(values: readonly (number | null)[]): EnsembleRange | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return { lower: quantileSorted(v, RANGE_PROBABILITIES[0])!, upper: quantileSorted(v, RANGE_PROBABILITIES[1])! };
}

/** {@link ensembleRange} of counts, rounded outwards so it stays whole numbers. */
export function countRange(values: readonly number[]): EnsembleRange {
  const r = ensembleRange(values);
  if (!r) throw new Error('countRange: no values');
  return { lower: Math.floor(r.lower), upper: Math.ceil(r.upper) };
}

function events(view: SurvivalView, groups: readonly string[]): number {
  let d = 0;
  for (const g of groups) for (const x of view.analysis.km[g].nEvent) d += x;
  return d;
}

function pairP(view: SurvivalView, reference: string, term: string): number | null {
  const a = view.analysis;
  if (a.groups.length === 2) return a.logrank?.p ?? null;
  const pair = a.pairwise?.find((c) => (c.a === reference && c.b === term) || (c.a === term && c.b === reference));
  return pair?.p ?? null;
}

function pooledHazardRatio(id: string, term: string, reference: string, memberViews: readonly SurvivalView[]): PooledHazardRatio | null {
  const estimates: number[] = [];
  const variances: number[] = [];
  const hrs: number[] = [];
  for (const v of memberViews) {
    const t = v.analysis.cox?.terms.find((x) => x.term === term);
    if (!t || t.coef === null || t.se === null || t.hr === null || !Number.isFinite(t.coef) || !(t.se > 0)) continue;
    estimates.push(t.coef);
    variances.push(t.se * t.se);
    hrs.push(t.hr);
  }
  if (estimates.length < 2) return null;
  const pooled = rubinPool({ estimates, variances });
  const p = memberViews.map((v) => pairP(v, reference, term));
  const logrankP = ensembleRange(p);
  if (!logrankP) throw new Error(`uncertainty: no log-rank p for ${id} ${term}`);
  return {
    term,
    reference,
    hr: Math.exp(pooled.estimate),
    lower: Math.exp(pooled.lower),
    upper: Math.exp(pooled.upper),
    p: pooled.p,
    df: pooled.df,
    lambda: pooled.lambda,
    members: estimates.length,
    memberRange: ensembleRange(hrs)!,
    events: countRange(memberViews.map((v) => events(v, [reference, term]))),
    logrankP,
  };
}

/**
 * The uncertainty of every view's numbers across the members. `members` are the ensemble's
 * patients (src/io/ensemble.ts); `file` is recorded as their source.
 */
export function ensembleUncertainty(members: readonly (readonly Patient[])[], survival: SurvivalFile, file: string): Uncertainty {
  if (members.length < 2) throw new Error('ensembleUncertainty: needs at least 2 members');
  const analysed = members.map((patients) => buildSurvivalViews(patients, survival));
  const views = analysed[0].map((first, k): ViewUncertainty => {
    const memberViews = analysed.map((vs) => vs[k]);
    const groups = first.analysis.groups;
    const reference = first.analysis.reference;
    const hazardRatios: PooledHazardRatio[] = [];
    if (reference !== null) {
      for (const term of groups) {
        if (term === reference) continue;
        const h = pooledHazardRatio(first.id, term, reference, memberViews);
        if (h) hazardRatios.push(h);
      }
    }
    return {
      id: first.id,
      logrankP: reference === null ? null : ensembleRange(memberViews.map((v) => v.analysis.logrank?.p ?? null)),
      events: Object.fromEntries(groups.map((g) => [g, countRange(memberViews.map((v) => events(v, [g])))])),
      eventsTotal: countRange(memberViews.map((v) => events(v, groups))),
      hazardRatios,
      pairwise:
        first.analysis.pairwise?.map((c) => {
          const pick = (v: SurvivalView) => v.analysis.pairwise?.find((x) => x.a === c.a && x.b === c.b) ?? null;
          return {
            a: c.a,
            b: c.b,
            p: ensembleRange(memberViews.map((v) => pick(v)?.p ?? null))!,
            pHolm: ensembleRange(memberViews.map((v) => pick(v)?.pHolm ?? null))!,
          };
        }) ?? null,
    };
  });
  const count = (f: (p: Patient) => boolean) => countRange(members.map((ps) => ps.filter(f).length));
  return {
    file,
    members: members.length,
    probabilities: [...RANGE_PROBABILITIES],
    assessed: {
      both: count((p) => p.calcification !== null && p.enhancement !== null),
      calcificationOnly: count((p) => p.calcification !== null && p.enhancement === null),
      enhancementOnly: count((p) => p.calcification === null && p.enhancement !== null),
      neither: count((p) => p.calcification === null && p.enhancement === null),
    },
    views,
  };
}
