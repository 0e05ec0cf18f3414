/**
 * What a data set cannot support, in words: the one place for the sentences the pages show when a
 * group has no patients, an endpoint no events, or a grouping a single group (src/analysis/
 * site-data.ts `ViewLimits`). With the paper's data and the reconstruction every function here
 * returns nothing; with a real patient file dropped in, the figure, the tables, the story and the
 * journal club say why a number is missing instead of failing.
 */
import type { SurvivalView } from '../analysis/site-data.ts';
import { ENDPOINTS, GROUPINGS } from '../analysis/views.ts';

function noun(view: SurvivalView, group: string): string {
  return GROUPINGS[view.grouping].patientNouns[group] ?? `patient in the group “${view.groupLabels[group] ?? group}”`;
}

function plural(phrase: string): string {
  return phrase.replace(/\bpatient\b/, 'patients');
}

function events(view: SurvivalView): string {
  return ENDPOINTS[view.endpoint].eventWord === 'death' ? 'deaths' : 'recurrences';
}

function eventWord(view: SurvivalView): string {
  return ENDPOINTS[view.endpoint].eventWord;
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Sentences explaining everything a view cannot show, in reading order; empty when nothing is
 * missing. E.g. `No hyperenhancing patient in this data set, so that group has no curve and cannot
 * be compared.`, `No deaths in this data set: the median and the hazard ratios cannot be estimated,
 * and there is no log-rank test.`
 */
export function viewLimitSentences(view: SurvivalView): string[] {
  const { emptyGroups, groupsWithoutEvents, noEvents } = view.limits;
  const a = view.analysis;
  const out: string[] = [];
  const grouped = GROUPINGS[view.grouping].column !== null;
  if (grouped && a.groups.length === 0) {
    return [
      `No patient in this data set was assessed for ${GROUPINGS[view.grouping].assessed}, so there are no curves to draw and nothing to compare.`,
    ];
  }
  if (emptyGroups.length) {
    const names = emptyGroups.map((g) => noun(view, g));
    out.push(
      emptyGroups.length === 1
        ? `No ${names[0]} in this data set, so that group has no curve and cannot be compared.`
        : `No ${andList(names)} in this data set, so those groups have no curves and cannot be compared.`,
    );
  }
  if (grouped && a.groups.length === 1) {
    out.push(`Only the ${plural(noun(view, a.groups[0]))} form a group here, so there is nothing to compare them with: no log-rank test and no hazard ratio.`);
  }
  if (noEvents) {
    const ratios = (a.cox?.terms.length ?? 0) > 1 ? 'the hazard ratios' : 'the hazard ratio';
    const what = grouped && a.groups.length > 1 ? `the medians and ${ratios} cannot be estimated, and there is no log-rank test` : 'the median cannot be estimated (the curve never falls)';
    out.push(`No ${events(view)} in this data set: ${what}.`);
  } else if (groupsWithoutEvents.length) {
    const who = andList(groupsWithoutEvents.map((g) => plural(noun(view, g))));
    const hr = grouped && a.groups.length > 1 ? ' and the hazard ratio against them cannot be estimated (it is unbounded)' : '';
    out.push(`No ${eventWord(view)} among the ${who}: their median is not reached${hr}.`);
  }
  return out;
}

/**
 * Why the hazard ratio of `term` (against the view's reference) is missing, as one sentence; null
 * when it was estimated.
 */
export function hazardReason(view: SurvivalView, term: string): string | null {
  const a = view.analysis;
  const t = a.cox?.terms.find((x) => x.term === term);
  if (t && t.hr !== null && Number.isFinite(t.hr)) return null;
  const ref = a.reference ?? GROUPINGS[view.grouping].levels[0];
  const { emptyGroups, groupsWithoutEvents, noEvents } = view.limits;
  if (emptyGroups.includes(ref) && emptyGroups.includes(term)) {
    return `No ${noun(view, ref)} and no ${noun(view, term)} in this data set, so this comparison cannot be made.`;
  }
  if (emptyGroups.includes(ref)) return `No ${noun(view, ref)} in this data set, so no hazard ratio against that group can be estimated.`;
  if (emptyGroups.includes(term)) return `No ${noun(view, term)} in this data set, so this comparison cannot be made.`;
  if (noEvents) return `No ${events(view)} in this data set: the hazard ratio cannot be estimated.`;
  const without = [term, ref].filter((g) => groupsWithoutEvents.includes(g));
  if (without.length) {
    return `No ${eventWord(view)} among the ${andList(without.map((g) => plural(noun(view, g))))}: the hazard ratio is unbounded and cannot be estimated.`;
  }
  const problems = a.cox?.problems ?? [];
  return problems.length ? problems.join(' ') : 'The Cox model could not estimate this hazard ratio.';
}

/** Why a grouped view has no log-rank test, as one sentence; null when it has one (or is ungrouped). */
export function logrankReason(view: SurvivalView): string | null {
  const a = view.analysis;
  if (a.logrank || GROUPINGS[view.grouping].column === null) return null;
  if (a.groups.length < 2) return `Fewer than two groups have patients here, so there is no log-rank test.`;
  if (view.limits.noEvents) return `No ${events(view)} in this data set, so there is no log-rank test.`;
  return 'The log-rank test could not be computed.';
}

/** Why the detectable hazard ratios of a comparison are missing (no allocation or no events); null when they exist. */
export function detectableReason(view: SurvivalView, term: string, eventCount: number, allocation: number | null): string | null {
  const ref = view.analysis.reference ?? GROUPINGS[view.grouping].levels[0];
  if (allocation === null) {
    const empty = [ref, term].filter((g) => !view.analysis.groups.includes(g));
    return `No ${empty.map((g) => noun(view, g)).join(' and no ')} in this data set, so nothing about this comparison can be detected.`;
  }
  if (eventCount === 0) return `No ${events(view)} in these two groups, so no hazard ratio could be detected.`;
  return null;
}
