/**
 * The view transition's path matching (src/scripts/km-transition.ts): a browser interpolates `d`
 * only between paths with the same commands, and the animation must end exactly on the static
 * drawing, or the curve would jump when the animation hands back to the attribute.
 */
import { describe, expect, it } from 'vitest';
import { curvePath } from '../../../src/charts/km-curves.ts';
import type { KmLayout } from '../../../src/charts/km-layout.ts';
import type { StepPoint } from '../../../src/charts/km-data.ts';
import { KM_TRANSITION_MS, matchedPaths, readStepCurve } from '../../../src/scripts/km-transition.ts';

const layout = { x: (t: number) => 40 + t * 7.5, y: (s: number) => 20 + (1 - s) * 300 } as unknown as KmLayout;

function points(...pairs: [number, number][]): StepPoint[] {
  return pairs.map(([t, s]) => ({ t, s, lower: null, upper: null }));
}

/** The vertices of a polyline path without repeated points and without points inside a straight run. */
function vertices(d: string): string[] {
  const n = d.match(/-?\d*\.?\d+/g)!.map(Number);
  const pts: [number, number][] = [];
  for (let i = 0; i < n.length; i += 2) {
    const p: [number, number] = [n[i], n[i + 1]];
    const last = pts[pts.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = pts[pts.length - 2];
    if (last && before && ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))) pts.pop();
    pts.push(p);
  }
  return pts.map((p) => p.join(','));
}

const commands = (d: string) => d.replace(/[^ML]/g, '');
const inner = (d: string) => d.replace(/^path\("(.*)"\)$/, '$1');

describe('km-transition path matching', () => {
  const rfs = curvePath(layout, points([0, 1], [3, 0.9], [10, 0.7], [22, 0.55], [30, 0.55]));
  const os = curvePath(layout, points([0, 1], [5, 0.95], [10, 0.8], [41, 0.6], [58, 0.6]));

  it('reads a step curve back from the chart path', () => {
    const curve = readStepCurve(rfs)!;
    expect(curve.steps.map((s) => s.y)).toEqual([20, 50, 110, 155]);
    expect(curve.end).toBe(layout.x(30));
    expect(readStepCurve(null)).toBeNull();
    expect(readStepCurve('')).toBeNull();
    expect(readStepCurve('L1,2')).toBeNull();
  });

  it('gives both curves the same commands, each drawing exactly its own curve', () => {
    const [from, to] = matchedPaths(readStepCurve(rfs)!, readStepCurve(os)!);
    expect(commands(inner(from))).toBe(commands(inner(to)));
    expect(inner(from).match(/-?\d*\.?\d+/g)!.length).toBe(inner(to).match(/-?\d*\.?\d+/g)!.length);
    expect(vertices(inner(from))).toEqual(vertices(rfs));
    expect(vertices(inner(to))).toEqual(vertices(os));
  });

  it('a curve that starts at t = 0 with a drop keeps it', () => {
    const early = curvePath(layout, points([0, 0.9], [8, 0.5], [12, 0.5]));
    const [from, to] = matchedPaths(readStepCurve(os)!, readStepCurve(early)!);
    expect(commands(inner(from))).toBe(commands(inner(to)));
    expect(vertices(inner(to))).toEqual(vertices(early));
  });

  it('stays within the 300 ms of issue 14', () => {
    expect(KM_TRANSITION_MS).toBeGreaterThan(0);
    expect(KM_TRANSITION_MS).toBeLessThanOrEqual(300);
  });
});
