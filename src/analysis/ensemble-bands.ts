/**
 * The ensemble band: how far the Kaplan–Meier curve moves across the 200+ reconstructions of the
 * patient data. `ensembleBands` turns the reconstruction step's `data/reconstructed/ensemble.json`
 * into the chart's per-view, per-group step bands, and returns null for anything it does not
 * recognise (the figure then simply offers no ensemble toggle).
 */
import { labelRecord, ownValue } from '../lib/label-record.ts';

/** A pointwise band, a step function like the curve: value i holds from time i to time i + 1. */
export interface KmBand {
  readonly time: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/** Ensemble bands of every view: view id → group → band. */
export type KmEnsemble = Readonly<Record<string, Readonly<Record<string, KmBand>>>>;

function isNumbers(x: unknown): x is number[] {
  return Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function band(x: unknown): KmBand | null {
  if (!x || typeof x !== 'object') return null;
  const { time, lower, upper } = x as Record<string, unknown>;
  if (!isNumbers(time) || !isNumbers(lower) || !isNumbers(upper)) return null;
  if (time.length === 0 || time.length !== lower.length || time.length !== upper.length) return null;
  for (let i = 1; i < time.length; i++) if (!(time[i] > time[i - 1])) return null;
  return { time, lower, upper };
}

/**
 * `{ views: { "<view id>": { "<group>": { time, lower, upper } } } }`,
 * as src/reconstruct/ensemble.ts writes it: `lower`/`upper` are the pointwise 5% and 95% quantiles
 * of S(t) across the members on a 1-month grid.
 */
export function ensembleBands(json: unknown, viewIds: readonly string[]): KmEnsemble | null {
  if (!json || typeof json !== 'object') return null;
  const root = json as Record<string, unknown>;
  const views = root.views as Record<string, unknown> | undefined;
  if (!views || typeof views !== 'object') return null;
  const out = labelRecord<Record<string, KmBand>>();
  for (const id of viewIds) {
    const groups = ownValue(views, id);
    if (!groups || typeof groups !== 'object') continue;
    const bands = labelRecord<KmBand>();
    for (const [group, value] of Object.entries(groups as Record<string, unknown>)) {
      const b = band(value);
      if (b) bands[group] = b;
    }
    if (Object.keys(bands).length) out[id] = bands;
  }
  return Object.keys(out).length ? out : null;
}

/** Number of reconstructions in the ensemble (`members`), or null. */
export function ensembleMembers(json: unknown): number | null {
  const members = (json as { members?: unknown } | null)?.members;
  return typeof members === 'number' && Number.isInteger(members) && members > 0 ? members : null;
}
