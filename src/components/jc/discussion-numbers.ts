/**
 * Every number the discussion guide's model answers (content/journal-club/discussion.mdx) quote,
 * read from the generated data (src/lib/generated.ts) and formatted for prose. With reconstructed
 * data, hazard ratios are pooled over the reconstructions and labelled, and numbers the paper does
 * not print are ranges across them (src/components/jc/comparisons.ts).
 */
import { getView, published, site, uncertainty } from '../../lib/generated.ts';
import { formatCountRange } from '../../format/uncertainty.ts';
import { formatEstimateCI, formatFixed, formatP, formatPercent } from '../../format/number.ts';
import { countPValues, multiplicity, plusRows } from './discussion-data.ts';
import { DEFAULT_SETTINGS, eventEnds, powerRow } from './power-lab.ts';
import { planCellsOf } from './power-format.ts';
import type { PowerComparison } from './power-lab.ts';
import { journalClubComparisons } from './comparisons.ts';

/** A table label inside a sentence: `Hypertension` → `hypertension`, acronyms (`ASA class`) kept. */
export function inlineLabel(label: string): string {
  const short = label.replace(/,\s*median.*$/i, '');
  return /^[A-Z][a-z]/.test(short) ? short[0].toLowerCase() + short.slice(1) : short;
}

/** A hazard ratio in words: `hazard 85% lower`, `hazard 20% higher`, `2.5 times the hazard`. */
export function relativeHazard(hr: number): string {
  return hr < 1 ? `hazard ${formatPercent(1 - hr, 0)} lower` : hr < 2 ? `hazard ${formatPercent(hr - 1, 0)} higher` : `${formatFixed(hr, 1)} times the hazard`;
}

/** `0.36–0.39` or `0.38`: a detectable HR at both ends of the events range (one number with real data). */
function detect(c: PowerComparison, side: 'below' | 'above'): string {
  if (c.limit !== null) return '–';
  const [few, many] = eventEnds(c).map((x) => formatFixed(powerRow(x, DEFAULT_SETTINGS).detectable.schoenfeld[side], 2));
  return few === many ? few : side === 'below' ? `${few}–${many}` : `${many}–${few}`;
}

/** Events of a comparison: the count, or the range across the reconstructions. */
function eventsText(c: PowerComparison): string {
  return c.reconstructed ? formatCountRange(c.reconstructed.events) : String(c.events);
}

/** Real data: a sentence of src/format/limits.ts in parentheses, lower case, without its full stop. */
function aside(sentence: string): string {
  return `(${sentence.charAt(0).toLowerCase()}${sentence.slice(1).replace(/\.$/, '')})`;
}

function hrText(c: PowerComparison): string {
  return (
    (c.hazardRatio ? formatEstimateCI(c.hazardRatio.est, c.hazardRatio.lower, c.hazardRatio.upper) : `not estimable${c.hrReason ? ` ${aside(c.hrReason)}` : ''}`) +
    (c.reconstructed ? ` (${c.reconstructed.note})` : '')
  );
}

/** One comparison as the answers quote it. */
function comparisonText(c: PowerComparison) {
  return {
    ...c,
    eventsText: eventsText(c),
    hrText: hrText(c),
    detectBelow: detect(c, 'below'),
    detectAbove: detect(c, 'above'),
    lowerText: c.hazardRatio ? formatFixed(c.hazardRatio.lower, 2) : null,
    upperText: c.hazardRatio ? formatFixed(c.hazardRatio.upper, 2) : null,
    lowerWords: c.hazardRatio ? relativeHazard(c.hazardRatio.lower) : null,
    upperWords: c.hazardRatio ? relativeHazard(c.hazardRatio.upper) : null,
    /** Real data that cannot support the power numbers: why, in parentheses (src/format/limits.ts); null otherwise. */
    limitAside: c.limit ? aside(c.limit) : null,
  };
}

/** The numbers of the discussion guide (pure: the same generated data give the same text). */
export function discussionNumbers() {
  const comparisons = journalClubComparisons();
  const byId = (id: string) => {
    const c = comparisons.find((x) => x.id === id);
    if (!c) throw new Error(`journal club: no comparison ${id}`);
    return comparisonText(c);
  };
  const pct = (a: number, b: number) => formatPercent(a / b, 1);

  // Missing data.
  const n = site.patients;
  const plus = plusRows(published.table1);
  const plusById = Object.fromEntries(plus.map((r) => [r.id, r]));
  const gradeRow = published.table1.rows.find((r) => r.id === 'primary-grade');
  const grade1 = gradeRow?.kind === 'categorical' ? gradeRow.levels[0].cells.total : null;

  // Multiplicity.
  const t2 = countPValues(published.table2);
  const t3 = countPValues(published.table3);
  const logranks = (['calcification', 'enhancement'] as const).flatMap((g) => (['rfs', 'os'] as const).map((e) => getView(g, e)));
  const m = multiplicity(t2.printed + t3.printed + logranks.length);
  const hu = t3.below.filter((b) => /HU/.test(b.label));

  // Calcification and OS: the smallest p.
  const calcOsView = getView('calcification', 'os');
  const calcOs = byId('calcification-os-yes');
  const printedP = calcOsView.published.logrankP?.printed ?? '–';

  // Enhancement: three groups.
  const enhOs = getView('enhancement', 'os');

  // Tails of the curves.
  const calcRfsView = getView('calcification', 'rfs');

  return {
    reconstructed: site.reconstructed,
    n,
    calcN: site.calcificationAssessed,
    enhN: site.enhancementAssessed,
    calcPct: pct(site.calcificationAssessed, n),
    enhPct: pct(site.enhancementAssessed, n),
    bothN: uncertainty ? formatCountRange(uncertainty.assessed.both) : String(site.bothAssessed),
    plusCount: plus.length,
    grade: plusById['primary-grade'] && grade1 ? { ...plusById['primary-grade'], level1: grade1 } : null,
    diabetesKnown: plusById['diabetes']?.known ?? null,
    t2: { printed: t2.printed, belowCount: t2.below.length, belowList: t2.below.map((b) => `${inlineLabel(b.label)} ${b.printed.replace('*', '')}`).join('; ') },
    t3: { printed: t3.printed, notAvailable: t3.notAvailable, belowCount: t3.below.length },
    huCount: hu.length,
    huList: hu.map((b) => inlineLabel(b.label)).join(' and '),
    logrankCount: logranks.length,
    tests: m.m,
    expectedFalse: formatFixed(m.expected, 1),
    atLeastOne: formatPercent(m.atLeastOne, 0),
    printedP,
    per100: Math.round(Number(printedP) * 100),
    calcOsP: formatP(calcOsView.analysis.logrank?.p),
    calcOs,
    calcRfs: byId('calcification-rfs-yes'),
    /** Real data: why the calcification comparisons have no power numbers (no patients in a group, no events); null otherwise. */
    powerLimit: [calcOs.limit, byId('calcification-rfs-yes').limit].filter((x) => x !== null).join(' ') || null,
    need: planCellsOf(calcOs, DEFAULT_SETTINGS),
    needRfs: planCellsOf(byId('calcification-rfs-yes'), DEFAULT_SETTINGS),
    alpha: DEFAULT_SETTINGS.alpha,
    power: formatPercent(DEFAULT_SETTINGS.power, 0),
    enhDf: enhOs.analysis.logrank?.df ?? '–',
    hyperN: enhOs.analysis.groupSizes.hyper ?? 0,
    hyperOs: byId('enhancement-os-hyper'),
    tailTime: calcRfsView.published.times[calcRfsView.published.times.length - 1],
    tailYes: calcRfsView.published.atRisk?.yes?.at(-1) ?? '–',
    tailNo: calcRfsView.published.atRisk?.no?.at(-1) ?? '–',
  };
}
