/**
 * Plain-text report of a {@link SurvivalAnalysis}, as printed by `npm run stats`.
 */
import type { SurvivalAnalysis } from '../analysis/survival-analysis.ts';
import { formatEstimateCI, formatFixed, formatMonths, formatP } from './number.ts';

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function padLeft(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

function quantileText(q: { est: number | null; lower: number | null; upper: number | null }): string {
  if (q.est === null) return 'not reached';
  return `${formatMonths(q.est)} (${formatMonths(q.lower)}–${q.upper === null ? 'NR' : formatMonths(q.upper)})`;
}

export function formatAnalysisReport(a: SurvivalAnalysis, title = 'Survival analysis'): string {
  const lines: string[] = [];
  const pct = Math.round(a.confLevel * 100);
  lines.push(title, '='.repeat(title.length));
  lines.push(`n = ${a.n}; groups: ${a.groups.map((g) => `${g} (${a.groupSizes[g]})`).join(', ')}`);
  lines.push(`Confidence intervals: ${pct}%, ${a.confType} transform`, '');

  lines.push(`Kaplan–Meier quartiles (${pct}% CI)`);
  const w = Math.max(8, ...a.groups.map((g) => g.length + 2));
  lines.push(`  ${pad('group', w)}${pad('25th percentile', 22)}${pad('median', 22)}75th percentile`);
  for (const g of a.groups) {
    const q = a.quantiles[g];
    lines.push(`  ${pad(g, w)}${pad(quantileText(q.q25), 22)}${pad(quantileText(q.median), 22)}${quantileText(q.q75)}`);
  }
  lines.push('');

  const times = a.riskTable.times;
  lines.push('Risk table (at risk = time ≥ t; events and censored are cumulative before t)');
  lines.push(`  ${pad('', w + 10)}${times.map((t) => padLeft(String(t), 6)).join('')}`);
  for (const g of a.groups) {
    const row = a.riskTable.groups[g];
    lines.push(`  ${pad(g, w)}${pad('at risk', 10)}${row.atRisk.map((v) => padLeft(String(v), 6)).join('')}`);
    lines.push(`  ${pad('', w)}${pad('censored', 10)}${row.censored.map((v) => padLeft(String(v), 6)).join('')}`);
    lines.push(`  ${pad('', w)}${pad('events', 10)}${row.events.map((v) => padLeft(String(v), 6)).join('')}`);
  }
  lines.push('');

  if (a.logrank) {
    const lr = a.logrank;
    lines.push(`Log-rank test: χ² = ${formatFixed(lr.chisq, 3)}, df = ${lr.df}, p = ${formatP(lr.p)}`);
    for (const g of a.groups) {
      lines.push(`  ${pad(g, w)}observed ${padLeft(String(lr.observed[g]), 4)}   expected ${formatFixed(lr.expected[g], 2)}`);
    }
    lines.push('');
  }
  if (a.pairwise) {
    lines.push('Pairwise log-rank tests (raw, Holm-adjusted and Bonferroni-adjusted p)');
    for (const c of a.pairwise) {
      lines.push(`  ${pad(`${c.a} vs ${c.b}`, 2 * w)}p = ${formatP(c.p)}   Holm ${formatP(c.pHolm)}   Bonferroni ${formatP(c.pBonferroni)}`);
    }
    lines.push('');
  }
  if (a.cox) {
    lines.push(`Cox proportional hazards (ties: ${a.cox.ties}; reference: ${a.reference})`);
    for (const t of a.cox.terms) {
      lines.push(`  ${pad(t.term, w)}HR ${formatEstimateCI(t.hr, t.lower, t.upper)}   p = ${formatP(t.p)}`);
    }
    lines.push(
      `  likelihood ratio p = ${formatP(a.cox.likelihoodRatio.p)}; Wald p = ${formatP(a.cox.wald.p)}; score (log-rank) p = ${formatP(a.cox.score.p)}`,
    );
    for (const problem of a.cox.problems) lines.push(`  Note: ${problem}`);
  }
  return lines.join('\n');
}
