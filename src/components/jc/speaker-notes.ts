/**
 * Speaker notes for presenter mode, one set per story step (src/components/story/steps.ts), in our
 * words, with numbers from the view the step shows. A step without notes of its own gets the
 * generic prompts, so a step added to the story never breaks the presenter.
 */
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatEstimateCI, formatMonths, formatP } from '../../format/number.ts';

type Notes = (view: SurvivalView) => string[];

function medians(view: SurvivalView): string {
  const a = view.analysis;
  return a.groups
    .map((g) => {
      const m = a.quantiles[g].median.est;
      return `${view.groupLabels[g] ?? g} ${m === null ? 'not reached' : `${formatMonths(Math.round(m * 10) / 10)} months`}`;
    })
    .join(', ');
}

function events(view: SurvivalView): string {
  const a = view.analysis;
  return a.groups.map((g) => `${view.groupLabels[g] ?? g} ${a.km[g].nEvent.reduce((s, d) => s + d, 0)} of ${a.groupSizes[g]}`).join('; ');
}

function logrank(view: SurvivalView): string {
  const ours = formatP(view.analysis.logrank?.p);
  const printed = view.published.logrankP?.printed;
  return printed ? `Log-rank p = ${ours} on these data (printed: ${printed}).` : `Log-rank p = ${ours}.`;
}

function hazards(view: SurvivalView): string {
  const cox = view.analysis.cox;
  if (!cox) return '';
  const ref = view.analysis.reference ? view.groupLabels[view.analysis.reference] : '';
  return `Hazard ratio vs ${ref.toLowerCase()}: ${cox.terms.map((t) => `${view.groupLabels[t.term] ?? t.term} ${formatEstimateCI(t.hr, t.lower, t.upper)}`).join('; ')}.`;
}

const NOTES: Readonly<Record<string, Notes>> = {
  'read-curve': () => [
    'Start with the whole cohort before any comparison. Ask the room what the y axis means and what a drop in the curve is.',
    'Point out the vertical ticks: patients followed up without an event, who leave the risk set without lowering the curve.',
  ],
  'read-risk': (v) => [
    `Numbers at risk: ${v.published.atRisk ? 'the paper prints them under the figure; ' : ''}ask where the curve stops being trustworthy.`,
    'A step late in follow-up is one patient among the few still at risk.',
  ],
  'read-median': (v) => [`Median: where the curve crosses 0.5 (${medians(v)}).`, 'Ask: why is a median more robust than a mean for survival times?'],
  'calc-split': (v) => [`Events: ${events(v)}.`, logrank(v), 'Ask: how many events does each curve stand on? Where do they cross?'],
  'calc-risk': (v) => [
    `Look at the calcified group under the curve: ${v.analysis.groupSizes.yes ?? '–'} patients at the start, ${v.published.atRisk?.yes?.at(-1) ?? '–'} still at risk at ${v.published.times.at(-1)} months (as printed).`,
    `Events: ${events(v)}. With this few events, what size of effect could the test have found? (Power lab.)`,
  ],
  'calc-os': (v) => [logrank(v), 'The smallest p of the four survival tests. Ask what it means, and what it does not.'],
  'calc-hr': (v) => [hazards(v), 'Read the interval, not the p: which effects are still compatible with these data?'],
  'enh-rfs': (v) => [`Events: ${events(v)}.`, logrank(v), 'Three groups, one omnibus test on 2 degrees of freedom.'],
  'enh-os': (v) => [logrank(v), 'Ask: which single contrast answers the clinical question?'],
  'enh-hr': (v) => [hazards(v), 'Wide intervals for the smallest group: what would a study need to narrow them?'],
};

const GENERIC: Notes = (v) => [`Events: ${events(v)}.`, ...(v.analysis.logrank ? [logrank(v)] : []), 'Ask the room what they see first, then what they would need to know to trust it.'];

export function speakerNotes(stepId: string, view: SurvivalView): string[] {
  return (NOTES[stepId] ?? GENERIC)(view).filter(Boolean);
}

export const NOTE_IDS: readonly string[] = Object.keys(NOTES);
