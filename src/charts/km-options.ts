/**
 * Options of the Kaplan–Meier chart: defaults first, then the one function that normalises them.
 * Everything else in src/charts/km-* reads the normalised `KmSettings`, never raw options.
 */
import { HIGHLIGHTS, keyword } from './km-state.ts';
import type { Highlight, KmState } from './km-state.ts';

export interface KmOptions {
  /** Width of the SVG in px (default 720, at least 240). The client passes the container's width. */
  readonly width?: number;
  /** Height of the plotting area in px (default: from the width, 180–340). */
  readonly plotHeight?: number;
  /** x ticks in months, ascending from 0; the axis ends at the last (default 0, 20, 40, 60). */
  readonly ticks?: readonly number[];
  /** Confidence bands (default true). */
  readonly ci?: boolean;
  /** Censoring marks (default true). */
  readonly censor?: boolean;
  /** Median drop lines (default false). */
  readonly median?: boolean;
  /** Ensemble band, when the data carry one (default false). */
  readonly ensemble?: boolean;
  /**
   * Draw switched-off layers as well, marked `data-off`, so that a stylesheet can switch them on
   * without redrawing (the server-rendered, JavaScript-free figure). Default false.
   */
  readonly allLayers?: boolean;
  /** The KMunicate table under the plot (default true). */
  readonly riskTable?: boolean;
  /** Group labels: at the curve ends (`direct`), as a legend above (`legend`), or chosen by width (`auto`). */
  readonly labels?: 'auto' | 'direct' | 'legend' | 'none';
  /** Prefix of the ids inside the SVG; several charts on a page need different prefixes (default `km`). */
  readonly idPrefix?: string;
  /** Accessible name (`<title>`). */
  readonly title?: string | null;
  /** Longer accessible description (`<desc>`). */
  readonly description?: string | null;
  /** Caption drawn under the risk table, for exported files. */
  readonly caption?: string | null;
  /** A self-contained file: xmlns, white background, font and colours as attributes (default false). */
  readonly standalone?: boolean;
  /** Focusable, keyboard-operable figure (role group, tabindex 0); the client sets it (default false). */
  readonly interactive?: boolean;
  /** Emphasise a part of the figure (default none). */
  readonly highlight?: Highlight | null;
  /** Font size of ticks and table in px (default 12). */
  readonly fontSize?: number;
  readonly fontFamily?: string;
}

export type LabelMode = 'direct' | 'legend' | 'none';

export interface KmSettings {
  readonly width: number;
  readonly plotHeight: number | null;
  readonly ticks: readonly number[];
  readonly ci: boolean;
  readonly censor: boolean;
  readonly median: boolean;
  readonly ensemble: boolean;
  readonly allLayers: boolean;
  readonly riskTable: boolean;
  readonly labels: 'auto' | LabelMode;
  readonly idPrefix: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly caption: string | null;
  readonly standalone: boolean;
  readonly interactive: boolean;
  readonly highlight: Highlight | null;
  readonly fontSize: number;
  readonly fontFamily: string;
}

export const DEFAULT_TICKS = [0, 20, 40, 60] as const;
export const MIN_WIDTH = 240;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function number(value: unknown, name: string, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`invalid ${name}: ${String(value)}`);
  }
  return value;
}

function bool(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new Error(`invalid ${name}: ${String(value)}`);
  return value;
}

function text(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error(`invalid ${name}: ${String(value)}`);
  return value;
}

function ticks(value: unknown): readonly number[] {
  if (value === undefined) return DEFAULT_TICKS;
  const ok =
    Array.isArray(value) &&
    value.length >= 2 &&
    value[0] === 0 &&
    value.every((t, i) => typeof t === 'number' && Number.isFinite(t) && (i === 0 || t > value[i - 1]));
  if (!ok) throw new Error(`invalid ticks: ${Array.isArray(value) ? value.join(',') : String(value)}`);
  return [...(value as number[])];
}

/** Fills in defaults and validates; throws `invalid <option>: <value>`. */
export function normaliseKmOptions(options: KmOptions = {}): KmSettings {
  const idPrefix = options.idPrefix ?? 'km';
  if (typeof idPrefix !== 'string' || !/^[A-Za-z][\w-]{0,63}$/.test(idPrefix)) throw new Error(`invalid idPrefix: ${String(idPrefix)}`);
  const highlight = options.highlight ?? null;
  return {
    width: Math.round(number(options.width, 'width', 720, MIN_WIDTH, 4000)),
    plotHeight: options.plotHeight === undefined ? null : number(options.plotHeight, 'plotHeight', 0, 80, 4000),
    ticks: ticks(options.ticks),
    ci: bool(options.ci, 'ci', true),
    censor: bool(options.censor, 'censor', true),
    median: bool(options.median, 'median', false),
    ensemble: bool(options.ensemble, 'ensemble', false),
    allLayers: bool(options.allLayers, 'allLayers', false),
    riskTable: bool(options.riskTable, 'riskTable', true),
    labels: keyword(options.labels ?? 'auto', 'labels', ['auto', 'direct', 'legend', 'none'] as const),
    idPrefix,
    title: text(options.title, 'title'),
    description: text(options.description, 'description'),
    caption: text(options.caption, 'caption'),
    standalone: bool(options.standalone, 'standalone', false),
    interactive: bool(options.interactive, 'interactive', false),
    highlight: highlight === null ? null : keyword(highlight, 'highlight', HIGHLIGHTS),
    fontSize: number(options.fontSize, 'fontSize', 12, 8, 32),
    fontFamily: text(options.fontFamily, 'fontFamily') ?? FONT_FAMILY,
  };
}

/**
 * The chart options a figure state sets: its layers, and its highlight unless the page emphasises
 * with CSS instead (`highlight: false`: the <km-figure> element's `data-highlight`). The one
 * mapping from state to options, for the server figure, the element, the downloads and the story.
 */
export function kmOptionsFromState(
  state: KmState,
  { highlight = true }: { readonly highlight?: boolean } = {},
): Pick<KmOptions, 'ci' | 'censor' | 'median' | 'ensemble' | 'highlight'> {
  const layers = { ci: state.ci, censor: state.censor, median: state.median, ensemble: state.ensemble };
  return highlight ? { ...layers, highlight: state.highlight } : layers;
}
