/**
 * The state of the Kaplan–Meier figure (which view, which layers), shared by the chart options,
 * the `<km-figure>` element, its attributes and the /explore/ URL. Normalised in one place:
 * `normaliseKmState` throws on bad values (API callers made a mistake), `parseKmState` ignores them
 * (URLs and attributes come from outside and may be anything).
 */
import { ENDPOINT_IDS, GROUPING_IDS } from '../analysis/views.ts';
import type { EndpointKey, GroupingKey } from '../analysis/views.ts';

export const HIGHLIGHTS = ['risk-table', 'median'] as const;
export type Highlight = (typeof HIGHLIGHTS)[number];

/** The boolean layers, in the order the controls show them. */
export const LAYER_KEYS = ['ci', 'censor', 'median', 'ensemble'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export interface KmState {
  readonly grouping: GroupingKey;
  readonly endpoint: EndpointKey;
  /** Pointwise 95% confidence bands. */
  readonly ci: boolean;
  /** Censoring marks on the curves. */
  readonly censor: boolean;
  /** Median drop lines. */
  readonly median: boolean;
  /** Band across the ensemble of reconstructions (only drawn when the data are reconstructed). */
  readonly ensemble: boolean;
  /** Part of the figure to emphasise (the story uses it), or null. */
  readonly highlight: Highlight | null;
}

export type KmStateInput = { readonly [K in keyof KmState]?: KmState[K] | string | null };

export const DEFAULT_KM_STATE: KmState = {
  grouping: 'calcification',
  endpoint: 'rfs',
  ci: true,
  censor: true,
  median: false,
  ensemble: false,
  highlight: null,
};

/** Throws `invalid ${name}: ${value}` unless `value` is one of `allowed` (Observable Plot's `keyword`). */
export function keyword<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  const s = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof s !== 'string' || !(allowed as readonly string[]).includes(s)) {
    throw new Error(`invalid ${name}: ${String(value)}`);
  }
  return s as T;
}

function flag(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  throw new Error(`invalid ${name}: ${String(value)}`);
}

/**
 * Fills in defaults and checks every field. Throws `invalid grouping: foo` style errors.
 * Booleans may be given as `true`/`false` or the strings `1`/`0`/`true`/`false`.
 */
export function normaliseKmState(input: KmStateInput = {}, base: KmState = DEFAULT_KM_STATE): KmState {
  const pick = <K extends keyof KmState>(key: K) => (input[key] === undefined ? base[key] : input[key]);
  const highlight = pick('highlight');
  return {
    grouping: keyword(pick('grouping'), 'grouping', GROUPING_IDS),
    endpoint: keyword(pick('endpoint'), 'endpoint', ENDPOINT_IDS),
    ci: flag(pick('ci'), 'ci'),
    censor: flag(pick('censor'), 'censor'),
    median: flag(pick('median'), 'median'),
    ensemble: flag(pick('ensemble'), 'ensemble'),
    highlight: highlight === null || highlight === '' || highlight === 'none' ? null : keyword(highlight, 'highlight', HIGHLIGHTS),
  };
}

const STATE_KEYS = ['grouping', 'endpoint', ...LAYER_KEYS, 'highlight'] as const;

/**
 * Reads whatever valid fields `source` holds (a URLSearchParams or element attributes) and ignores
 * the rest: unknown keys, unknown values and hostile strings never get past the whitelists.
 */
export function parseKmState(get: (key: string) => string | null, base: KmState = DEFAULT_KM_STATE): KmState {
  let state = base;
  for (const key of STATE_KEYS) {
    const raw = get(key);
    if (raw === null) continue;
    try {
      state = normaliseKmState({ [key]: raw.slice(0, 32) }, state);
    } catch {
      // Ignore what we do not understand.
    }
  }
  return state;
}

/**
 * The query for a state: the view always, the layers only where they differ from `base`, and the
 * highlight when asked (`highlight: true`; the story's steps carry it, the /explore/ address does
 * not). `parseKmState` with the same `base` reads it back to the same state.
 */
export function kmStateToQuery(state: KmState, base: KmState = DEFAULT_KM_STATE, { highlight = false }: { readonly highlight?: boolean } = {}): string {
  const params = new URLSearchParams();
  params.set('grouping', state.grouping);
  params.set('endpoint', state.endpoint);
  for (const key of LAYER_KEYS) if (state[key] !== base[key]) params.set(key, state[key] ? '1' : '0');
  if (highlight && state.highlight !== base.highlight) params.set('highlight', state.highlight ?? 'none');
  return `?${params.toString()}`;
}

export function sameKmState(a: KmState, b: KmState): boolean {
  return STATE_KEYS.every((key) => a[key] === b[key]);
}
