/**
 * Check: the survival numbers of Figures 2 and 3.
 * - Numbers at risk: the count at 0 months is the group's N (Tables 2 and 3) and the counts
 *   never increase. One finding per curve.
 * - Log-rank P values cannot be recomputed from what is printed. The reconstruction
 *   (`data/reconstructed/fidelity.json`, written by `npm run reconstruct`) searches for patient
 *   data fitted to every printed survival number, this P included, so its log-rank P is fitted
 *   to the published value and never counts as a check: the verdict is always `cannot-check`.
 *   One finding per figure.
 */
import type { Published } from '../published/load.ts';
import { atRiskCell, headerCell, logrankCell } from './anchors.ts';
import { finding } from './finding.ts';
import { printedDecimal, printsAs } from './rounding.ts';
import type { Finding } from './types.ts';

/** What the audit reads from the reconstruction's fidelity report for one log-rank P. */
export interface FidelityLogRank {
  /** Figure id as in survival.json, e.g. `fig2a`. */
  readonly figure: string;
  readonly reconstructed: number;
  /** The report's own verdict (within its tolerance), when it gives one. */
  readonly pass: boolean | null;
  readonly tolerance: number | null;
}

/** A number at risk as the reconstruction reproduces it. */
export interface FidelityAtRisk {
  readonly figure: string;
  readonly group: string;
  readonly time: number;
  readonly reconstructed: number;
  readonly pass: boolean | null;
}

/** What the audit reads from a fidelity report. */
export interface Fidelity {
  readonly logrank: readonly FidelityLogRank[];
  readonly atRisk: readonly FidelityAtRisk[];
}

export interface SurvivalOptions {
  /** Results of the reconstruction, or `null` when there is no fidelity report. */
  readonly fidelity: Fidelity | null;
  /** Where the report came from, for explanations. */
  readonly fidelitySource?: string;
}

const NUMBER_KEYS = ['reconstructed', 'achieved', 'computed', 'actual', 'value', 'got', 'p'];
const PASS_KEYS = ['pass', 'ok', 'met', 'within', 'withinTolerance', 'matches', 'passed'];

/**
 * Reads the log-rank entries of a fidelity report, tolerating its exact layout: any object
 * naming a figure's log-rank P (an id or target such as `logrank-rfs-calcification` or one
 * mentioning `fig2a` and `logrank`) with a number for the reconstructed P.
 */
export function readFidelity(report: unknown, p: Published): Fidelity {
  const figures = p.survival.figures;
  const found = new Map<string, FidelityLogRank>();
  const atRisk = new Map<string, FidelityAtRisk>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const name = [o.id, o.target, o.name, o.key].find((x): x is string => typeof x === 'string');
    const risk = name ? /^at-risk-(\w+)-(\w+)-(\w+)-(\d+)$/.exec(name) : null;
    if (risk && typeof o.reconstructed === 'number') {
      const [, endpoint, grouping, group, time] = risk;
      const fig = figures.find((f) => f.endpoint === endpoint && f.grouping === grouping);
      if (fig) {
        atRisk.set(`${fig.id}/${group}/${time}`, {
          figure: fig.id,
          group,
          time: Number(time),
          reconstructed: o.reconstructed,
          pass: typeof o.pass === 'boolean' ? o.pass : null,
        });
      }
    }
    if (name && /log-?rank/i.test(name)) {
      const fig = figures.find((f) => name.includes(f.id) || name.includes(`${f.endpoint}-${f.grouping}`) || name.includes(f.figure));
      const numKey = NUMBER_KEYS.find((k) => typeof o[k] === 'number');
      if (fig && numKey && !found.has(fig.id)) {
        const passKey = PASS_KEYS.find((k) => typeof o[k] === 'boolean');
        found.set(fig.id, {
          figure: fig.id,
          reconstructed: o[numKey] as number,
          pass: passKey ? (o[passKey] as boolean) : null,
          tolerance: typeof o.tolerance === 'number' ? o.tolerance : null,
        });
      }
    }
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') visit(v);
  };
  visit(report);
  return { logrank: figures.filter((f) => found.has(f.id)).map((f) => found.get(f.id)!), atRisk: [...atRisk.values()] };
}

export function checkSurvival(p: Published, options: SurvivalOptions): Finding[] {
  const out: Finding[] = [];
  const s = p.survival;
  for (const fig of s.figures) {
    const grouping = s.groupings.find((g) => g.id === fig.grouping)!;
    const table = fig.grouping === 'calcification' ? 'table2' : 'table3';
    for (const group of grouping.groups) {
      const counts = (fig.atRisk[group.id] ?? []).map(Number);
      const n = group.n.value as number;
      const startOk = counts[0] === n && fig.times[0] === 0;
      const rises = counts.findIndex((c, i) => i > 0 && c > counts[i - 1]);
      const ok = startOk && rises < 0;
      const problems = [
        startOk ? '' : `At 0 months ${counts[0]} are at risk, but the group has N=${n}.`,
        rises < 0 ? '' : `The number at risk rises from ${counts[rises - 1]} to ${counts[rises]} at ${fig.times[rises]} months, which cannot happen.`,
      ].filter(Boolean);
      const cell = `${fig.id}-${group.id}`;
      const rec = (options.fidelity?.atRisk ?? []).filter((a) => a.figure === fig.id && a.group === group.id);
      const reproduced = rec.length === counts.length && rec.every((a) => a.pass !== false && counts[fig.times.indexOf(a.time)] === a.reconstructed);
      // The reconstruction was fitted to these numbers, so matching them is no evidence; say so, and no more.
      const recText = rec.length ? ` The reconstruction was fitted to these numbers${reproduced ? '' : ' (and does not reproduce all of them)'}, so they are not checked against it.` : '';
      out.push(
        finding({
          id: `${cell}-atrisk`,
          scope: 'Figures',
          check: 'survival',
          table: fig.figure,
          section: 'Number at risk',
          row: group.label,
          column: null,
          page: fig.page,
          printed: counts.join(' · '),
          recomputed: { groupN: n, times: fig.times },
          verdict: ok ? 'consistent' : 'inconsistent',
          consequence: ok ? null : 'number',
          explanation: ok
            ? `All ${n} patients of the group are at risk at 0 months and the numbers only fall over time (${counts.join(', ')}).${recText}`
            : problems.join(' ') + recText,
          cells: [cell],
          related: [...fig.times.map((t) => atRiskCell(fig.id, group.id, t)), headerCell(table, group.id)],
        }),
      );
    }
    const printed = fig.logrankP;
    const rec = options.fidelity?.logrank.find((f) => f.figure === fig.id) ?? null;
    const d = printedDecimal(printed.printed)?.decimals ?? 3;
    const verdict: Finding['verdict'] = 'cannot-check';
    let explanation = `A log-rank P needs every patient's follow-up time and event, which the paper does not publish; ${
      options.fidelity === null ? 'no reconstruction report is available to test it against the other printed survival numbers' : 'the reconstruction report has no entry for it'
    }.`;
    if (rec && printed.value !== null) {
      // The reconstruction was fitted to this very P value: agreeing with it is not a check.
      const rounds = printsAs(rec.reconstructed, printed.value, d, printed.relation);
      explanation = `A log-rank P needs every patient's follow-up time and event, which the paper does not publish. The reconstruction's log-rank P, ${rec.reconstructed.toFixed(4)}, was fitted to the published value ${printed.printed}${
        rounds ? '' : ` and ended ${Math.abs(rec.reconstructed - printed.value).toFixed(4)} away from it`
      }, so it cannot serve as a check.`;
    }
    out.push(
      finding({
        id: `${logrankCell(fig.id)}-logrank`,
        scope: 'Figures',
        check: 'survival',
        table: fig.figure,
        section: null,
        row: 'Log-rank test',
        column: 'P value',
        page: fig.page,
        printed: printed.printed,
        recomputed: rec ? { p: rec.reconstructed, fitted: true, source: options.fidelitySource ?? 'data/reconstructed/fidelity.json' } : {},
        verdict,
        explanation,
        cells: [logrankCell(fig.id)],
      }),
    );
  }
  return out;
}
