/**
 * Groups the fidelity report's targets into the sections the /reconstruction/ page shows, and
 * formats each value as a reader expects it (counts as counts, p-values with their decimals).
 */
import type { ReconstructionReport } from '../../analysis/reconstruction-report.ts';
import { formatFixed } from '../../format/number.ts';

type Target = ReconstructionReport['fidelity']['targets'][number];

export interface FidelitySection {
  readonly id: string;
  readonly title: string;
  readonly kind: 'hard' | 'soft';
  readonly note: string;
  readonly targets: readonly Target[];
}

/** How many different values a field of the targets takes (a passthrough field of the report; `undefined` counts as one). */
function distinct(targets: readonly Target[], key: string): number {
  return new Set(targets.map((t) => JSON.stringify((t as Record<string, unknown>)[key] ?? null))).size;
}

/** The at-risk section's note: its counts as groups × outcomes × times, from the targets themselves. */
export function atRiskNote(targets: readonly Target[]): string {
  const groups = new Set(targets.map((t) => { const r = t as Record<string, unknown>; return `${String(r.grouping)}=${String(r.group)}`; })).size;
  const outcomes = distinct(targets, 'endpoint');
  const times = distinct(targets, 'time');
  const all = targets.length === groups * outcomes * times ? 'All ' : '';
  return `${all}${targets.length} printed counts (${groups} groups × ${outcomes} outcomes × ${times} times), met exactly by construction.`;
}

const SECTIONS: readonly { id: string; title: string; categories: readonly string[]; note: string | ((rows: readonly Target[]) => string) }[] = [
  {
    id: 'sizes',
    title: 'Cohort, subcohort and group sizes',
    categories: ['cohort-size', 'subcohort-size', 'group-size', 'overlap', 'rule'],
    note: 'Met exactly by construction.',
  },
  {
    id: 'at-risk',
    title: 'Numbers at risk under Figures 2 and 3',
    categories: ['at-risk'],
    note: atRiskNote,
  },
  {
    id: 'quartiles',
    title: 'Kaplan–Meier quartiles (medians and IQRs)',
    categories: ['quartile'],
    note: 'Target: within ±1 month of the printed value.',
  },
  { id: 'logrank', title: 'Log-rank p-values', categories: ['logrank'], note: 'Target: within ±0.005 of the printed value.' },
  {
    id: 'follow-up',
    title: 'Median follow-up (reverse Kaplan–Meier)',
    categories: ['follow-up'],
    note: 'Target: within ±2 months of the printed value.',
  },
];

export function fidelitySections(targets: readonly Target[]): FidelitySection[] {
  const used = new Set<string>();
  const sections = SECTIONS.map((s) => {
    const rows = targets.filter((t) => s.categories.includes(t.category));
    rows.forEach((t) => used.add(t.id));
    const kind: 'hard' | 'soft' = rows.every((t) => t.kind === 'hard') ? 'hard' : 'soft';
    return { id: s.id, title: s.title, kind, note: typeof s.note === 'function' ? s.note(rows) : s.note, targets: rows };
  }).filter((s) => s.targets.length > 0);
  const rest = targets.filter((t) => !used.has(t.id));
  if (rest.length) sections.push({ id: 'other', title: 'Other targets', kind: 'soft', note: '', targets: rest });
  return sections;
}

/** A reconstructed value printed to match the kind of number: p-values 4 decimals, months 1, counts 0. */
export function formatReconstructed(t: Target): string {
  if (t.reconstructed === null) return '–';
  if (t.category === 'logrank') return formatFixed(t.reconstructed, 4);
  if (t.category === 'quartile' || t.category === 'follow-up') return formatFixed(t.reconstructed, 1);
  return String(t.reconstructed);
}

export function formatTolerance(t: Target): string {
  if (t.relation === '≥') return `at least ${t.published.printed}`;
  if (t.tolerance === 0) return 'exact';
  return `± ${t.category === 'logrank' ? t.tolerance.toFixed(3) : t.tolerance}`;
}
