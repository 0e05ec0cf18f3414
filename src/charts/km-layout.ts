/**
 * Scales and layout of the Kaplan–Meier figure. ONE x scale serves the curves, the axis and the
 * risk table, so the table's columns sit exactly under the ticks at every width. All sizes are
 * in px of the real width (the client redraws at the container's width), so text never shrinks.
 */
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import { groupLabel } from './km-data.ts';
import type { KmData } from './km-data.ts';
import type { KmSettings, LabelMode } from './km-options.ts';
import { textWidth, wrapText } from './text-metrics.ts';

export const RISK_ROWS = [
  { key: 'atRisk', label: 'At risk' },
  { key: 'censored', label: 'Censored' },
  { key: 'events', label: 'Events' },
] as const;
export type RiskRowKey = (typeof RISK_ROWS)[number]['key'];

export const Y_TICKS = [0, 0.25, 0.5, 0.75, 1] as const;
/** Width of the line sample drawn before a group's name. */
export const SWATCH = 24;

export interface TextLine {
  readonly text: string;
  readonly y: number;
}

export interface LegendItem {
  readonly group: string;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

export const RISK_TABLE_HEADING = 'Number of patients at each time (censored and events: cumulative)';

export interface RiskTableLayout {
  /** Left edge of the heading and the group names. */
  readonly headerX: number;
  /** The table's heading, wrapped to the width. */
  readonly headingLines: readonly TextLine[];
  readonly groups: readonly {
    readonly group: string;
    readonly index: number;
    /** Baseline of the group's name. */
    readonly headerY: number;
    readonly rows: readonly { readonly key: RiskRowKey; readonly label: string; readonly y: number }[];
  }[];
}

export interface KmLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly plotTop: number;
  readonly plotBottom: number;
  /** Months → px. Shared by curves, axis and risk table. */
  readonly x: ScaleLinear<number, number>;
  /** Proportion → px. */
  readonly y: ScaleLinear<number, number>;
  readonly ticks: readonly number[];
  readonly tMax: number;
  readonly labels: LabelMode;
  /** x where the direct labels start (right of the plot). */
  readonly labelX: number;
  readonly legend: readonly LegendItem[];
  readonly titleLines: readonly TextLine[];
  readonly yLabelY: number;
  readonly xLabelY: number;
  readonly table: RiskTableLayout | null;
  readonly captionLines: readonly TextLine[];
}

function labelMode(data: KmData, s: KmSettings, labelWidth: number, left: number): LabelMode {
  if (s.labels !== 'auto') return s.labels;
  // Direct labels while the plot keeps most of the width; a legend above on narrow screens.
  const plotWidth = s.width - left - labelWidth - 12;
  if (plotWidth >= Math.max(300, s.width * 0.6)) return 'direct';
  return data.analysis.groups.length > 1 ? 'legend' : 'none';
}

/** Lays out the figure for `data` at `settings.width`. */
export function kmLayout(data: KmData, s: KmSettings): KmLayout {
  const fs = s.fontSize;
  const lh = Math.round(fs * 1.4);
  const groups = data.analysis.groups;
  const tMax = s.ticks[s.ticks.length - 1];
  const pad = s.standalone ? 12 : 0;

  const rowLabelWidth = Math.max(...RISK_ROWS.map((r) => textWidth(r.label, fs)));
  const left = pad + Math.ceil(Math.max(rowLabelWidth + 22, textWidth('0.00', fs) + 10));
  // `0` first: a grouping nobody was assessed for has no groups (real data; src/format/limits.ts says so).
  const labelWidth = Math.max(0, ...groups.map((g) => textWidth(groupLabel(data, g), fs + 1))) + SWATCH + 10;
  const labels = labelMode(data, s, labelWidth, left);
  const widestCount = Math.max(0, ...groups.map((g) => textWidth(String(data.analysis.groupSizes[g]), fs)));
  const right = pad + Math.ceil(labels === 'direct' ? labelWidth + 10 : Math.max(widestCount / 2 + 4, 12));
  const plotLeft = left;
  const plotRight = s.width - right;

  let y = pad;
  const titleLines: TextLine[] = [];
  if (s.standalone && s.title) {
    for (const line of wrapText(s.title, (fs + 3) * 1.1, s.width - 2 * pad)) {
      y += Math.round((fs + 3) * 1.4);
      titleLines.push({ text: line, y: y - 4 });
    }
    y += 6;
  }

  const legend: LegendItem[] = [];
  if (labels === 'legend') {
    let lx = 0;
    let row = 0;
    const avail = s.width - 2 * pad;
    groups.forEach((g, index) => {
      const w = SWATCH + 6 + textWidth(groupLabel(data, g), fs + 1) + 16;
      if (lx > 0 && lx + w > avail) {
        lx = 0;
        row += 1;
      }
      legend.push({ group: g, index, x: pad + lx, y: y + (row + 1) * lh });
      lx += w;
    });
    y += (row + 1) * lh + 6;
  }

  const yLabelY = y + lh - 4;
  const plotTop = y + lh + 8;
  const plotWidth = plotRight - plotLeft;
  const plotHeight = s.plotHeight ?? Math.round(Math.min(320, Math.max(180, plotWidth * 0.5)));
  const plotBottom = plotTop + plotHeight;
  const xLabelY = plotBottom + 6 + lh + lh;
  y = xLabelY + 6;

  let table: RiskTableLayout | null = null;
  if (s.riskTable) {
    const headingLines: TextLine[] = [];
    y += 4;
    // Bold text runs about 10% wider.
    for (const text of wrapText(RISK_TABLE_HEADING, fs * 1.1, s.width - 2 * pad - 4)) {
      y += lh;
      headingLines.push({ text, y });
    }
    y += 4;
    const tableGroups = groups.map((group, index) => {
      const headerY = y + lh + 2;
      y = headerY;
      const rows = RISK_ROWS.map((r) => {
        y += lh;
        return { key: r.key, label: r.label, y };
      });
      y += 6;
      return { group, index, headerY, rows };
    });
    table = { headerX: pad + 2, headingLines, groups: tableGroups };
  }

  const captionLines: TextLine[] = [];
  if (s.caption) {
    y += 8;
    for (const line of wrapText(s.caption, fs, s.width - 2 * Math.max(pad, 4))) {
      y += lh;
      captionLines.push({ text: line, y: y - 4 });
    }
  }

  const x = scaleLinear().domain([0, tMax]).range([plotLeft, plotRight]);
  const yScale = scaleLinear().domain([0, 1]).range([plotBottom, plotTop]);
  return {
    width: s.width,
    height: Math.ceil(y + 6 + pad),
    fontSize: fs,
    lineHeight: lh,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    x,
    y: yScale,
    ticks: s.ticks,
    tMax,
    labels,
    labelX: plotRight + 8,
    legend,
    titleLines,
    yLabelY,
    xLabelY,
    table,
    captionLines,
  };
}
