/**
 * Check: sentences that compare groups (claims.json) against the P values and counts of the
 * rows they speak about.
 * - "no difference": every row's P must be at or above the threshold (0.05 unless the sentence
 *   prints one). A printed P below it contradicts the sentence; where the table prints N/A we
 *   use the recomputed Fisher P. Wording that says the opposite of its own threshold
 *   ("significantly associated … (P>0.05)") is flagged too.
 * - "difference": at least one row must be below the threshold (all, for the verdict to be
 *   plain `consistent` without remarks).
 * - "majority": the named levels together must be more than half of the row's denominator.
 * - "ranking": the named levels must be the largest ones (a level "Other" mixes several
 *   categories and is mentioned, not counted against the sentence).
 * - "similar to the cohort": a judgement without a test (`cannot-check`).
 * One finding per claim.
 */
import type { FlatValue, Published } from '../published/load.ts';
import type { CheckedNumber, Claim } from '../published/schemas.ts';
import { cellOfValue, claimCell, coxCell, logrankCell, pCell, valueCell } from './anchors.ts';
import type { RowPs } from './check-categorical-p.ts';
import type { CountRow } from './count-rows.ts';
import { finding } from './finding.ts';
import { shortQuote } from './quote.ts';
import type { Consequence, Finding, Verdict } from './types.ts';
import { list, p4 } from './words.ts';

interface RowP {
  readonly rowId: string;
  readonly label: string;
  readonly p: CheckedNumber | null;
  readonly cell: string;
  /** Recomputed Fisher P where the paper prints N/A. */
  readonly recomputed: number | null;
}

/** The P values a claim row stands for (a categorical Table S1 row: one per non-reference level). */
export function rowPs(p: Published, rowId: string, recomputed: ReadonlyMap<string, RowPs>): RowP[] {
  const [file, rest] = rowId.split('/');
  const [row, level] = rest.split('.');
  if (file === 'table2' || file === 'table3') {
    const r = p[file].rows.find((x) => x.id === row);
    if (!r || !r.p) return [];
    const rec = r.p.value === null ? (recomputed.get(`${file}/${row}`)?.fisher ?? null) : null;
    return [{ rowId, label: `${p[file].label} ${r.label}`, p: r.p, cell: pCell(file, row), recomputed: rec }];
  }
  if (file === 'tableS1') {
    const r = p.tableS1.rows.find((x) => x.id === row);
    if (!r) return [];
    if (r.kind !== 'categorical') return [{ rowId, label: `Table S1 ${r.label}`, p: r.p, cell: coxCell(row, null, 'p'), recomputed: null }];
    return r.levels
      .filter((l) => l.p && (level === undefined || l.id === level))
      .map((l) => ({ rowId, label: `Table S1 ${r.label} ${l.label}`, p: l.p!, cell: coxCell(row, l.id, 'p'), recomputed: null }));
  }
  if (file === 'survival') {
    const f = p.survival.figures.find((x) => x.id === row);
    if (!f) return [];
    return [{ rowId, label: `${f.figure} log-rank`, p: f.logrankP, cell: logrankCell(row), recomputed: null }];
  }
  return [];
}

const below = (x: RowP, thr: number) => (x.p?.value != null ? x.p.value < thr || (x.p.value === thr && x.p.relation === '<') : x.recomputed !== null && x.recomputed < thr);
const pText = (x: RowP) => (x.p?.value != null ? `P=${x.p.printed}` : `P ${x.p?.printed ?? 'not printed'} (recomputed Fisher ${p4(x.recomputed)})`);

interface Judgement {
  readonly verdict: Verdict;
  readonly consequence?: Consequence;
  readonly text: string;
  readonly related: readonly string[];
  /** For a contradicted "no difference": the rows below the threshold, for grouping by root cause. */
  readonly contradictions?: readonly RowP[];
  readonly threshold?: number;
}

function judgeComparison(p: Published, c: Claim, recomputed: ReadonlyMap<string, RowPs>): Judgement {
  const thr = c.threshold?.value ?? 0.05;
  const rows = c.rows.flatMap((r) => rowPs(p, r, recomputed));
  const sig = rows.filter((x) => below(x, thr));
  const sigPrinted = sig.filter((x) => x.p?.value != null);
  if (c.kind === 'no-difference') {
    const wording = c.printedKind === 'difference' ? ` Its wording says the rows were significantly associated, the opposite of its own threshold (P>${thr}).` : '';
    if (sig.length === 0) {
      return wording
        ? { verdict: 'inconsistent', consequence: 'presentation', text: `No row it names has P<${thr}.${wording}`, related: [] }
        : { verdict: 'consistent', text: `All ${rows.length} P value${rows.length === 1 ? '' : 's'} it covers ${rows.length === 1 ? 'is' : 'are'} at or above ${thr}.`, related: [] };
    }
    const parts = sigPrinted.length ? [`the table prints ${list(sigPrinted.map((x) => `${x.label} ${pText(x)}`))}`] : [];
    const rec = sig.filter((x) => x.p?.value == null);
    if (rec.length) parts.push(`${list(rec.map((x) => `${x.label} is printed N/A but the printed counts give ${p4(x.recomputed)}`))}`);
    return {
      verdict: 'inconsistent',
      consequence: 'conclusion',
      text: `The sentence says no difference, but ${parts.join('; and ')}, below ${thr}.${wording}`,
      related: sig.map((x) => x.cell),
      contradictions: sig,
      threshold: thr,
    };
  }
  // difference
  if (sig.length === rows.length) return { verdict: 'consistent', text: `Every row it names has P below ${thr} (${list(rows.map((x) => `${x.label} ${pText(x)}`))}).`, related: sig.map((x) => x.cell) };
  const not = rows.filter((x) => !below(x, thr));
  if (sig.length) {
    return {
      verdict: 'consistent',
      text: `Supported by ${list(sig.map((x) => `${x.label} ${pText(x)}`))}; ${list(not.map((x) => `${x.label} ${pText(x)}`))} ${not.length === 1 ? 'does' : 'do'} not differ.`,
      related: sig.map((x) => x.cell),
    };
  }
  return { verdict: 'inconsistent', consequence: 'conclusion', text: `None of the rows it names has P below ${thr}.`, related: rows.map((x) => x.cell) };
}

/** Counts of the levels a sentence names, from its numbers' `refersTo` (or its rows when they name levels). */
function namedLevels(p: Published, c: Claim, flat: ReadonlyMap<string, FlatValue>): FlatValue[] {
  const ids = c.values.flatMap((v) => p.text.entries.find((e) => e.id === v)?.refersTo ?? []);
  const cells = ids.map((id) => flat.get(id)).filter((v): v is FlatValue => v?.kind === 'count');
  if (cells.length) return cells;
  return c.rows
    .filter((r) => r.includes('.'))
    .map((r) => flat.get(`${r}/total`))
    .filter((v): v is FlatValue => v?.kind === 'count');
}

function judgeCounts(p: Published, c: Claim, flat: ReadonlyMap<string, FlatValue>, rows: readonly CountRow[]): Judgement {
  const named = namedLevels(p, c, flat);
  const rowId = c.rows[0];
  const [file, rest] = rowId.split('/');
  const row = rows.find((r) => r.file === file && r.row.id === rest.split('.')[0]);
  if (!row || named.length === 0) return { verdict: 'cannot-check', text: 'The sentence names no counts the audit can compare.', related: [] };
  const column = row.columns[0].id;
  const den = row.denominators[column].chosen;
  const sum = named.reduce((a, v) => a + (v.numbers.count as number), 0);
  const namesText = list(named.map((v) => `${v.label} ${v.numbers.count}`));
  if (c.kind === 'majority') {
    const ok = 2 * sum > den;
    return {
      verdict: ok ? 'consistent' : 'inconsistent',
      consequence: ok ? null : 'conclusion',
      text: `${namesText}${named.length > 1 ? `, together ${sum},` : ''} ${ok ? 'is' : 'is not'} more than half of ${den} (${((100 * sum) / den).toFixed(1)}%).`,
      related: named.map((v) => cellOfValue(v.id)).filter((x): x is string => x !== null),
    };
  }
  // ranking
  const namedIds = new Set(named.map((v) => v.id));
  const others = row.levels
    .filter((l) => l.id !== null && !namedIds.has(`${row.file}/${row.row.id}.${l.id}/${column}`))
    .map((l) => ({ id: l.id as string, label: l.label, count: l.cells[column].count }));
  const minNamed = Math.min(...named.map((v) => v.numbers.count as number));
  const larger = others.filter((o) => o.count > minNamed);
  const strictLarger = larger.filter((o) => o.id !== 'other');
  const counts = named.map((v) => v.numbers.count as number);
  const descending = counts.every((x, i) => i === 0 || x <= counts[i - 1]);
  const order = named.length > 1 ? (descending ? ' They are listed in descending order.' : ' They are not listed in order of size.') : '';
  if (strictLarger.length) {
    return {
      verdict: 'inconsistent',
      consequence: 'number',
      text: `${list(strictLarger.map((o) => `${o.label} (${o.count})`))} ${strictLarger.length === 1 ? 'is' : 'are'} more common than ${namesText}.`,
      related: strictLarger.map((o) => valueCell(row.file, row.row.id, o.id, column)),
    };
  }
  const catchAll = larger.length ? ` The mixed group “${larger[0].label}” (${larger[0].count}) is larger, but it pools several categories.` : '';
  return {
    verdict: 'consistent',
    text: `${namesText}: no named category of the table is larger than these.${catchAll}${order}`,
    related: named.map((v) => cellOfValue(v.id)).filter((x): x is string => x !== null),
  };
}

/** A sentence whose printed P values are below its threshold, as one place of a grouped finding. */
interface Contradicted {
  readonly claim: Claim;
  readonly j: Judgement;
}

/** Claims of kind "difference" that name a row: where the paper itself reports the difference. */
function disclosures(p: Published, rows: readonly RowP[], recomputed: ReadonlyMap<string, RowPs>): Claim[] {
  const ids = new Set(rows.map((r) => r.rowId));
  return p.claims.claims.filter((c) => c.kind === 'difference' && c.rows.some((r) => ids.has(r)) && c.rows.flatMap((r) => rowPs(p, r, recomputed)).some((x) => ids.has(x.rowId)));
}

const pieces = (xs: readonly RowP[]) => {
  const printed = xs.filter((x) => x.p?.value != null);
  const rec = xs.filter((x) => x.p?.value == null);
  const parts: string[] = [];
  if (printed.length) parts.push(`the tables print ${list(printed.map((x) => `P=${x.p!.printed} for ${x.label}`))}`);
  if (rec.length) parts.push(list(rec.map((x) => `${x.label} is printed ${x.p?.printed ?? 'without a P'} but its printed counts give Fisher ${p4(x.recomputed)}`)));
  return parts.join('; and ');
};

/**
 * One finding for all the sentences a single set of rows contradicts (connected by shared
 * rows): the root cause is the rows' P values, the sentences are its places.
 */
function groupedFinding(p: Published, group: readonly Contradicted[], recomputed: ReadonlyMap<string, RowPs>): Finding {
  const rows = [...new Map(group.flatMap((g) => g.j.contradictions ?? []).map((x) => [x.cell, x])).values()];
  const thr = group[0].j.threshold ?? 0.05;
  const where = group.map((g) => g.claim.section);
  const places = [...new Set(where)].map((w) => {
    const k = where.filter((x) => x === w).length;
    return k > 1 ? `${k} in ${w}` : w;
  });
  const lead =
    group.length === 1
      ? `A sentence in the ${where[0]} says the groups did not differ`
      : `${group.length} sentences (${list(places)}) say the groups did not differ`;
  const wording = group.filter((g) => g.claim.printedKind === 'difference');
  const disclosed = disclosures(p, rows, recomputed).filter((c) => !group.some((g) => g.claim.id === c.id));
  let text = `${lead}, but ${pieces(rows)}, below ${thr}.`;
  text +=
    ` Considered: a stricter threshold (none is stated${group.some((g) => g.claim.threshold?.source === 'methods') ? '; the Methods give 0.05' : ''})` +
    (rows.some((x) => x.p?.value == null) ? ', and whether N/A means a test could not be run (both Fisher and χ² can be run on these counts).' : '.');
  if (wording.length) text += ` The ${list(wording.map((g) => g.claim.section))} sentence also calls the rows significantly associated while giving P>${thr}.`;
  if (disclosed.length) text += ` The paper itself reports these differences in its ${list([...new Set(disclosed.map((c) => `${c.section} (p. ${c.page})`))])}.`;
  const cells = group.map((g) => claimCell(g.claim.id));
  const first = group[0].claim;
  return finding({
    id: `${cells[0]}-claim`,
    scope: 'Text',
    check: 'claim',
    table: null,
    section: list([...new Set(where)]),
    row: group.length === 1 ? shortQuote(first.quote) : `${group.length} sentences: ${group.map((g) => shortQuote(g.claim.quote, undefined, 2)).join(' / ')}`,
    column: null,
    page: first.page,
    printed: rows.map((x) => `${x.label} ${x.p?.printed ?? ''}`.trim()).join(' · '),
    recomputed: { kind: 'no-difference', claims: group.map((g) => g.claim.id), rows: rows.map((x) => x.rowId) },
    verdict: 'inconsistent',
    consequence: 'conclusion',
    explanation: text,
    cells,
    related: [...rows.map((x) => x.cell), ...disclosed.map((c) => claimCell(c.id))],
  });
}

export function checkClaims(p: Published, flat: ReadonlyMap<string, FlatValue>, rows: readonly CountRow[], recomputed: ReadonlyMap<string, RowPs>): Finding[] {
  const contradicted: Contradicted[] = [];
  const out: { at: number; f: Finding }[] = [];
  p.claims.claims.forEach((c, at) => {
    // Statements about inclusion and the choice of tests have checks of their own (check-inclusion.ts, check-test-choice.ts).
    if (c.kind === 'all-patients' || c.kind === 'test-choice') return;
    let j: Judgement;
    if (c.kind === 'no-difference' || c.kind === 'difference') j = judgeComparison(p, c, recomputed);
    else if (c.kind === 'majority' || c.kind === 'ranking') j = judgeCounts(p, c, flat, rows);
    else {
      j = {
        verdict: 'cannot-check',
        text: 'This is a judgement without a test: compare the total column with Table 1 by eye; the audit checks the numbers row by row.',
        related: [],
      };
    }
    if (j.contradictions?.length) {
      contradicted.push({ claim: c, j });
      return;
    }
    const cell = claimCell(c.id);
    out.push({
      at,
      f: finding({
        id: `${cell}-claim`,
        scope: 'Text',
        check: 'claim',
        table: null,
        section: c.section,
        row: shortQuote(c.quote),
        column: null,
        page: c.page,
        printed: c.threshold?.source === 'stated' ? c.threshold.printed : shortQuote(c.quote),
        recomputed: { kind: c.kind, rows: c.rows },
        verdict: j.verdict,
        consequence: j.verdict === 'inconsistent' ? (j.consequence ?? 'number') : null,
        explanation: j.text,
        cells: [cell],
        related: j.related,
      }),
    });
  });
  // Group contradicted sentences that share a contradicting row (connected components).
  const groups: Contradicted[][] = [];
  for (const c of contradicted) {
    const cells = new Set((c.j.contradictions ?? []).map((x) => x.cell));
    const joined = groups.filter((g) => g.some((x) => (x.j.contradictions ?? []).some((r) => cells.has(r.cell))));
    const merged = [...joined.flat(), c];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  const order = new Map(p.claims.claims.map((c, i) => [c.id, i]));
  for (const g of groups) {
    g.sort((a, b) => order.get(a.claim.id)! - order.get(b.claim.id)!);
    out.push({ at: order.get(g[0].claim.id)!, f: groupedFinding(p, g, recomputed) });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.f);
}
