/**
 * Check: numbers of the abstract and text against the tables and figures they restate
 * (text.json `refersTo`), and their percentages against count / denominator (GRIM, as for the
 * tables). Counts must be equal, medians, hazard ratios and P values equal within rounding, and
 * a percentage must be what its count over its denominator rounds to. The denominator is the
 * one the sentence states or implies, else the one the referenced table cell uses; the count
 * is the sentence's own or the sum of the referenced cells (e.g. two levels added together).
 * One finding per text entry that restates a number or gives a percentage of a count.
 */
import type { FlatValue } from '../published/load.ts';
import type { TextEntry } from '../published/schemas.ts';
import { cellOfValue, textCell } from './anchors.ts';
import type { CountRow } from './count-rows.ts';
import { finding } from './finding.ts';
import { checkPercent } from './grim.ts';
import { MECHANISM_WORDS, PERCENT_ALTERNATIVES } from './mechanisms.ts';
import { shortQuote } from './quote.ts';
import { overlaps, percentToken, printedDecimal, printedInterval } from './rounding.ts';
import type { BenignMechanism, Finding, Recomputed } from './types.ts';
import { list, pct } from './words.ts';

/** Denominator of each count cell of Tables 1–3, by flattened value id. */
export function cellDenominators(rows: readonly CountRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    for (const l of r.levels) {
      for (const c of r.columns) out.set(`${r.file}/${r.row.id}${l.id === null ? '' : `.${l.id}`}/${c.id}`, r.denominators[c.id].chosen);
    }
  }
  return out;
}

const where = (v: FlatValue) => `${v.location.table ?? v.location.figure ?? v.location.section ?? v.file} “${v.printed}”`;

/** True when two printed numbers can stand for the same value. */
function samePrinted(a: number, aPrinted: string, b: number, bPrinted: string): boolean {
  const da = printedDecimal(aPrinted)?.decimals ?? 0;
  const db = printedDecimal(bPrinted)?.decimals ?? 0;
  return overlaps(printedInterval(a, da) as [number, number], printedInterval(b, db) as [number, number]);
}

/** The printed token of one of `e.values` (for its decimals). */
const token = (e: TextEntry, role: string) => e.values.find((v) => v.role === role)?.printed ?? '';

const COMPARE: Readonly<Record<string, { kinds: readonly FlatValue['kind'][]; key: (v: FlatValue) => number | undefined; token: (v: FlatValue, role: string) => string }>> = {
  count: { kinds: ['count', 'n'], key: (v) => v.numbers.count ?? v.numbers.n, token: (v) => String(v.numbers.count ?? v.numbers.n) },
  median: { kinds: ['quantiles'], key: (v) => v.numbers.median, token: (v) => quantileToken(v, 0) },
  q1: { kinds: ['quantiles'], key: (v) => v.numbers.q1, token: (v) => quantileToken(v, 1) },
  q3: { kinds: ['quantiles'], key: (v) => v.numbers.q3, token: (v) => quantileToken(v, 2) },
  hr: { kinds: ['hr'], key: (v) => v.numbers.hr, token: (v) => hrToken(v, 0) },
  lower: { kinds: ['hr'], key: (v) => v.numbers.lower, token: (v) => hrToken(v, 1) },
  upper: { kinds: ['hr'], key: (v) => v.numbers.upper, token: (v) => hrToken(v, 2) },
  p: { kinds: ['p'], key: (v) => v.numbers.p, token: (v) => v.printed },
};

function quantileToken(v: FlatValue, i: number): string {
  return v.printed.match(/\d+(?:\.\d+)?/g)?.[i] ?? '';
}
function hrToken(v: FlatValue, i: number): string {
  return v.printed.match(/\d+(?:\.\d+)?/g)?.[i] ?? '';
}

export function checkTextEntry(e: TextEntry, flat: ReadonlyMap<string, FlatValue>, denominators: ReadonlyMap<string, number>): Finding | null {
  const refs = e.refersTo.map((id) => flat.get(id)).filter((v): v is FlatValue => v !== undefined);
  const own = Object.fromEntries(e.values.map((v) => [v.role, v.value]));
  const hasPercent = own.percent !== undefined;
  if (e.kind !== 'result' || (refs.length === 0 && !(hasPercent && own.count !== undefined && e.denominator))) return null;

  const problems: { text: string; kind: 'number' | 'note' }[] = [];
  const agreements: string[] = [];
  const explainedBy: BenignMechanism[] = [];
  let grimText = '';
  const recomputed: Record<string, unknown> = {};

  // Numbers restated from tables and figures.
  for (const v of e.values) {
    const spec = COMPARE[v.role];
    if (!spec) continue;
    const targets = refs.filter((r) => spec.kinds.includes(r.kind) && spec.key(r) !== undefined);
    for (const t of targets) {
      const ok = v.role === 'count' ? spec.key(t) === v.value : samePrinted(v.value, v.printed, spec.key(t) as number, spec.token(t, v.role));
      if (!ok) problems.push({ text: `${v.printed} differs from ${where(t)}.`, kind: 'number' });
      else if (!agreements.includes(where(t))) agreements.push(where(t));
    }
  }

  // The percentage against count / denominator.
  if (hasPercent) {
    const countRefs = refs.filter((r) => r.kind === 'count');
    const count = own.count ?? (countRefs.length ? countRefs.reduce((a, r) => a + (r.numbers.count as number), 0) : undefined);
    const den = e.denominator?.value ?? (countRefs.length ? denominators.get(countRefs[0].id) : undefined);
    const printedPct = token(e, 'percent').replace('%', '');
    const pd = printedDecimal(printedPct);
    if (count !== undefined && den !== undefined && pd) {
      const c = checkPercent(count, den, pd, den);
      recomputed.percent = c.exact;
      recomputed.denominators = [den];
      recomputed.mechanisms = c.mechanisms;
      const parts = own.count === undefined && countRefs.length > 1 ? countRefs.map((r) => r.numbers.count as number) : [];
      const countText = parts.length ? `${parts.join(' + ')} = ${count}` : String(count);
      const decimals = pd.decimals;
      const correct = (Math.round(c.exact * 10 ** decimals + 1e-9) / 10 ** decimals).toFixed(decimals);
      const habit = (['truncation', 'double-rounding', 'whole-percent'] as const).find((m) => c.mechanisms.includes(m));
      // A sum of parts may be the sum of the parts' own printed (rounded or truncated) percentages.
      const scale = 100 * 10 ** decimals;
      const cut = parts.map((k) => Math.floor((k * scale) / den));
      const partsTruncated = parts.length > 1 && cut.reduce((a, b) => a + b, 0) === pd.units;
      if (c.rounds) {
        grimText = `${countText} of ${den} is ${pct(c.exact)}, which rounds to ${printedPct} as printed.`;
      } else if (habit) {
        explainedBy.push(habit);
        grimText = `${countText} of ${den} is ${pct(c.exact)}; the printed ${printedPct} is what ${MECHANISM_WORDS[habit]} gives (ordinary rounding gives ${correct}).`;
      } else if (partsTruncated) {
        explainedBy.push('truncation');
        grimText = `${countText} of ${den} is ${pct(c.exact)} (${correct} rounded); the printed ${printedPct} is the sum of the parts' percentages each truncated (${cut.map((u) => (u / 10 ** decimals).toFixed(decimals)).join(' + ')}).`;
      } else {
        const ref = countRefs.length === 1 ? countRefs[0] : null;
        const refPct = ref?.numbers.percent;
        const refToken = ref ? percentToken(ref.printed) : null;
        const oneDigit = refToken !== null && refToken.length === printedPct.length && [...refToken].filter((ch, i) => ch !== printedPct[i]).length === 1;
        const computed = `${countText} of ${den} is ${pct(c.exact)}, which rounds to ${correct}, not ${printedPct}; none of ${PERCENT_ALTERNATIVES} gives ${printedPct}.`;
        let text = computed;
        if (ref && refPct !== undefined && refPct !== pd.units / 10 ** pd.decimals) {
          const table = where(ref).replace(/^(\S+ \S+) /, '$1 prints ');
          text = oneDigit
            ? `The ${e.section}'s ${printedPct} for ${countText} of ${den} is one digit away from the correct ${refToken} that ${table}: an evident typo. Recomputed: ${computed}`
            : `${computed} ${table}.`;
        } else if (c.countsThatFit.length === 0) text += ` No whole number of patients out of ${den} gives ${printedPct}%.`;
        problems.push({ text, kind: 'number' });
      }
    }
    // A percentage should carry its % sign: a notation point, not an inconsistency.
    if (!token(e, 'percent').endsWith('%') && problems.length === 0) {
      problems.push({
        text: `The numbers agree (${[...agreements, grimText.replace(/, which.*$/, '').replace(/;.*$/, '')].filter(Boolean).join('; ')}); ${printedPct} is printed without its % sign, a notation point.`,
        kind: 'note',
      });
    }
  }

  if (problems.length === 0 && agreements.length === 0 && !grimText) return null;
  const real = problems.filter((p) => p.kind !== 'note');
  const verdict = real.length ? 'inconsistent' : problems.length ? 'note' : 'consistent';
  const explanation = problems.length
    ? problems.map((p) => p.text).join(' ')
    : [agreements.length ? `Agrees with ${list(agreements)}.` : '', grimText].filter(Boolean).join(' ');
  const cell = textCell(e.id);
  return finding({
    id: `${cell}-text`,
    scope: 'Text',
    check: 'text-number',
    table: null,
    section: e.section,
    row: shortQuote(e.quote, e.printed),
    column: null,
    page: e.page,
    printed: e.printed,
    recomputed: recomputed as Recomputed,
    verdict,
    consequence: verdict === 'inconsistent' ? 'number' : null,
    explainedBy,
    explanation,
    cells: [cell],
    related: e.refersTo.map(cellOfValue).filter((c): c is string => c !== null),
  });
}

export function checkTextNumbers(entries: readonly TextEntry[], flat: ReadonlyMap<string, FlatValue>, denominators: ReadonlyMap<string, number>): Finding[] {
  return entries.map((e) => checkTextEntry(e, flat, denominators)).filter((f): f is Finding => f !== null);
}
