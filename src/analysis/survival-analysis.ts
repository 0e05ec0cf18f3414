/**
 * One survival analysis as the site and the `npm run stats` command report it: Kaplan–Meier per
 * group with quartiles, the KMunicate risk table, the log-rank test (omnibus and, for three or
 * more groups, pairwise with Holm/Bonferroni adjustment) and a Cox model of the grouping.
 *
 * The JSON shape is a public contract (README "stats JSON"); fields are only ever added.
 */
import { kaplanMeier } from '../stats/kaplan-meier.ts';
import type { ConfType, KaplanMeierFit } from '../stats/kaplan-meier.ts';
import { survivalQuartiles } from '../stats/survival-quantile.ts';
import { riskTable } from '../stats/risk-table.ts';
import { logRank } from '../stats/log-rank.ts';
import { pairwiseLogRank } from '../stats/pairwise-log-rank.ts';
import { coxModel } from '../stats/cox-model.ts';
import type { CoxModel } from '../stats/cox-model.ts';
import type { CoxTerm, Ties } from '../stats/cox.ts';
import type { LogRankResult } from '../stats/log-rank.ts';
import type { PairwiseLogRankRow } from '../stats/pairwise-log-rank.ts';
import { InputError, checkSurvivalData } from '../stats/validate.ts';
import type { EventFlag } from '../stats/validate.ts';
import { labelRecord } from '../lib/label-record.ts';

export interface SurvivalAnalysisInput {
  readonly time: readonly number[];
  readonly event: readonly EventFlag[];
  /** Group label per patient; omit for a single-group analysis. */
  readonly group?: readonly string[];
}

export interface SurvivalAnalysisOptions {
  /** Times for the risk table (default 0, 20, 40, 60). */
  readonly times?: readonly number[];
  readonly confType?: ConfType;
  readonly confLevel?: number;
  /** Reference level for hazard ratios (default: the first level). */
  readonly reference?: string;
  /** Order of the groups (default: sorted). */
  readonly levels?: readonly string[];
  readonly ties?: Ties;
}

/** One group's curve in the stable JSON: the Kaplan–Meier fit without its bookkeeping fields. */
export type CurveTable = Pick<KaplanMeierFit, 'time' | 'nRisk' | 'nEvent' | 'nCensor' | 'surv' | 'se' | 'lower' | 'upper'>;

export interface QuantileCI {
  readonly est: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface RiskRow {
  readonly atRisk: readonly number[];
  readonly events: readonly number[];
  readonly censored: readonly number[];
}

export interface SurvivalAnalysis {
  readonly n: number;
  readonly groups: readonly string[];
  readonly groupSizes: Readonly<Record<string, number>>;
  readonly reference: string | null;
  readonly confLevel: number;
  readonly confType: ConfType;
  readonly km: Readonly<Record<string, CurveTable>>;
  readonly quantiles: Readonly<Record<string, { readonly q25: QuantileCI; readonly median: QuantileCI; readonly q75: QuantileCI }>>;
  /**
   * The times, and one row per group under `groups` (not beside `times`: a group may be called
   * `times`). Every object keyed by group label in this result has no prototype, so labels such as
   * `__proto__`, `constructor` or `toString` are ordinary keys and survive `JSON.stringify`.
   */
  readonly riskTable: {
    readonly times: readonly number[];
    readonly groups: Readonly<Record<string, RiskRow>>;
  };
  /** The log-rank test (src/stats/log-rank.ts), with observed and expected events keyed by group. */
  readonly logrank:
    | (Pick<LogRankResult, 'chisq' | 'df' | 'p'> & {
        readonly observed: Readonly<Record<string, number>>;
        readonly expected: Readonly<Record<string, number>>;
      })
    | null;
  /** Pairwise log-rank tests with adjusted p (src/stats/pairwise-log-rank.ts), three or more groups only. */
  readonly pairwise: readonly Pick<PairwiseLogRankRow, 'a' | 'b' | 'chisq' | 'p' | 'pHolm' | 'pBonferroni'>[] | null;
  /** The Cox model of the grouping (src/stats/cox-model.ts); `term` is the level compared with the reference. */
  readonly cox:
    | (Pick<CoxModel, 'ties' | 'wald' | 'likelihoodRatio' | 'score' | 'problems'> & {
        readonly terms: readonly Pick<CoxTerm, 'term' | 'coef' | 'se' | 'hr' | 'lower' | 'upper' | 'p'>[];
      })
    | null;
}

const DEFAULT_TIMES = [0, 20, 40, 60] as const;

function sortedLevels(group: readonly string[]): string[] {
  return [...new Set(group)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Runs the whole analysis. Throws {@link InputError} for invalid data or a grouping with a single level. */
export function analyseSurvival(input: SurvivalAnalysisInput, options: SurvivalAnalysisOptions = {}): SurvivalAnalysis {
  const { time, event, group } = input;
  checkSurvivalData(time, event, group);
  const times = options.times ?? DEFAULT_TIMES;
  const confType = options.confType ?? 'log';
  const confLevel = options.confLevel ?? 0.95;
  const ties = options.ties ?? 'efron';

  const present = group ? sortedLevels(group) : ['all'];
  let levels = present;
  if (group && options.levels) {
    const unknown = present.filter((g) => !options.levels!.includes(g));
    if (unknown.length) throw new InputError(`group level "${unknown[0]}" is not among the given levels (${options.levels.join(', ')})`);
    levels = options.levels.filter((g) => present.includes(g));
  }
  if (group && levels.length < 2) {
    throw new InputError(`the grouping has a single level ("${levels[0]}"): at least two groups are needed to compare them`);
  }
  const reference = group ? (options.reference ?? levels[0]) : null;
  if (reference !== null && !levels.includes(reference)) {
    throw new InputError(`reference level "${reference}" is not a group in the data (groups: ${levels.join(', ')})`);
  }

  const km = labelRecord<CurveTable>();
  const quantiles = labelRecord<SurvivalAnalysis['quantiles'][string]>();
  const risk = labelRecord<RiskRow>();
  const groupSizes = labelRecord<number>();
  for (const level of levels) {
    const idx: number[] = [];
    for (let i = 0; i < time.length; i++) if (!group || group[i] === level) idx.push(i);
    const t = idx.map((i) => time[i]);
    const e = idx.map((i) => event[i]);
    const fit = kaplanMeier(t, e, { confType, confLevel });
    groupSizes[level] = idx.length;
    km[level] = {
      time: fit.time,
      nRisk: fit.nRisk,
      nEvent: fit.nEvent,
      nCensor: fit.nCensor,
      surv: fit.surv,
      se: fit.se,
      lower: fit.lower,
      upper: fit.upper,
    };
    quantiles[level] = survivalQuartiles(fit);
    const table = riskTable(t, e, times);
    risk[level] = { atRisk: table.atRisk, events: table.events, censored: table.censored };
  }

  let logrank: SurvivalAnalysis['logrank'] = null;
  let pairwise: SurvivalAnalysis['pairwise'] = null;
  let cox: SurvivalAnalysis['cox'] = null;
  if (group) {
    const lr = logRank(time, event, group, { levels });
    const observed = labelRecord<number>();
    const expected = labelRecord<number>();
    lr.groups.forEach((g, k) => {
      observed[g] = lr.observed[k];
      expected[g] = lr.expected[k];
    });
    logrank = { chisq: lr.chisq, df: lr.df, p: lr.p, observed, expected };
    if (levels.length > 2) {
      pairwise = pairwiseLogRank(time, event, group, { levels }).comparisons.map((c) => ({
        a: c.a,
        b: c.b,
        chisq: c.chisq,
        p: c.p,
        pHolm: c.pHolm,
        pBonferroni: c.pBonferroni,
      }));
    }
    const fit = coxModel(
      { time, event, covariates: { group: group as string[] } },
      { reference: { group: reference! }, ties, confLevel },
    );
    cox = {
      ties,
      terms: fit.terms.map((t) => ({
        term: t.level ?? t.term,
        coef: t.coef,
        se: t.se,
        hr: t.hr,
        lower: t.lower,
        upper: t.upper,
        p: t.p,
      })),
      wald: fit.wald,
      likelihoodRatio: fit.likelihoodRatio,
      score: fit.score,
      problems: fit.problems,
    };
  }

  return {
    n: time.length,
    groups: levels,
    groupSizes,
    reference,
    confLevel,
    confType,
    km,
    quantiles,
    riskTable: { times: [...times], groups: risk },
    logrank,
    pairwise,
    cox,
  };
}
