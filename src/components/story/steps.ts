/**
 * The scroll steps of the story and the state of the Kaplan–Meier figure at each one. One list for
 * the MDX (`<Step id>`), the sticky figure's script (via data attributes), the "open this in the
 * explorer" links and the end-to-end test.
 */
import { normaliseKmState } from '../../charts/km-state.ts';
import type { KmState, KmStateInput } from '../../charts/km-state.ts';

/** Extra annotation shown beside the figure at a step (our own panel, not part of the chart). */
export type Callout = 'none' | 'logrank' | 'hazard-ratio';

export interface StoryStep {
  /** Short id; the element id and URL fragment are `step-${id}`. */
  readonly id: string;
  /** Chapter (section id) the step belongs to. */
  readonly chapter: string;
  /** Short name of what the figure shows, for the step navigation and tests. */
  readonly label: string;
  readonly state: KmState;
  readonly callout: Callout;
}

function step(id: string, chapter: string, label: string, state: KmStateInput, callout: Callout = 'none'): StoryStep {
  // The story starts from the explorer's defaults and states every view explicitly.
  return { id, chapter, label, state: normaliseKmState({ ci: true, censor: true, median: false, ensemble: false, highlight: null, ...state }), callout };
}

export const STORY_STEPS: readonly StoryStep[] = [
  step('read-curve', 'reading', 'All patients, recurrence-free survival', { grouping: 'all', endpoint: 'rfs' }),
  step('read-risk', 'reading', 'All patients, the numbers at risk', { grouping: 'all', endpoint: 'rfs', highlight: 'risk-table' }),
  step('read-median', 'reading', 'All patients, overall survival and its median', { grouping: 'all', endpoint: 'os', highlight: 'median' }),
  step('calc-split', 'calcification', 'Calcification, recurrence-free survival', { grouping: 'calcification', endpoint: 'rfs' }, 'logrank'),
  step('calc-risk', 'calcification', 'Calcification, the numbers at risk', { grouping: 'calcification', endpoint: 'rfs', highlight: 'risk-table' }),
  step('calc-os', 'calcification', 'Calcification, overall survival', { grouping: 'calcification', endpoint: 'os' }, 'logrank'),
  step('calc-hr', 'calcification', 'Calcification, overall survival: hazard ratio', { grouping: 'calcification', endpoint: 'os' }, 'hazard-ratio'),
  step('enh-rfs', 'enhancement', 'Arterial enhancement, recurrence-free survival', { grouping: 'enhancement', endpoint: 'rfs' }, 'logrank'),
  step('enh-os', 'enhancement', 'Arterial enhancement, overall survival', { grouping: 'enhancement', endpoint: 'os' }, 'logrank'),
  step('enh-hr', 'enhancement', 'Arterial enhancement, overall survival: hazard ratios', { grouping: 'enhancement', endpoint: 'os' }, 'hazard-ratio'),
];

export function getStep(id: string): StoryStep {
  const s = STORY_STEPS.find((x) => x.id === id);
  if (!s) throw new Error(`story: unknown step "${id}" (known: ${STORY_STEPS.map((x) => x.id).join(', ')})`);
  return s;
}

/** The steps before and after `id` (null at the ends). */
export function neighbours(id: string): { readonly previous: StoryStep | null; readonly next: StoryStep | null } {
  const i = STORY_STEPS.findIndex((x) => x.id === id);
  return { previous: STORY_STEPS[i - 1] ?? null, next: STORY_STEPS[i + 1] ?? null };
}

export function stepAnchor(id: string): string {
  return `step-${id}`;
}
