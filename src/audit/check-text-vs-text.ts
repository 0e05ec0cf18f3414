/**
 * Check: two sentences that give different values for what reads as the same quantity because
 * they restate two table rows with the same label in different sections (Table 1 has a
 * "Ki-67, median [IQR]" row for the primary tumour and one for the liver metastases), without
 * saying which row they mean. One finding per such pair whose numbers differ.
 */
import type { FlatValue } from '../published/load.ts';
import type { TextEntry } from '../published/schemas.ts';
import { cellOfValue, textCell } from './anchors.ts';
import { finding } from './finding.ts';
import { shortQuote } from './quote.ts';
import type { Finding } from './types.ts';

interface Restatement {
  readonly entry: TextEntry;
  readonly value: FlatValue;
}

const rowKey = (v: FlatValue) => `${v.file}|${v.variable ?? v.label}`;

export function checkTextVsText(entries: readonly TextEntry[], flat: ReadonlyMap<string, FlatValue>): Finding[] {
  // Labels printed in more than one section of the same table.
  const sectionsByLabel = new Map<string, Set<string | null>>();
  for (const v of flat.values()) {
    if (v.kind !== 'quantiles' && v.kind !== 'count') continue;
    if (!['table1', 'table2', 'table3'].includes(v.file)) continue;
    const k = rowKey(v);
    sectionsByLabel.set(k, (sectionsByLabel.get(k) ?? new Set()).add(v.section));
  }
  const restated: Restatement[] = [];
  for (const e of entries) {
    for (const id of e.refersTo) {
      const v = flat.get(id);
      if (v && (sectionsByLabel.get(rowKey(v))?.size ?? 0) > 1) restated.push({ entry: e, value: v });
    }
  }
  const out: Finding[] = [];
  for (let i = 0; i < restated.length; i++) {
    for (let j = i + 1; j < restated.length; j++) {
      const a = restated[i];
      const b = restated[j];
      if (a.entry.id === b.entry.id || rowKey(a.value) !== rowKey(b.value) || a.value.section === b.value.section) continue;
      if (a.entry.printed === b.entry.printed) continue;
      const label = a.value.variable ?? a.value.label;
      const table = a.value.location.table ?? a.value.file;
      out.push(
        finding({
          id: `${textCell(a.entry.id)}-vs-${b.entry.id}`,
          scope: 'Text',
          check: 'text-vs-text',
          table: null,
          section: `${a.entry.section}; ${b.entry.section}`,
          row: `${shortQuote(a.entry.quote, a.entry.printed, 3)} / ${shortQuote(b.entry.quote, b.entry.printed, 3)}`,
          column: null,
          page: a.entry.page,
          printed: `${a.entry.printed} · ${b.entry.printed}`,
          recomputed: { rows: [a.value.id, b.value.id] },
          verdict: 'inconsistent',
          consequence: 'presentation',
          explanation: `The ${a.entry.section} gives ${a.entry.printed} and the ${b.entry.section} ${b.entry.printed} for what reads as the same number. ${table} has two rows labelled “${label}”: ${a.value.section} ${a.value.printed} and ${b.value.section} ${b.value.printed}; neither sentence says which it means, so the two numbers may both be right.`,
          cells: [textCell(a.entry.id), textCell(b.entry.id)],
          related: [a.value.id, b.value.id].map(cellOfValue).filter((c): c is string => c !== null),
        }),
      );
    }
  }
  return out;
}
