/**
 * Every number the story's prose shows, in one place, each from its source:
 *
 * - `printed`: what the paper printed, from `data/published/` as the data step validated it
 *   (src/generated/published.json);
 * - `computed`: what we compute at build time from the patient file (`src/generated/`, via
 *   `src/lib/generated.ts`) — reconstructed unless real data were supplied (`reconstructed`). With
 *   reconstructed data, hazard ratios are pooled over the ensemble of reconstructions and numbers
 *   the paper does not print are ranges across it (src/analysis/uncertainty.ts), as text;
 * - `power`: the detectable hazard ratio for the events in the data, computed by the data step
 *   (src/analysis/story-power.ts, src/generated/power.json), a range with reconstructed data.
 *
 * The MDX never types a number: it reads them from here, already formatted for people
 * (src/format/number.ts), so the story cannot drift from the data.
 */
import { getComparisonPower, getView, getViewUncertainty, power, published as publishedFiles, site, uncertainty } from '../../lib/generated.ts';
import type { SurvivalView } from '../../analysis/site-data.ts';
import type { EndpointKey, GroupingKey } from '../../analysis/views.ts';
import type { Published } from '../../published/load.ts';
import { eventsOf } from '../../analysis/story-power.ts';
import { formatEstimateCI, formatFixed, formatInterval, formatMonths, formatP, formatPercent } from '../../format/number.ts';
import { intervalInWords, spansHalvingAndDoubling } from './words.ts';
import { viewHazards } from '../hazards.ts';
import { formatCountRange, formatPRange, roundLikePrinted } from '../../format/uncertainty.ts';
import type { EnsembleRange } from '../../analysis/uncertainty-schema.ts';
import { detectableReason, hazardReason, logrankReason } from '../../format/limits.ts';

export { eventsOf, intervalInWords, spansHalvingAndDoubling };

/** The printed numbers of the paper (validated generated data). */
export function published(): Published {
  return publishedFiles;
}

/** The `values` of a text.json entry by role, e.g. `textValue('res-prior-tace', 'count')`. */
export function textValue(id: string, role: string): number {
  const entry = published().text.entries.find((e) => e.id === id);
  if (!entry) throw new Error(`story: no text.json entry "${id}"`);
  const value = entry.values.find((v) => v.role === role);
  if (!value || value.value === null) throw new Error(`story: text.json entry "${id}" has no value "${role}"`);
  return value.value;
}

/** A printed number exactly as the paper printed it (`printed` of a text.json value). */
export function textPrinted(id: string, role: string): string {
  const entry = published().text.entries.find((e) => e.id === id);
  const value = entry?.values.find((v) => v.role === role);
  if (!value) throw new Error(`story: text.json entry "${id}" has no value "${role}"`);
  return value.printed;
}

function figure(grouping: 'calcification' | 'enhancement', endpoint: EndpointKey) {
  const fig = published().survival.figures.find((f) => f.grouping === grouping && f.endpoint === endpoint);
  if (!fig) throw new Error(`story: no published figure for ${grouping} ${endpoint}`);
  return fig;
}

function quartile(grouping: GroupingKey, group: string, endpoint: EndpointKey) {
  const q = published().survival.quantiles.find((x) => x.grouping === grouping && x.group === group && x.endpoint === endpoint);
  if (!q) throw new Error(`story: no published quartiles for ${grouping}/${group} ${endpoint}`);
  return { median: q.median.printed, q25: q.q25.printed, q75: q.q75.printed };
}

function groupN(grouping: 'calcification' | 'enhancement', group?: string): number {
  const g = published().survival.groupings.find((x) => x.id === grouping);
  if (!g) throw new Error(`story: no published grouping ${grouping}`);
  if (!group) return g.n.value as number;
  const level = g.groups.find((x) => x.id === group);
  if (!level) throw new Error(`story: no published group ${grouping}/${group}`);
  return level.n.value as number;
}

/** One hazard ratio of a Cox fit (term = the non-reference level), formatted: pooled over the ensemble with reconstructed data. */
export interface HazardRatioText {
  readonly term: string;
  /** `calcification-os-yes`, as `data-hr` marks it on the page. */
  readonly key: string;
  readonly label: string;
  readonly hr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** `0.45 (0.17–1.19)` */
  readonly text: string;
  /** `0.17–1.19` */
  readonly interval: string;
  /** `from a 83% lower to a 19% higher hazard` */
  readonly words: string;
  readonly spansHalvingAndDoubling: boolean;
  readonly crossesOne: boolean;
  /** The point estimate is a sizeable effect: HR ≤ 2/3 or ≥ 1.5. */
  readonly sizeable: boolean;
  readonly p: string;
  readonly reconstructed: boolean;
  /** Real data: why the HR could not be estimated, one sentence (src/format/limits.ts); null when it was. */
  readonly reason: string | null;
}

function hazardRatios(view: SurvivalView): HazardRatioText[] {
  return viewHazards(view).map((h) => ({
    term: h.term,
    key: h.key,
    label: `${view.groupLabels[h.term] ?? h.term} vs ${view.groupLabels[h.reference] ?? h.reference}`,
    hr: h.hr,
    lower: h.lower,
    upper: h.upper,
    text: h.text,
    interval: h.interval,
    words: intervalInWords(h.lower, h.upper),
    spansHalvingAndDoubling: spansHalvingAndDoubling(h.lower, h.upper),
    crossesOne: h.lower !== null && h.upper !== null && h.lower < 1 && h.upper > 1,
    sizeable: h.hr !== null && (h.hr <= 2 / 3 || h.hr >= 1.5),
    p: h.pText,
    reconstructed: h.reconstructed,
    reason: h.reconstructed ? null : hazardReason(view, h.term),
  }));
}

/** What a comparison of two groups with `events` events and allocation k could detect with 80% power. */
export interface DetectableText {
  /** The events, as text: a count, or the range across the reconstructions (`36–43`). */
  readonly events: string;
  /** Null when either group has no patient. */
  readonly allocation: number | null;
  /** Detectable HR above 1: one number, or the range its event range gives (`2.37–2.52`). */
  readonly above: string;
  readonly below: string;
  /** Events Schoenfeld's formula needs to detect HR 1.5 with this allocation (depends on the group sizes only); null without an allocation. */
  readonly eventsFor15: number | null;
  /** The HRs it could not reliably detect, for the fewest events (the widest band); null if unbounded. */
  readonly undetectable: { readonly lower: number; readonly upper: number } | null;
  /** Real data: why nothing is detectable (a group without patients, no events), one sentence; null otherwise. */
  readonly reason: string | null;
}

/** `a` or `a–b` of two formatted numbers, smaller first. */
function span(a: string, b: string, x: number | null, y: number | null): string {
  if (a === b) return a;
  return (x ?? 0) <= (y ?? 0) ? `${a}–${b}` : `${b}–${a}`;
}

/** The detectable HRs of the hazard ratio of `term` in view `viewId`, as the data step computed them, formatted. */
export function detectable(viewId: string, term: string): DetectableText {
  const c = getComparisonPower(viewId, term);
  const { few, many } = c;
  return {
    events: c.events.range ? formatCountRange(c.events) : String(c.events.lower),
    allocation: c.allocation,
    above: span(formatFixed(many.above), formatFixed(few.above), many.above, few.above),
    below: span(formatFixed(few.below), formatFixed(many.below), few.below, many.below),
    eventsFor15: c.eventsFor15,
    undetectable: few.below !== null && few.above !== null ? { lower: few.below, upper: few.above } : null,
    reason: c.events.range ? null : detectableReason(getViewById(viewId), term, c.events.lower, c.allocation),
  };
}

function getViewById(id: string): SurvivalView {
  const [grouping, endpoint] = id.split('-') as [GroupingKey, EndpointKey];
  return getView(grouping, endpoint);
}

function viewNumbers(grouping: GroupingKey, endpoint: EndpointKey) {
  const view = getView(grouping, endpoint);
  const a = view.analysis;
  const u = getViewUncertainty(view.id);
  const printedMedian = (g: string) => published().survival.quantiles.find((q) => q.grouping === grouping && q.endpoint === endpoint && q.group === g)?.median.printed;
  return {
    view,
    n: a.n,
    /** Events: counted, or their range across the reconstructions (the paper does not print them). */
    events: u ? formatCountRange(u.eventsTotal) : String(eventsOf(view)),
    eventsRange: u?.eventsTotal ?? null,
    eventsByGroup: Object.fromEntries(a.groups.map((g) => [g, eventsOf(view, [g])])) as Record<string, number>,
    /** Log-rank p: computed, or (reconstructed) the range of the reconstructions, which were fitted to the printed p. */
    logrankP: u?.logrankP ? formatPRange(u.logrankP) : formatP(a.logrank?.p),
    chisq: formatFixed(a.logrank?.chisq),
    /** Real data without a log-rank test: why, one sentence; null otherwise. */
    logrankReason: u ? null : logrankReason(view),
    /** Medians: computed; with reconstructed data rounded like the paper's printed ones (they were fitted to them). */
    medians: Object.fromEntries(
      a.groups.map((g) => [g, u ? roundLikePrinted(a.quantiles[g].median.est, printedMedian(g)) : formatMonths(a.quantiles[g].median.est)]),
    ) as Record<string, string>,
    hazardRatios: hazardRatios(view),
  };
}

/** A count the paper does not print: counted in real data, the range across the reconstructions otherwise. */
function countText(counted: number, range: EnsembleRange | undefined): string {
  return range ? formatCountRange(range) : String(counted);
}

function build() {
  const p = published();
  const cohortN = p.survival.cohort.n.value as number;
  const calcN = groupN('calcification');
  const enhN = groupN('enhancement');
  const both = site.bothAssessed;
  const neither = site.patients - site.calcificationAssessed - site.enhancementAssessed + both;

  const calcRfs = viewNumbers('calcification', 'rfs');
  const calcOs = viewNumbers('calcification', 'os');
  const enhRfs = viewNumbers('enhancement', 'rfs');
  const enhOs = viewNumbers('enhancement', 'os');
  const allRfs = viewNumbers('all', 'rfs');
  const allOs = viewNumbers('all', 'os');

  const calcOsDetect = detectable(calcOs.view.id, 'yes');
  const calcRfsDetect = detectable(calcRfs.view.id, 'yes');
  const enhOsDetect = detectable(enhOs.view.id, 'hyper');

  const s1 = p.tableS1.rows;
  const s1Level = (row: string, level: string) => {
    const r = s1.find((x) => x.id === row);
    if (!r || r.kind !== 'categorical') throw new Error(`story: Table S1 row ${row} is not categorical`);
    const l = r.levels.find((x) => x.id === level);
    if (!l) throw new Error(`story: Table S1 level ${row}.${level}`);
    return l.estimate.printed;
  };

  const allHazards = [calcRfs, calcOs, enhRfs, enhOs].flatMap((v) => v.hazardRatios);
  const large = allHazards.filter((h) => h.lower !== null && h.upper !== null && (h.lower <= 0.5 || h.upper >= 2));

  return {
    reconstructed: site.reconstructed,
    printed: {
      cohortN,
      years: { start: textValue('methods-study-years', 'start'), end: textValue('methods-study-years', 'end') },
      calcN,
      enhN,
      calcPercentOfCohort: textPrinted('res-calc-n', 'percent'),
      enhPercentOfCohort: textPrinted('res-enh-n', 'percent'),
      calcGroups: { no: groupN('calcification', 'no'), yes: groupN('calcification', 'yes') },
      calcYesPercent: textPrinted('res-calc-yes', 'percent'),
      enhGroups: { hypo: groupN('enhancement', 'hypo'), hyper: groupN('enhancement', 'hyper'), mixed: groupN('enhancement', 'mixed') },
      enhPercent: {
        hypo: textPrinted('res-enh-hypo', 'percent'),
        hyper: textPrinted('res-enh-hyper', 'percent'),
        mixed: textPrinted('res-enh-mixed', 'percent'),
      },
      localizedOs: { years: textValue('intro-localized-os', 'time'), lower: textValue('intro-localized-os', 'lower'), upper: textValue('intro-localized-os', 'upper') },
      nelmOs: { years: textValue('intro-nelm-os', 'time'), lower: textValue('intro-nelm-os', 'lower'), upper: textValue('intro-nelm-os', 'upper') },
      roiArea: textPrinted('methods-roi-tumor', 'value'),
      roiRepeats: textValue('methods-roi-repeats', 'count'),
      surveillanceMonths: textValue('methods-surveillance', 'time'),
      alpha: textPrinted('methods-alpha', 'threshold'),
      arterialHu: {
        hypo: textPrinted('res-hu-arterial-hypo', 'median'),
        hyper: textPrinted('res-hu-arterial-hyper', 'median'),
        mixed: textPrinted('res-hu-arterial-mixed', 'median'),
      },
      prior: {
        chemotherapy: textValue('res-prior-chemotherapy', 'count'),
        ssa: textValue('res-prior-ssa', 'count'),
        tace: textValue('res-prior-tace', 'count'),
      },
      table2Rows: p.table2.rows.length,
      table3Rows: p.table3.rows.length,
      /** Which enhancement group has the longest printed median OS. */
      enhOsLongest: (['hypo', 'hyper', 'mixed'] as const).reduce((best, g) =>
        Number(quartile('enhancement', g, 'os').median) > Number(quartile('enhancement', best, 'os').median) ? g : best,
      ),
      followUp: { median: p.survival.followUp.median.printed, q25: p.survival.followUp.q25.printed, q75: p.survival.followUp.q75.printed },
      rfsCohort: quartile('all', 'all', 'rfs'),
      osCohort: quartile('all', 'all', 'os'),
      logrankP: {
        calcRfs: figure('calcification', 'rfs').logrankP.printed,
        calcOs: figure('calcification', 'os').logrankP.printed,
        enhRfs: figure('enhancement', 'rfs').logrankP.printed,
        enhOs: figure('enhancement', 'os').logrankP.printed,
      },
      figureLabel: {
        calcRfs: figure('calcification', 'rfs').figure,
        calcOs: figure('calcification', 'os').figure,
        enhRfs: figure('enhancement', 'rfs').figure,
        enhOs: figure('enhancement', 'os').figure,
      },
      medians: {
        calcRfs: { no: quartile('calcification', 'no', 'rfs'), yes: quartile('calcification', 'yes', 'rfs') },
        calcOs: { no: quartile('calcification', 'no', 'os'), yes: quartile('calcification', 'yes', 'os') },
        enhRfs: { hypo: quartile('enhancement', 'hypo', 'rfs'), hyper: quartile('enhancement', 'hyper', 'rfs'), mixed: quartile('enhancement', 'mixed', 'rfs') },
        enhOs: { hypo: quartile('enhancement', 'hypo', 'os'), hyper: quartile('enhancement', 'hyper', 'os'), mixed: quartile('enhancement', 'mixed', 'os') },
      },
      atRiskCalcRfs: {
        times: figure('calcification', 'rfs').times,
        yes: figure('calcification', 'rfs').atRisk.yes,
      },
      s1: {
        ki67: s1Level('liver-ki67', 'ge-20'),
        differentiation: s1Level('liver-differentiation', 'poor'),
        bmi: (() => {
          const r = s1.find((x) => x.id === 'bmi');
          return r && r.kind !== 'categorical' ? r.estimate.printed : '';
        })(),
      },
    },
    computed: {
      /** How many of the hazard-ratio intervals (both signs, both endpoints) reach a halving or a doubling. */
      largeEffectIntervals: { k: large.length, n: allHazards.length },
      patients: site.patients,
      /** Patients assessed for both signs, one, or neither: the paper does not print these, so ranges with reconstructed data. */
      both: countText(both, uncertainty?.assessed.both),
      neither: countText(neither, uncertainty?.assessed.neither),
      calcOnly: countText(site.calcificationAssessed - both, uncertainty?.assessed.calcificationOnly),
      enhOnly: countText(site.enhancementAssessed - both, uncertainty?.assessed.enhancementOnly),
      /** The same counts in the patient file itself (the main reconstruction), for drawing proportions only. */
      overlapDrawn: { both, neither, calcOnly: site.calcificationAssessed - both, enhOnly: site.enhancementAssessed - both },
      members: uncertainty?.members ?? null,
      allRfs,
      allOs,
      calcRfs,
      calcOs,
      enhRfs,
      enhOs,
    },
    power: {
      design: formatPercent(power.designPower, 0),
      calcOs: calcOsDetect,
      calcRfs: calcRfsDetect,
      enhOs: enhOsDetect,
    },
  };
}

export type StoryNumbers = ReturnType<typeof build>;

let numbers: StoryNumbers | null = null;
/** The story's numbers, computed once per build. */
export function storyNumbers(): StoryNumbers {
  numbers ??= build();
  return numbers;
}
