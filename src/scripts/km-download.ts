/**
 * Downloads of the Kaplan–Meier figure: SVG and PNG (the figure with its risk table and caption,
 * in the light theme's literal colours) and CSV (the KM table and the risk table). Files are made
 * in the browser: Blob → object URL → a temporary link with `download`.
 */
import { kmChart } from '../charts/km-chart.ts';
import { kmTableCsv, riskTableCsv } from '../charts/km-csv.ts';
import type { KmData } from '../charts/km-data.ts';
import { kmOptionsFromState } from '../charts/km-options.ts';
import type { KmState } from '../charts/km-state.ts';
import { kmCaption, kmTitle } from '../charts/km-summary.ts';

export type DownloadKind = 'svg' | 'png' | 'km-csv' | 'risk-csv';
export const DOWNLOAD_KINDS: readonly DownloadKind[] = ['svg', 'png', 'km-csv', 'risk-csv'];

const EXPORT_WIDTH = 760;

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The standalone SVG of the current view, as text. */
export function exportSvg(data: KmData, state: KmState, ticks: readonly number[], reconstructed: boolean): string {
  const svg = kmChart(
    data,
    {
      width: EXPORT_WIDTH,
      ticks,
      ...kmOptionsFromState(state, { highlight: false }),
      labels: 'direct',
      standalone: true,
      title: kmTitle(data),
      caption: kmCaption(data, { reconstructed, ci: state.ci, ensemble: state.ensemble && !!data.ensemble }),
      idPrefix: 'km-export',
    },
    { document },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(image.naturalWidth * scale);
      canvas.height = Math.ceil(image.naturalHeight * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2d canvas'));
        return;
      }
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('could not draw the SVG'));
    };
    image.src = url;
  });
}

export async function download(kind: DownloadKind, data: KmData, state: KmState, ticks: readonly number[], reconstructed: boolean): Promise<string> {
  const base = `km-${data.id}`;
  if (kind === 'km-csv') {
    save(new Blob([kmTableCsv(data)], { type: 'text/csv;charset=utf-8' }), `${base}-km-table.csv`);
    return `${base}-km-table.csv`;
  }
  if (kind === 'risk-csv') {
    save(new Blob([riskTableCsv(data, ticks)], { type: 'text/csv;charset=utf-8' }), `${base}-risk-table.csv`);
    return `${base}-risk-table.csv`;
  }
  const svg = exportSvg(data, state, ticks, reconstructed);
  if (kind === 'svg') {
    save(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), `${base}.svg`);
    return `${base}.svg`;
  }
  save(await svgToPng(svg), `${base}.png`);
  return `${base}.png`;
}
