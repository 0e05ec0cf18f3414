/**
 * Check: a Methods statement that every patient had something (claims of kind `all-patients`,
 * e.g. "all patients underwent multi-phase CT") against the numbers the Results analyse (the
 * patients with data of the rows it names, and the text entries it cites). Fewer patients than
 * the cohort is a reporting discrepancy (`presentation`): the numbers may be right, but the two
 * statements cannot both be taken literally. One finding per statement.
 */
import type { Published } from '../published/load.ts';
import { claimCell, textCell, valueCell } from './anchors.ts';
import type { CountRow } from './count-rows.ts';
import { finding } from './finding.ts';
import { shortQuote } from './quote.ts';
import type { Finding } from './types.ts';
import { list } from './words.ts';

export function checkInclusion(p: Published, rows: readonly CountRow[]): Finding[] {
  const cohortN = p.table1.n.value as number;
  return p.claims.claims
    .filter((c) => c.kind === 'all-patients')
    .map((c) => {
      const analysed = c.rows.flatMap((id) => {
        const [file, row] = id.split('/');
        const r = rows.find((x) => x.file === file && x.row.id === row);
        return r ? [{ label: r.row.label, n: r.denominators[r.columns[0].id].chosen, cell: valueCell(r.file, r.row.id, r.levels[0].id, r.columns[0].id) }] : [];
      });
      const short = analysed.filter((a) => a.n < cohortN);
      const cited = c.values.map((v) => p.text.entries.find((e) => e.id === v)).filter((e) => e !== undefined);
      const ok = short.length === 0;
      const explanation = ok
        ? `Every row it names has data for all ${cohortN} patients.`
        : `The ${c.section} state “${shortQuote(c.quote)}”, yet the Results analyse ${list(short.map((a) => `${a.n} of ${cohortN} for ${a.label.toLowerCase()}`))}${
            cited.length ? ` (${list(cited.map((e) => `${e.section}: “${e.printed}”`))})` : ''
          }. Considered: scans that existed but could not be read, or that lacked a phase, would explain the gap; the paper does not say how many patients that concerns or why.`;
      const cell = claimCell(c.id);
      return finding({
        id: `${cell}-inclusion`,
        scope: 'Text',
        check: 'inclusion',
        table: null,
        section: c.section,
        row: shortQuote(c.quote),
        column: null,
        page: c.page,
        printed: shortQuote(c.quote),
        recomputed: { cohortN, analysed: analysed.map((a) => a.n) },
        verdict: ok ? 'consistent' : 'inconsistent',
        consequence: ok ? null : 'presentation',
        explanation,
        cells: [cell],
        related: [...short.map((a) => a.cell), ...cited.map((e) => textCell(e.id))],
      });
    });
}
