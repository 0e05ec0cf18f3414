/**
 * How many elements a page puts in the DOM at first paint: every element of the served HTML,
 * those inside closed <details> included (they are in the DOM), <template> contents excluded
 * (they are inert until a script clones them), as is everything a script adds later. The page is
 * parsed as a browser with scripting on parses it, as Lighthouse loads it: a <noscript>'s content
 * is then one text node (src/scripts/deferred-figures.ts draws such figures on demand), not elements.
 * Lighthouse warns above 800 and flags above 1,400 body elements; style and layout time grow with
 * the count, so the site keeps every page at or below {@link MAX_DOM_ELEMENTS}.
 */
import { parseHTML } from 'linkedom';

/**
 * The most elements a built page may have at first paint: issue 17's target. Content for a few
 * readers stays reachable without adding to it: the Kaplan–Meier data tables are on pages of their
 * own (/explore/data/<view>/), and a figure's views other than the first are drawn from <noscript>
 * (KmFigure.astro), which is what took /explore/ from 1,670 to about 750.
 */
export const MAX_DOM_ELEMENTS = 1500;

/** The number of elements in an HTML document, as `document.querySelectorAll('*').length` gives it in a browser with scripting on. */
export function domElementCount(html: string): number {
  const { document } = parseHTML(html);
  return document.querySelectorAll('*').length - document.querySelectorAll('noscript *').length;
}
