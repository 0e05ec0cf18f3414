/**
 * Check: two count rows of one table with identical counts in every column but different
 * percentages. Two characteristics can share counts by chance, and different denominators
 * (patients with data) give different percentages; the finding says which denominators each
 * row's percentages imply and is a neutral `note` when that explains the difference. When one of
 * the two rows also has a P value that no usual test reproduces from its counts, the two are one
 * problem: the finding becomes `inconsistent` and carries that P value (check-categorical-p.ts
 * leaves it out). One finding per pair.
 */
import { pCell, rowCell, valueCell } from './anchors.ts';
import type { CountRow } from './count-rows.ts';
import { finding, scopeOf } from './finding.ts';
import type { Finding } from './types.ts';
import { list } from './words.ts';

const shortLabel = (label: string) => label.replace(/\s*\(N=\d+\).*$/, '');

export function checkIdenticalRows(rows: readonly CountRow[], pFindings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const binary = rows.filter((r) => r.kind === 'binary');
  for (let i = 0; i < binary.length; i++) {
    for (let j = i + 1; j < binary.length; j++) {
      const a = binary[i];
      const b = binary[j];
      if (a.file !== b.file) continue;
      const cols = a.columns;
      // A single column's equal count is too common to remark on; compare rows of group tables only.
      if (cols.length < 2) continue;
      const ca = cols.map((c) => a.levels[0].cells[c.id]);
      const cb = cols.map((c) => b.levels[0].cells[c.id]);
      if (!ca.every((x, k) => x.count === cb[k].count)) continue;
      if (ca.every((x, k) => x.percent === cb[k].percent)) continue;
      const dens = (r: CountRow) => cols.map((c) => r.denominators[c.id].chosen);
      const da = dens(a);
      const db = dens(b);
      const badP = pFindings.filter((f) => f.verdict === 'inconsistent' && (f.cells[0] === pCell(a.file, a.row.id) || f.cells[0] === pCell(b.file, b.row.id)));
      const counts = list(ca.map((x) => x.count));
      let text =
        `${a.row.label} prints the same counts as ${b.row.label} (${counts}${cols.length > 1 ? `, in ${list(cols.map((c) => shortLabel(c.label)))}` : ''}) with different percentages: ` +
        `${a.row.label}'s are of ${list(da)} patients, ${b.row.label}'s of ${list(db)}. ` +
        'Considered: two characteristics can share counts by chance, and different numbers of patients with data give different percentages.';
      if (badP.length) {
        text += ` But ${list(badP.map((f) => `the P value of ${f.location.row} (${f.printed})`))} is not reproduced by these counts either: ${badP.map((f) => f.explanation).join(' ')}`;
      }
      const cellsOf = (r: CountRow) => cols.map((c) => valueCell(r.file, r.row.id, null, c.id));
      out.push(
        finding({
          id: `${rowCell(a.file, a.row.id)}-same-as-${b.row.id}`,
          scope: scopeOf(a.table.label),
          check: 'identical-rows',
          table: a.table.label,
          section: a.row.section,
          row: `${a.row.label} / ${b.row.label}`,
          column: null,
          page: a.row.page,
          printed: `${ca.map((x) => x.printed).join(', ')} · ${cb.map((x) => x.printed).join(', ')}`,
          recomputed: { rowDenominators: [da, db] },
          verdict: badP.length ? 'inconsistent' : 'note',
          consequence: badP.length ? 'number' : null,
          explanation: text,
          cells: [...cellsOf(a), ...badP.map((f) => f.cells[0])],
          related: [...cellsOf(b), rowCell(a.file, a.row.id), rowCell(b.file, b.row.id)],
        }),
      );
    }
  }
  return out;
}
