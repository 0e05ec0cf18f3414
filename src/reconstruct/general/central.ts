/**
 * The main reconstruction is the ensemble's most central member: the one whose group curves lie
 * closest (mean squared distance on a grid across the at-risk window) to the ensemble's pointwise
 * median curves. A typical member, not an extreme one; it is then polished so that its values fall
 * inside their printed intervals wherever the walk allows.
 */
import { curvesOnGrid } from './effects.ts';
import type { Problem } from './problem.ts';
import type { PatientTable } from './table.ts';

/** Index of the most central member (ties: the first). */
export function centralMember(problem: Problem, members: readonly PatientTable[], points = 48): number {
  const end = problem.window * problem.tick;
  const grid = Array.from({ length: points }, (_, k) => (end * (k + 1)) / points);
  const curves = members.map((m) => curvesOnGrid(problem, m, grid));
  const C = problem.curves.length;
  const median: number[][] = [];
  for (let c = 0; c < C; c++) {
    median.push(
      grid.map((_, k) => {
        const v = curves.map((m) => m[c][k]).filter(Number.isFinite).sort((a, b) => a - b);
        if (v.length === 0) return Number.NaN;
        const mid = (v.length - 1) / 2;
        return (v[Math.floor(mid)] + v[Math.ceil(mid)]) / 2;
      }),
    );
  }
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  curves.forEach((m, i) => {
    let score = 0;
    for (let c = 0; c < C; c++) for (let k = 0; k < points; k++) if (Number.isFinite(median[c][k])) score += (m[c][k] - median[c][k]) ** 2;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
