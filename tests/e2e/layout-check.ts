/**
 * What "nothing is clipped and nothing scrolls sideways" means on a page, measured in the browser
 * from the laid-out boxes (getBoundingClientRect, scroll sizes, computed styles), for the screens
 * sweep (sweep.e2e.ts) and the screenshot script. One function, `layoutProblems`, runs in the page
 * and returns one line per problem (an empty list when the page is fine):
 *
 * 1. **Sideways scroll.** The document is no wider than the viewport. An element may scroll
 *    sideways only if it is a deliberate table scroller: it holds a `<table>` whose every body row
 *    starts with a cell that is `position: sticky` (the first column stays in view).
 * 2. **Clipped content.** A box that cuts off what overflows it — `overflow` hidden or clip on
 *    either axis, paint containment (`contain: paint`, or `content-visibility: auto`, which
 *    implies it) — holds no content beyond its padding box on that axis: its scroll size does not
 *    exceed its client size by more than 1 px. Screen-reader-only boxes (1 × 1 px or smaller,
 *    the `.visually-hidden` pattern) are deliberate and skipped.
 * 3. **SVG content.** An outer `<svg>` clips to its box: every visible text, line, path, circle,
 *    rect and polygon in it lies inside that box (1 px slack), unless it sits under a `clip-path`.
 * 4. **Text outside its box.** Each visible text node's line boxes (Range client rects) lie inside
 *    the box of the nearest ancestor that is not `display: inline` / `contents` — horizontally to
 *    1 px, vertically to a quarter of the font size (glyph boxes are taller than tight line
 *    heights; a whole line spilling out is more than that).
 * 5. **Chart text size** (when `minChartText` is given): every visible `<text>` of an SVG is drawn
 *    at a font size of at least that many CSS pixels, after the SVG's scaling (screen CTM).
 *
 * Formulas (MathML) are checked as wholes, not inside: a token's box is its layout box, which
 * glyphs overhang by design (ascenders, operators); a formula too wide for its box shows up as
 * sideways scrolling (item 1).
 *
 * Only what is rendered counts (`checkVisibility()`: not `display: none`, not in a closed
 * `<details>` (nor a text node directly in one, outside its summary), not `visibility: hidden`). Elements kept unrendered until they near the viewport
 * (`content-visibility: auto`) are measured as they are when the reader reaches them: the caller
 * first calls `renderEverything`, which lays them out, while `layoutProblems` still counts their
 * paint containment as clipping (item 2).
 *
 * Both functions are self-contained (no imports, no closures) so that they can be serialised into
 * the page; call them through `inPage()`.
 */

export interface LayoutCheckOptions {
  /** Smallest allowed chart text in CSS px (item 5); null to skip. */
  readonly minChartText: number | null;
  /** Stop listing after this many problems (a broken page would otherwise list thousands). */
  readonly limit?: number;
  /** Check only inside the first element matching this selector (e.g. a full-screen deck); default the whole page. */
  readonly root?: string;
}

/**
 * Places every figure drawn on demand and lays out every `content-visibility: auto` box (as they
 * are once the reader scrolls to them), and marks each such box `data-layout-contained` so that `layoutProblems` still treats it as clipping. Returns
 * how many boxes it changed.
 */
export function renderEverything(): number {
  // Figures drawn on demand (src/scripts/deferred-figures.ts) are all placed before printing.
  window.dispatchEvent(new Event('beforeprint'));
  let n = 0;
  for (const el of document.querySelectorAll<HTMLElement>('body *')) {
    if (getComputedStyle(el).contentVisibility !== 'auto') continue;
    el.dataset.layoutContained = '';
    el.style.setProperty('content-visibility', 'visible', 'important');
    n++;
  }
  return n;
}

export function layoutProblems(options: LayoutCheckOptions): string[] {
  const problems: string[] = [];
  const limit = options.limit ?? 40;
  const add = (line: string) => {
    if (problems.length < limit) problems.push(line);
  };
  const r1 = (x: number) => Math.round(x * 10) / 10;
  /** A short CSS-like name for an element: tag#id.class1.class2 and its nearest id'd ancestor. */
  const name = (el: Element): string => {
    const own = (e: Element) => {
      const cls = typeof e.className === 'string' ? e.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
      return `${e.localName}${e.id ? `#${e.id}` : ''}${cls.map((c) => `.${c}`).join('')}`;
    };
    const anchor = el.parentElement?.closest('[id]');
    return anchor && anchor !== el ? `${own(anchor)} … ${own(el)}` : own(el);
  };
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions);
  const srOnly = (el: Element) => {
    const b = el.getBoundingClientRect();
    return b.width <= 1 && b.height <= 1;
  };
  /** Inside a screen-reader-only box (cached per element). */
  const hiddenCache = new Map<Element, boolean>();
  const inSrOnly = (el: Element | null): boolean => {
    if (!el || el === document.body) return false;
    let v = hiddenCache.get(el);
    if (v === undefined) {
      v = (getComputedStyle(el).overflow !== 'visible' && srOnly(el)) || inSrOnly(el.parentElement);
      hiddenCache.set(el, v);
    }
    return v;
  };
  const doc = document.documentElement;
  const vw = doc.clientWidth;

  // 1. Sideways scroll of the page.
  if (doc.scrollWidth > vw + 1) {
    // Name the widest culprits: elements sticking out to the right of the viewport.
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => shown(e) && e.getBoundingClientRect().right > vw + 1)
      .slice(-3)
      .map((e) => `${name(e)} (right ${r1(e.getBoundingClientRect().right)})`);
    add(`the page scrolls sideways: ${doc.scrollWidth} px of content in ${vw} px; ${wide.join(', ')}`);
  }

  const root = options.root ? document.querySelector(options.root) : document.body;
  if (!root) return [`no element matches ${options.root}`];
  const all = [...root.querySelectorAll('*')].filter(shown);
  for (const el of all) {
    if ((el instanceof SVGElement && !(el instanceof SVGSVGElement && !el.ownerSVGElement)) || el.parentElement?.closest('math')) continue;
    const cs = getComputedStyle(el);
    const ox = cs.overflowX;
    const oy = cs.overflowY;
    // Deliberate sideways scrollers.
    if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      const table = el.querySelector('table');
      const rows = table ? [...table.querySelectorAll(':scope > tbody > tr')].filter(shown) : [];
      const sticky = rows.length > 0 && rows.every((r) => r.firstElementChild && getComputedStyle(r.firstElementChild).position === 'sticky');
      if (!sticky) add(`${name(el)} scrolls sideways (${el.scrollWidth} px in ${el.clientWidth} px) and is not a table scroller with a sticky first column`);
    }
    // 2. Boxes that clip.
    if (el instanceof SVGSVGElement || srOnly(el)) continue;
    const contained = (el as HTMLElement).dataset?.layoutContained !== undefined || /paint|strict|content/.test(cs.contain);
    const clipX = contained || ox === 'hidden' || ox === 'clip';
    const clipY = contained || oy === 'hidden' || oy === 'clip';
    if (clipX && el.scrollWidth > el.clientWidth + 1) add(`${name(el)} cuts off content on the right: ${el.scrollWidth} px in ${el.clientWidth} px`);
    if (clipY && el.scrollHeight > el.clientHeight + 1) add(`${name(el)} cuts off content at the bottom: ${el.scrollHeight} px in ${el.clientHeight} px`);
  }

  // 3 and 5. SVG content inside its box; chart text size.
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.ownerSVGElement || !shown(svg) || svg.closest('math')) continue;
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let smallest = Infinity;
    for (const g of svg.querySelectorAll('text, line, path, circle, rect, polygon, polyline, ellipse')) {
      if (!shown(g) || g.closest('[clip-path]') || g.closest('defs, clipPath, mask, marker, symbol, pattern')) continue;
      const b = g.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1) {
        const what = g.localName === 'text' ? `text “${(g.textContent ?? '').trim().slice(0, 40)}”` : g.localName;
        add(`${name(svg)}: ${what} is cut off by the edge of its SVG (${r1(b.left - box.left)}, ${r1(b.top - box.top)} → ${r1(b.right - box.left)}, ${r1(b.bottom - box.top)} in ${r1(box.width)} × ${r1(box.height)})`);
      }
      if (g.localName === 'text' && (g.textContent ?? '').trim()) {
        const ctm = (g as SVGGraphicsElement).getScreenCTM();
        const scale = ctm ? Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : 1;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(g).fontSize) * scale);
      }
    }
    if (options.minChartText !== null && smallest < options.minChartText - 0.05) {
      add(`${name(svg)}: chart text ${r1(smallest)} px, under ${options.minChartText} px`);
    }
  }

  // 4. Text outside its box.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** Text of a closed <details> outside its <summary> is not rendered, though its parent may be. */
  const inClosedDetails = (el: Element) => {
    const d = el.closest('details:not([open])');
    return !!d && !el.closest('summary');
  };
  const range = document.createRange();
  const blockOf = new Map<Element, Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || parent.closest('svg, script, style, template, noscript, math') || !shown(parent) || inSrOnly(parent) || inClosedDetails(parent)) continue;
    let block = blockOf.get(parent);
    if (!block) {
      block = parent;
      while (block.parentElement && /^(inline|contents)$/.test(getComputedStyle(block).display)) block = block.parentElement;
      blockOf.set(parent, block);
    }
    const b = block.getBoundingClientRect();
    const slack = parseFloat(getComputedStyle(parent).fontSize) / 4;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - slack || r.bottom > b.bottom + slack) {
        add(`${name(block)}: text “${node.textContent.trim().slice(0, 40)}” runs outside its box (${r1(r.left - b.left)}, ${r1(r.top - b.top)} → ${r1(r.right - b.left)}, ${r1(r.bottom - b.top)} in ${r1(b.width)} × ${r1(b.height)})`);
        break;
      }
    }
  }
  return problems;
}

/**
 * Source text that runs `fn(arg)` in a page. Written out as a string (not a function handed to
 * the driver) so that it also works from tsx, whose transform wraps named functions in a
 * `__name` helper that does not exist in the page.
 */
export function inPage<A>(fn: (arg: A) => unknown, arg?: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
}
