/**
 * The scroll steps of the story and the state of the Kaplan–Meier figure at each one, read from the
 * `<Step id label grouping endpoint highlight callout>` elements of content/story.mdx: the prose and
 * its figure states live in the MDX only. One list for the steps themselves, the sticky figure's
 * script (via `data-km-state`), the "open this in the explorer" links and the end-to-end test.
 */
import storySource from '../../../content/story.mdx?raw';
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

const CALLOUTS: readonly Callout[] = ['none', 'logrank', 'hazard-ratio'];
/** The figure's layers and highlight a `<Step>` may set, as attributes. */
const STATE_ATTRIBUTES = ['grouping', 'endpoint', 'ci', 'censor', 'median', 'ensemble', 'highlight'] as const;

/**
 * The steps of an MDX source, in order: each `<Step>` with its attributes (double-quoted strings),
 * in the chapter whose `<Chapter id>` precedes it. Throws, naming the step, on a missing label or
 * an invalid state or callout.
 */
export function stepsOf(source: string): StoryStep[] {
  const steps: StoryStep[] = [];
  let chapter = '';
  for (const m of source.matchAll(/<(Chapter|Step)\s([^>]*)>/g)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/([a-zA-Z]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (m[1] === 'Chapter') {
      chapter = attrs.id ?? chapter;
      continue;
    }
    const id = attrs.id;
    if (!id || !attrs.label) throw new Error(`story: a <Step> needs an id and a label (${m[0]})`);
    const callout = (attrs.callout ?? 'none') as Callout;
    if (!CALLOUTS.includes(callout)) throw new Error(`story: step "${id}": invalid callout: ${attrs.callout}`);
    const input: Record<string, string> = {};
    for (const key of STATE_ATTRIBUTES) if (attrs[key] !== undefined) input[key] = attrs[key];
    // The story starts from the explorer's defaults and states every view explicitly.
    let state: KmState;
    try {
      state = normaliseKmState({ ci: true, censor: true, median: false, ensemble: false, highlight: null, ...(input as KmStateInput) });
    } catch (err) {
      throw new Error(`story: step "${id}": ${(err as Error).message}`);
    }
    steps.push({ id, chapter, label: attrs.label, state, callout });
  }
  return steps;
}

export const STORY_STEPS: readonly StoryStep[] = stepsOf(storySource);

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
