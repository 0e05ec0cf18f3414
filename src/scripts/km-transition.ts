/**
 * The animated change from one view of the Kaplan–Meier figure to another (issue 14: "transitions
 * between views animate the curves, within 300 ms, none under prefers-reduced-motion").
 *
 * This lives in the client layer on purpose: the chart functions in src/charts stay pure and draw
 * each view in its final state, for the server and the browser alike. Here we only play Web
 * Animations on the SVG that is already in place and never write its attributes, so when an
 * animation ends or is cancelled the figure is exactly the static drawing, and a reader who asked
 * for reduced motion, or a browser without the Web Animations API, simply sees that drawing.
 *
 * - A group drawn in both views (the endpoint changed, RFS ↔ OS) morphs from its old curve to its
 *   new one, so the reader sees how that group's curve differs between the endpoints.
 * - A group new to the figure (the grouping changed) falls from S = 1, a flat line at the top, to
 *   its curve: the curves form instead of popping in.
 * - What is drawn around the curves (bands, censoring marks, median lines, labels) fades in over
 *   the same time, so nothing stands finished at its new place while the curves still move.
 * - Browsers that cannot animate the CSS `d` property (Safari) get the fade only.
 */

/** Well inside the 300 ms: long enough to follow, short enough not to delay reading. */
export const KM_TRANSITION_MS = 250;

const REDUCED = '(prefers-reduced-motion: reduce)';
/** What fades in with the curves: the optional layers and the direct labels (src/charts/km-chart.ts). */
const FADE = '.km-layer, .km-labels';

interface Step {
  readonly x: number;
  readonly y: number;
}

/** A step curve as drawn: where its value changes, and where it ends. */
interface StepCurve {
  readonly steps: readonly Step[];
  readonly end: number;
}

/**
 * Reads a step curve back from its path (`M x,y L x,y …`, as d3's curveStepAfter writes it in
 * src/charts/km-curves.ts): we animate what is drawn, in its own pixels, without the chart's data
 * or scales. Null for anything that is not such a path.
 */
export function readStepCurve(d: string | null): StepCurve | null {
  if (!d || !/^M/.test(d)) return null;
  const numbers = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
  if (numbers.length < 2 || numbers.length % 2) return null;
  const steps: Step[] = [{ x: numbers[0], y: numbers[1] }];
  let end = numbers[0];
  for (let i = 2; i < numbers.length; i += 2) {
    const x = numbers[i];
    const y = numbers[i + 1];
    end = Math.max(end, x);
    const last = steps[steps.length - 1];
    if (y === last.y) continue;
    // A vertical segment: the value changes at this x (at the start, the first value is replaced).
    if (x === last.x) steps[steps.length - 1] = { x, y };
    else steps.push({ x, y });
  }
  return { steps, end };
}

function valueAt(curve: StepCurve, x: number): number {
  let y = curve.steps[0].y;
  for (const step of curve.steps) {
    if (step.x > x) break;
    y = step.y;
  }
  return y;
}

/**
 * The two curves as paths with the same commands, which is what lets a browser interpolate `d`:
 * both are sampled at every x where either changes or ends. Past its own end a curve repeats its
 * last point (zero-length segments), so each path draws exactly what its curve draws.
 */
export function matchedPaths(a: StepCurve, b: StepCurve): [string, string] {
  const xs = [...new Set([...a.steps.map((s) => s.x), a.end, ...b.steps.map((s) => s.x), b.end])].sort((p, q) => p - q);
  const path = (c: StepCurve) => {
    let d = '';
    let previous = 0;
    xs.forEach((x, i) => {
      const cx = Math.min(Math.max(x, c.steps[0].x), c.end);
      const y = valueAt(c, cx);
      d += i === 0 ? `M${cx},${y}` : `L${cx},${previous}L${cx},${y}`;
      previous = y;
    });
    return `path("${d}")`;
  };
  return [path(a), path(b)];
}

/** The same curve held flat at its starting value (S = 1): where a new curve falls from. */
function flat(curve: StepCurve): StepCurve {
  return { steps: [{ x: curve.steps[0].x, y: curve.steps[0].y }], end: curve.end };
}

function curves(svg: SVGSVGElement | null): Map<string, StepCurve> {
  const out = new Map<string, StepCurve>();
  for (const path of svg?.querySelectorAll<SVGPathElement>('.km-curves .km-line[data-group]') ?? []) {
    const curve = readStepCurve(path.getAttribute('d'));
    if (curve) out.set(path.dataset.group!, curve);
  }
  return out;
}

let canMorph: boolean | null = null;

/**
 * Animates the change from the view drawn in `from` to the one drawn in `to` (both SVGs of the same
 * `<km-figure>`) and returns the animations started: none under `prefers-reduced-motion: reduce`.
 */
export function animateViewChange(from: SVGSVGElement | null, to: SVGSVGElement | null): Animation[] {
  if (!to || typeof to.animate !== 'function' || matchMedia(REDUCED).matches) return [];
  canMorph ??= typeof CSS !== 'undefined' && CSS.supports('d', 'path("M0,0")');
  const timing: KeyframeAnimationOptions = { duration: KM_TRANSITION_MS, easing: 'cubic-bezier(0.2, 0, 0, 1)' };
  const animations: Animation[] = [];
  if (canMorph) {
    // Old curves are in the old view's pixels: only a drawing at the same size can be morphed from.
    const old = from && from.getAttribute('width') === to.getAttribute('width') ? curves(from) : new Map<string, StepCurve>();
    for (const path of to.querySelectorAll<SVGPathElement>('.km-curves .km-line[data-group]')) {
      const curve = readStepCurve(path.getAttribute('d'));
      if (!curve) continue;
      const [start, end] = matchedPaths(old.get(path.dataset.group!) ?? flat(curve), curve);
      animations.push(path.animate([{ d: start }, { d: end }], timing));
    }
  }
  // Only a start keyframe: the end is whatever the stylesheet says (a story highlight dims layers).
  for (const element of to.querySelectorAll<SVGElement>(FADE)) animations.push(element.animate([{ opacity: 0, offset: 0 }], timing));
  return animations;
}
