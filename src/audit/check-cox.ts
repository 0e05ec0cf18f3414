/**
 * Check: each hazard ratio of Table S1 against its 95% CI and P value (Altman & Bland, BMJ
 * 2011;343:d2090). For a Wald interval
 *   SE = (ln U − ln L) / (2 · 1.96),  z = ln HR / SE,  P = 2Φ(−|z|),  HR = √(L · U).
 * Rounding-aware as statcheck: every printed number stands for the interval of half a unit in
 * its last digit, and only what no values in those intervals explain is flagged. One finding per
 * estimate.
 */
import type { Published } from '../published/load.ts';
import type { CheckedNumber, EstimateCell, PageRef } from '../published/schemas.ts';
import { normalQuantile, normalTwoSidedP } from '../stats/special.ts';
import { MECHANISM_WORDS } from './mechanisms.ts';
import { coxCell, rowCell } from './anchors.ts';
import { finding } from './finding.ts';
import { overlaps, printedDecimal, printedInterval } from './rounding.ts';
import type { Finding } from './types.ts';

const Z = 1.959963984540054;

export interface CoxConsistency {
  readonly se: number;
  readonly z: number;
  /** P from the printed HR and CI. */
  readonly p: number;
  /** Range of P over all values within the printed rounding. */
  readonly pRange: readonly [number, number];
  /** √(L · U) from the printed CI. */
  readonly centre: number;
  /** Range of √(L · U) within rounding. */
  readonly centreRange: readonly [number, number];
  readonly centred: boolean;
  readonly pFits: boolean;
}

/**
 * The three printed numbers of `0.57 (0.15, 1.89)` as intervals: what rounds to them, or with
 * `truncatedHr` the HR as what truncates to it (from the printed value up to one unit more).
 */
function intervals(printed: string, truncatedHr = false): [number, number][] {
  const tokens = printed.match(/\d+(?:\.\d+)?/g) ?? [];
  return tokens.slice(0, 3).map((t, i) => {
    const d = printedDecimal(t)!;
    if (i === 0 && truncatedHr) return [Number(t), Number(t) + 10 ** -d.decimals];
    const [lo, hi] = printedInterval(Number(t), d.decimals);
    return [Math.max(lo, 1e-12), hi];
  });
}

/** Rounding-aware consistency of an HR, its CI and its P. */
export function coxConsistency(
  estimate: Required<Pick<EstimateCell, 'hr' | 'lower' | 'upper'>> & { printed: string },
  p: CheckedNumber,
  truncatedHr = false,
): CoxConsistency {
  const { hr, lower, upper } = estimate;
  const se = (Math.log(upper) - Math.log(lower)) / (2 * Z);
  const z = Math.log(hr) / se;
  const pPoint = normalTwoSidedP(z);
  const [H, L, U] = intervals(estimate.printed, truncatedHr);
  const seMin = (Math.log(U[0]) - Math.log(L[1])) / (2 * Z);
  const seMax = (Math.log(U[1]) - Math.log(L[0])) / (2 * Z);
  const absLog = [Math.abs(Math.log(H[0])), Math.abs(Math.log(H[1]))];
  const lnMin = H[0] <= 1 && H[1] >= 1 ? 0 : Math.min(...absLog);
  const lnMax = Math.max(...absLog);
  const zMin = lnMin / seMax;
  const zMax = seMin > 0 ? lnMax / seMin : Number.POSITIVE_INFINITY;
  const pRange: [number, number] = [normalTwoSidedP(zMax), normalTwoSidedP(zMin)];
  const centreRange: [number, number] = [Math.sqrt(L[0] * U[0]), Math.sqrt(L[1] * U[1])];
  const pd = printedDecimal(p.printed)!;
  const pInterval: [number, number] =
    p.relation === '<' ? [0, p.value as number] : p.relation === '>' ? [p.value as number, 1] : (printedInterval(p.value as number, pd.decimals) as [number, number]);
  return {
    se,
    z,
    p: pPoint,
    pRange,
    centre: Math.sqrt(lower * upper),
    centreRange,
    centred: overlaps(centreRange, H),
    pFits: overlaps(pRange, pInterval),
  };
}

const f2 = (x: number) => x.toFixed(2);
const fp = (x: number) => (x < 0.0001 ? '<0.0001' : x < 0.01 ? x.toFixed(4) : x.toFixed(3));

/** The three printed tokens of `0.57 (0.15, 1.89)`. */
const tokens = (printed: string) => printed.match(/\d+(?:\.\d+)?/g) ?? [];

export function explainCox(est: EstimateCell, p: CheckedNumber, c: CoxConsistency): string {
  const [hr, lower, upper] = tokens(est.printed);
  const centre = `√(${lower} × ${upper}) = ${f2(c.centre)}`;
  const centreText =
    f2(c.centre) === hr
      ? `the CI is centred on the HR (${centre})`
      : `the CI's log-scale centre, ${centre}, fits HR ${hr} within rounding (${f2(c.centreRange[0])} to ${f2(c.centreRange[1])})`;
  const pText = `From the CI the standard error of log HR is ${c.se.toFixed(3)}, so HR ${hr} gives P = ${fp(c.p)}`;
  const range = `(${fp(c.pRange[0])} to ${fp(c.pRange[1])} within rounding)`;
  if (c.centred && c.pFits) return `${pText} ${range}, matching ${p.printed}; ${centreText}.`;
  const parts: string[] = [];
  if (!c.centred) {
    parts.push(
      `HR ${hr} should sit in the middle of its CI on the log scale, but ${centre}, and within rounding the middle lies between ${f2(c.centreRange[0])} and ${f2(c.centreRange[1])}.`,
    );
  }
  parts.push(c.pFits ? `${pText} ${range}, which does fit ${p.printed}.` : `${pText} ${range}, which does not fit the printed ${p.printed}.`);
  return parts.join(' ');
}

/**
 * `conclusion` when the recomputed P and the printed one fall on different sides of 0.05
 * (statcheck's "gross inconsistency"); otherwise a discrepancy in a reported `number`.
 */
export function coxConsequence(c: CoxConsistency, p: CheckedNumber): 'conclusion' | 'number' {
  const printedSig = (p.value as number) < 0.05 || p.relation === '<';
  const recomputedSig = c.pRange[1] < 0.05;
  const recomputedNot = c.pRange[0] >= 0.05;
  return (printedSig && recomputedNot) || (!printedSig && recomputedSig) ? 'conclusion' : 'number';
}

/** The HR that gives exactly the printed P with the CI's standard error (on the printed HR's side of 1). */
export function hrForP(p: number, se: number, hr: number): number {
  const z = normalQuantile(1 - p / 2);
  return Math.exp((hr < 1 ? -1 : 1) * z * se);
}

/** Options: estimate cells that another finding (a CI shared by several rows) already covers when they are inconsistent. */
export interface CoxOptions {
  readonly grouped?: ReadonlySet<string>;
}

export function checkCox(p: Published, options: CoxOptions = {}): Finding[] {
  const out: Finding[] = [];
  const t = p.tableS1;
  const push = (row: string, level: string | null, label: string, section: string | null, page: PageRef, est: EstimateCell, pv: CheckedNumber) => {
    if (est.hr === undefined || pv.value === null) return;
    const input = { printed: est.printed, hr: est.hr, lower: est.lower as number, upper: est.upper as number };
    const c = coxConsistency(input, pv);
    const rounds = c.centred && c.pFits;
    // Truncation is accepted for hazard ratios as for percentages: the HR cut, not rounded, to its decimals.
    const tc = rounds ? null : coxConsistency(input, pv, true);
    const truncated = tc !== null && tc.centred && tc.pFits;
    const ok = rounds || truncated;
    const cell = coxCell(row, level, 'est');
    if (!ok && options.grouped?.has(cell)) return;
    let explanation = explainCox(est, pv, c);
    if (truncated) {
      const h = hrForP(pv.value as number, c.se, est.hr);
      explanation = `${explanation.replace(/, which does not fit the printed .*$/, '')}. The printed ${pv.printed} fits ${MECHANISM_WORDS['hr-truncation']}: an HR of ${h.toFixed(4)} prints as ${est.hr.toFixed(2)} when truncated and gives P = ${fp(pv.value as number)}.`;
    } else if (!ok) {
      explanation += ' Considered: rounding of all three printed numbers and truncation of the HR; neither fits. A likelihood-ratio or score P can differ a little from the Wald P these formulas give.';
    }
    out.push(
      finding({
        id: `${cell}-cox`,
        scope: 'Table S1',
        check: 'cox',
        table: t.label,
        section,
        row: label,
        column: t.columns[0].label,
        page,
        printed: `${est.printed} · ${pv.printed}`,
        recomputed: { se: c.se, z: c.z, p: c.p, pRange: c.pRange, centre: c.centre, centreRange: c.centreRange, centred: c.centred, pFits: c.pFits },
        verdict: ok ? 'consistent' : 'inconsistent',
        consequence: ok ? null : coxConsequence(c, pv),
        explainedBy: truncated ? ['hr-truncation'] : [],
        explanation,
        cells: [cell, coxCell(row, level, 'p')],
        related: [rowCell('tableS1', row, level ?? undefined)],
      }),
    );
  };
  for (const row of t.rows) {
    if (row.kind === 'categorical') {
      for (const level of row.levels) if (level.p) push(row.id, level.id, `${row.label} › ${level.label}`, row.section, row.page, level.estimate, level.p);
    } else {
      push(row.id, null, row.label, row.section, row.page, row.estimate, row.p);
    }
  }
  return out;
}
