/**
 * Speaker notes for presenter mode, one set per story step (src/components/story/steps.ts), in our
 * words, with numbers from the view the step shows. A step without notes of its own gets the
 * generic prompts, so a step added to the story never breaks the presenter. With reconstructed data
 * (`rec`, src/components/reconstructed-view.ts) events are ranges across the reconstructions, the
 * log-rank p is said to be fitted to the printed one, and hazard ratios are pooled and labelled.
 */
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatEstimateCI, formatMonths, formatP } from '../../format/number.ts';
import type { ReconstructedViewText } from '../reconstructed-view.ts';

type Notes = (view: SurvivalView, rec: ReconstructedViewText | null) => string[];

function medians(view: SurvivalView, rec: ReconstructedViewText | null): string {
  const a = view.analysis;
  if (rec) {
    // The reconstruction was fitted to the printed medians: quote those.
    return `as printed: ${a.groups.map((g) => `${view.groupLabels[g] ?? g} ${formatMonths(view.published.quartiles[g]?.median ?? null)}${view.published.quartiles[g]?.median != null ? ' months' : ''}`).join(', ')}`;
  }
  return a.groups
    .map((g) => {
      const m = a.quantiles[g].median.est;
      return `${view.groupLabels[g] ?? g} ${m === null ? 'not reached' : `${formatMonths(Math.round(m * 10) / 10)} months`}`;
    })
    .join(', ');
}

function events(view: SurvivalView, rec: ReconstructedViewText | null): string {
  const a = view.analysis;
  if (rec) return `${a.groups.map((g) => `${view.groupLabels[g] ?? g} ${rec.events[g] ?? '–'} of ${a.groupSizes[g]}`).join('; ')} (ranges across the reconstructions: the paper does not print them)`;
  return a.groups.map((g) => `${view.groupLabels[g] ?? g} ${a.km[g].nEvent.reduce((s, d) => s + d, 0)} of ${a.groupSizes[g]}`).join('; ');
}

function logrank(view: SurvivalView, rec: ReconstructedViewText | null): string {
  const ours = formatP(view.analysis.logrank?.p);
  const printed = view.published.logrankP?.printed;
  if (rec && printed) return `Log-rank p = ${printed} as printed; the reconstructed data were fitted to it (${rec.logrankP ?? '–'} across them), so they cannot check it.`;
  return printed ? `Log-rank p = ${ours} on these data (printed: ${printed}).` : `Log-rank p = ${ours}.`;
}

function hazards(view: SurvivalView, rec: ReconstructedViewText | null): string {
  const cox = view.analysis.cox;
  if (!cox) return '';
  const ref = view.analysis.reference ? view.groupLabels[view.analysis.reference] : '';
  if (rec) return `Hazard ratio vs ${ref.toLowerCase()}, reconstructed and pooled over ${rec.members} reconstructions: ${rec.hazards.join('; ')}.`;
  return `Hazard ratio vs ${ref.toLowerCase()}: ${cox.terms.map((t) => `${view.groupLabels[t.term] ?? t.term} ${formatEstimateCI(t.hr, t.lower, t.upper)}`).join('; ')}.`;
}

const NOTES: Readonly<Record<string, Notes>> = {
  'read-curve': () => [
    'Start with the whole cohort before any comparison. Ask the room what the y axis means and what a drop in the curve is.',
    'Point out the vertical ticks: patients followed up without an event, who leave the risk set without lowering the curve.',
  ],
  'read-risk': (v, r) => [
    `Numbers at risk: ${v.published.atRisk ? 'the paper prints them under the figure; ' : ''}ask where the curve stops being trustworthy.`,
    'A step late in follow-up is one patient among the few still at risk.',
  ],
  'read-median': (v, r) => [`Median: where the curve crosses 0.5 (${medians(v, r)}).`, 'Ask: why is a median more robust than a mean for survival times?'],
  'calc-split': (v, r) => [`Events: ${events(v, r)}.`, logrank(v, r), 'Ask: how many events does each curve stand on? Where do they cross?'],
  'calc-risk': (v, r) => [
    `Look at the calcified group under the curve: ${v.analysis.groupSizes.yes ?? '–'} patients at the start, ${v.published.atRisk?.yes?.at(-1) ?? '–'} still at risk at ${v.published.times.at(-1)} months (as printed).`,
    `Events: ${events(v, r)}. With this few events, what size of effect could the test have found? (Power lab.)`,
  ],
  'calc-os': (v, r) => [logrank(v, r), 'The smallest p of the four survival tests. Ask what it means, and what it does not.'],
  'calc-hr': (v, r) => [hazards(v, r), 'Read the interval, not the p: which effects are still compatible with these data?'],
  'enh-rfs': (v, r) => [`Events: ${events(v, r)}.`, logrank(v, r), 'Three groups, one omnibus test on 2 degrees of freedom.'],
  'enh-os': (v, r) => [logrank(v, r), 'Ask: which single contrast answers the clinical question?'],
  'enh-hr': (v, r) => [hazards(v, r), 'Wide intervals for the smallest group: what would a study need to narrow them?'],
};

const GENERIC: Notes = (v, r) => [`Events: ${events(v, r)}.`, ...(v.analysis.logrank ? [logrank(v, r)] : []), 'Ask the room what they see first, then what they would need to know to trust it.'];

export function speakerNotes(stepId: string, view: SurvivalView, rec: ReconstructedViewText | null = null): string[] {
  return (NOTES[stepId] ?? GENERIC)(view, rec).filter(Boolean);
}

export const NOTE_IDS: readonly string[] = Object.keys(NOTES);
