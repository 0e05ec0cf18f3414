/**
 * The KMunicate table under the plot: per group, rows At risk / Censored / Events at each tick.
 * Drawn in the same SVG with the same x scale as the axis, so each column sits under its tick.
 */
import { groupLabel, riskAt } from './km-data.ts';
import type { KmData } from './km-data.ts';
import { SWATCH } from './km-layout.ts';
import type { KmLayout } from './km-layout.ts';
import { INK_LIGHT } from './km-palette.ts';
import { drawSwatch } from './km-labels.ts';
import { append, svgElement } from './svg.ts';
import type { ChartDocument } from './svg.ts';

export function drawRiskTable(document: ChartDocument, layout: KmLayout, data: KmData, highlighted: boolean): SVGGElement | null {
  const table = layout.table;
  if (!table) return null;
  const fs = layout.fontSize;
  const g = svgElement(document, 'g', { class: 'km-risk-table' });
  const first = table.groups[0];
  const last = table.groups[table.groups.length - 1];
  const headingEnd = table.headingLines[table.headingLines.length - 1].y;
  const top = table.headingLines[0].y - layout.lineHeight;
  const bottom = last ? last.rows[last.rows.length - 1].y + 6 : headingEnd + 6;
  // Shown by the stylesheet (or here) when the story points at the table.
  g.appendChild(
    svgElement(document, 'rect', {
      class: 'km-table-highlight',
      x: 1,
      y: top,
      width: layout.width - 2,
      height: bottom - top,
      rx: 4,
      fill: 'none',
      stroke: INK_LIGHT.muted,
      'stroke-width': 1.5,
      display: highlighted ? null : 'none',
    }),
  );
  for (const line of table.headingLines) {
    g.appendChild(
      svgElement(
        document,
        'text',
        { class: 'km-text km-table-heading', x: table.headerX, y: line.y, fill: INK_LIGHT.text, 'font-weight': 600 },
        line.text,
      ),
    );
  }
  if (!first) return g;
  for (const tg of table.groups) {
    const counts = layout.ticks.map((t) => riskAt(data, tg.group, t));
    const header = svgElement(document, 'g', { class: 'km-table-group', 'data-group': tg.group });
    append(
      header,
      drawSwatch(document, tg.index, table.headerX, tg.headerY - fs * 0.32),
      svgElement(
        document,
        'text',
        { class: 'km-text', x: table.headerX + SWATCH, y: tg.headerY, fill: INK_LIGHT.text, 'font-weight': 600 },
        groupLabel(data, tg.group),
      ),
    );
    for (const row of tg.rows) {
      const r = svgElement(document, 'g', { class: 'km-table-row', 'data-row': row.key });
      r.appendChild(
        svgElement(document, 'text', { class: 'km-muted', x: layout.plotLeft - 18, y: row.y, fill: INK_LIGHT.muted, 'text-anchor': 'end' }, row.label),
      );
      layout.ticks.forEach((t, k) => {
        r.appendChild(
          svgElement(
            document,
            'text',
            { class: 'km-text', x: layout.x(t), y: row.y, fill: INK_LIGHT.text, 'text-anchor': 'middle', 'data-t': t },
            String(counts[k][row.key]),
          ),
        );
      });
      header.appendChild(r);
    }
    g.appendChild(header);
  }
  return g;
}
