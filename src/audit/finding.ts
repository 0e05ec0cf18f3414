/**
 * Builds findings with their location filled in from the published data, so every check
 * writes the same shape.
 */
import type { PageRef } from '../published/schemas.ts';
import type { BenignMechanism, CheckId, Consequence, Finding, FindingLocation, Recomputed, Scope, Verdict } from './types.ts';

export interface FindingInput {
  readonly id: string;
  readonly scope: Scope;
  readonly check: CheckId;
  readonly table?: string | null;
  readonly section?: string | null;
  readonly row: string;
  readonly column?: string | null;
  readonly page?: PageRef | null;
  readonly printed: string;
  readonly recomputed?: Recomputed;
  readonly verdict: Verdict;
  /** For `inconsistent`: what it affects (default `number`). */
  readonly consequence?: Consequence;
  readonly explainedBy?: readonly BenignMechanism[];
  readonly explanation: string;
  readonly cells: readonly string[];
  readonly related?: readonly string[];
}

export function finding(input: FindingInput): Finding {
  const location: FindingLocation = {
    table: input.table ?? null,
    section: input.section ?? null,
    row: input.row,
    column: input.column ?? null,
    page: input.page ?? null,
  };
  return {
    id: input.id,
    scope: input.scope,
    location,
    check: input.check,
    printed: input.printed,
    recomputed: input.recomputed ?? {},
    verdict: input.verdict,
    consequence: input.verdict === 'inconsistent' ? (input.consequence ?? 'number') : null,
    explainedBy: input.explainedBy ?? [],
    explanation: input.explanation,
    cells: input.cells,
    related: (input.related ?? []).filter((c) => !input.cells.includes(c)),
  };
}

/** The scope of a table label. */
export function scopeOf(tableLabel: string): Scope {
  if (tableLabel === 'Table 1' || tableLabel === 'Table 2' || tableLabel === 'Table 3' || tableLabel === 'Table S1') return tableLabel;
  if (tableLabel.startsWith('Figure')) return 'Figures';
  return 'Text';
}
