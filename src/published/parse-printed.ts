/**
 * Parsers for numbers exactly as the paper prints them.
 *
 * The schemas in `schemas.ts` store each printed string beside the numbers it stands for and
 * use these parsers to check that the two agree, so a mistyped transcribed number is caught.
 * The parsers are strict: ranges use the en dash the paper prints (`–`, U+2013), cells are
 * separated by single spaces, and anything unexpected returns `null` instead of a guess.
 *
 * Formats of table cells: `53 (93.0)`, `2 (3.8)+`, `57 [50–63]`, `3% [2–10%]`, `2 [2–10%]`,
 * `0.017*`, `<0.001`, `N/A`, `Ref.`, `1.00 (0.96, 1.04)`. In prose: `P=0.772`, `P>0.05`,
 * `59.5%`, number words such as `Twelve` or `Fifty-one`.
 */

/** Footnote marks: `*` Fisher's exact test, `+` percentages of patients with available data. */
export type Mark = '*' | '+';
export type Relation = '=' | '<' | '>';

/** `n (pct)` as in `2 (3.8)+`. */
export interface CountPercent {
  readonly kind: 'count';
  readonly count: number;
  readonly percent: number;
  readonly marks: readonly Mark[];
}

/** `median [q1–q3]` as in `3% [2–10%]`; `percentSigns` tells which of the three carry a `%`. */
export interface MedianIqr {
  readonly kind: 'quantiles';
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly percentSigns: readonly [boolean, boolean, boolean];
  /** `'%'` when any of the three numbers is printed with a percent sign. */
  readonly unit: '%' | null;
  readonly marks: readonly Mark[];
}

/** Hazard ratio with its 95% CI, as in `0.86 (0.76, 0.96)`. */
export interface HazardRatio {
  readonly kind: 'hr';
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
}

/** A single number, possibly an inequality (`<0.001`), a `P=` statement or a percentage. */
export interface PlainNumber {
  readonly kind: 'number';
  readonly value: number;
  readonly relation: Relation;
  readonly percentSign: boolean;
  readonly marks: readonly Mark[];
}

/** `Ref.`: the reference level of a Cox model. */
export interface Reference {
  readonly kind: 'ref';
}

/** `N/A`: printed where a number would be. */
export interface NotAvailable {
  readonly kind: 'na';
}

export type Parsed = CountPercent | MedianIqr | HazardRatio | PlainNumber | Reference | NotAvailable;

const NUM = String.raw`\d+(?:\.\d+)?`;
const MARKS = String.raw`([*+]{0,2})`;

const COUNT_RE = new RegExp(String.raw`^(\d+) \((${NUM})\)${MARKS}$`);
const QUANTILES_RE = new RegExp(String.raw`^(${NUM})(%?) \[(${NUM})(%?)–(${NUM})(%?)\]${MARKS}$`);
const HR_RE = new RegExp(String.raw`^(${NUM}) \((${NUM}), (${NUM})\)$`);
const NUMBER_RE = new RegExp(String.raw`^(?:P ?)?([<>=])? ?(${NUM})(%?)${MARKS}$`);

function marksOf(s: string): Mark[] {
  return [...s] as Mark[];
}

/** Parses `n (pct)` with optional footnote marks, e.g. `34 (64.1)+`. */
export function parseCountPercent(printed: string): CountPercent | null {
  const m = COUNT_RE.exec(printed);
  if (!m) return null;
  return { kind: 'count', count: Number(m[1]), percent: Number(m[2]), marks: marksOf(m[3]) };
}

/** Parses `median [q1–q3]`, each number optionally followed by `%`, e.g. `2.5% [2–12%]` or `2 [2–10%]`. */
export function parseMedianIqr(printed: string): MedianIqr | null {
  const m = QUANTILES_RE.exec(printed);
  if (!m) return null;
  const percentSigns = [m[2] === '%', m[4] === '%', m[6] === '%'] as const;
  return {
    kind: 'quantiles',
    median: Number(m[1]),
    q1: Number(m[3]),
    q3: Number(m[5]),
    percentSigns,
    unit: percentSigns.some(Boolean) ? '%' : null,
    marks: marksOf(m[7]),
  };
}

/** Parses `hr (lower, upper)`, e.g. `5.67 (1.97, 16.26)`. */
export function parseHazardRatio(printed: string): HazardRatio | null {
  const m = HR_RE.exec(printed);
  if (!m) return null;
  return { kind: 'hr', hr: Number(m[1]), lower: Number(m[2]), upper: Number(m[3]) };
}

/** Parses one number: `65.0`, `0.017*`, `<0.001`, `P=0.772`, `P>0.05`, `59.5%`. */
export function parseNumber(printed: string): PlainNumber | null {
  const m = NUMBER_RE.exec(printed);
  if (!m) return null;
  return {
    kind: 'number',
    value: Number(m[2]),
    relation: (m[1] ?? '=') as Relation,
    percentSign: m[3] === '%',
    marks: marksOf(m[4]),
  };
}

/** Parses any printed table cell or prose number; `null` when the string fits no known format. */
export function parsePrinted(printed: string): Parsed | null {
  if (printed === 'N/A') return { kind: 'na' };
  if (printed === 'Ref.') return { kind: 'ref' };
  return parseCountPercent(printed) ?? parseMedianIqr(printed) ?? parseHazardRatio(printed) ?? parseNumber(printed);
}

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English number words up to 99, any case, as in `Twelve`, `Fifty-seven`, `Eighty-two`; `null` otherwise. */
export function parseNumberWord(word: string): number | null {
  const w = word.toLowerCase();
  const unit = UNITS.indexOf(w);
  if (unit >= 0) return unit;
  const [tens, ones, extra] = w.split('-');
  if (extra !== undefined) return null;
  const t = TENS.indexOf(tens);
  if (t < 2) return null;
  if (ones === undefined) return t * 10;
  const o = UNITS.indexOf(ones);
  return o >= 1 && o <= 9 ? t * 10 + o : null;
}

/** One number found in a stretch of prose. */
export interface ProseToken {
  /** The characters of the number itself: `59.5%`, `0.772`, `Twelve`. */
  readonly printed: string;
  readonly value: number;
  /** `<`, `>` or `=` when one of them (after optional spaces) precedes the number, else `=`. */
  readonly relation: Relation;
  /** Offset of `printed` within the prose. */
  readonly index: number;
}

// Digits glued to a preceding letter, digit, dot or hyphen are part of a name (`Ki-67`, `mm2`, `R0`),
// not numbers. Number words are matched whole, with an optional hyphenated second word.
const PROSE_RE = /(?<![\p{L}\d.\-])(\d+(?:\.\d+)?%?)|(?<![\p{L}-])(\p{L}+(?:-\p{L}+)?)(?![\p{L}])/gu;

/**
 * Every number in a stretch of prose, in order: digit tokens (with a trailing `%` when printed)
 * and English number words (`Twelve`, `Fifty-one`).
 */
export function proseNumbers(prose: string): ProseToken[] {
  const out: ProseToken[] = [];
  for (const m of prose.matchAll(PROSE_RE)) {
    const index = m.index ?? 0;
    let value: number | null;
    let printed: string;
    if (m[1] !== undefined) {
      printed = m[1];
      value = Number(printed.replace('%', ''));
    } else {
      printed = m[2];
      value = parseNumberWord(printed);
      if (value === null) continue;
    }
    const before = prose.slice(0, index).trimEnd();
    const last = before.at(-1);
    const relation: Relation = last === '<' || last === '>' ? last : '=';
    out.push({ printed, value, relation, index });
  }
  return out;
}
