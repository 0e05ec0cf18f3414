/**
 * The few DOM helpers the charts need. Charts never touch `globalThis.document`: the caller passes
 * a `document` (the browser's, or linkedom's in Node), so the same code draws in both.
 */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** The part of `Document` the charts use; linkedom's document and the browser's both satisfy it. */
export interface ChartDocument {
  createElementNS(namespace: string, name: string): Element;
}

export type AttributeValue = string | number | null | undefined | false;

/** Creates an SVG element; attributes whose value is null, undefined or false are left out. */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  document: ChartDocument,
  name: K,
  attributes: Readonly<Record<string, AttributeValue>> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(key, typeof value === 'number' ? String(round(value)) : value);
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Appends children (skipping null) and returns the parent. */
export function append<P extends Element>(parent: P, ...children: (Element | null | undefined)[]): P {
  for (const child of children) if (child) parent.appendChild(child);
  return parent;
}

/** Pixel coordinates to 2 decimals: plenty for screens, and keeps the SVG small. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Text for SVG/XML markup written as a string (attribute values and text): the one escaper of the chart layer. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
