import { describe, expect, it } from 'vitest';
import {
  MAX_PATIENTS,
  MAX_TIME,
  addPatient,
  analyseSandbox,
  canRemove,
  displayOrder,
  initialSandbox,
  removePatient,
  setEvent,
  setTime,
} from '../../../src/components/jc/sandbox-model.ts';
import { kaplanMeier } from '../../../src/stats/kaplan-meier.ts';
import { logRank } from '../../../src/stats/log-rank.ts';
import { sandboxKmChart, stepPath } from '../../../src/charts/sandbox-km.ts';
import { serverDocument } from '../../../src/charts/server-document.ts';

describe('KM sandbox model', () => {
  it('starts with ten patients, five per group', () => {
    const s = initialSandbox();
    expect(s.patients).toHaveLength(10);
    expect(s.patients.filter((p) => p.group === 'A')).toHaveLength(5);
  });

  it('edits are pure and clamp times to whole months in [0, MAX_TIME]', () => {
    const s0 = initialSandbox();
    const s1 = setTime(s0, 1, 70.4);
    expect(s1.patients[0].time).toBe(MAX_TIME);
    expect(s0.patients[0].time).toBe(8);
    expect(setTime(s0, 1, -3).patients[0].time).toBe(0);
    expect(setTime(s0, 1, 12.6).patients[0].time).toBe(13);
    expect(setEvent(s0, 1, false).patients[0].event).toBe(false);
  });

  it('adds up to MAX_PATIENTS and never removes the last patient of a group', () => {
    let s = initialSandbox();
    for (let i = 0; i < 20; i++) s = addPatient(s, 'B');
    expect(s.patients).toHaveLength(MAX_PATIENTS);
    let t = initialSandbox();
    for (const p of t.patients.filter((x) => x.group === 'A')) t = removePatient(t, p.id);
    expect(t.patients.filter((p) => p.group === 'A')).toHaveLength(1);
    expect(canRemove(t, t.patients.find((p) => p.group === 'A')!.id)).toBe(false);
  });

  it('analysis is the statistics core on the displayed data', () => {
    const s = setEvent(setTime(initialSandbox(), 3, 10), 7, false);
    const a = analyseSandbox(s);
    const A = s.patients.filter((p) => p.group === 'A');
    expect(a.fits.A).toEqual(kaplanMeier(A.map((p) => p.time), A.map((p) => (p.event ? 1 : 0))));
    const lr = logRank(s.patients.map((p) => p.time), s.patients.map((p) => (p.event ? 1 : 0)), s.patients.map((p) => p.group), { levels: ['A', 'B'] });
    expect(a.logRank).toEqual(lr);
    expect(a.steps.chisq).toBeCloseTo(lr.chisq, 10);
    expect(a.riskTables.A.atRisk[0]).toBe(5);
  });

  it('keeps display order stable by group then id', () => {
    const s = addPatient(initialSandbox(), 'A', 5, true);
    expect(displayOrder(s).map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 11, 6, 7, 8, 9, 10]);
  });
});

describe('sandboxKmChart', () => {
  const fit = kaplanMeier([2, 4, 4, 6], [1, 0, 1, 0]);
  it('steps down at event times only', () => {
    const d = stepPath(fit, (t) => t * 10, (s) => 100 - s * 100);
    // S = 3/4 after t = 2; at t = 4, 1 event among 3 at risk: 0.75 · 2/3 = 0.5.
    expect(d).toBe('M0,0H20V25H40V50H60');
  });
  it('has a title, a description, no inline styles, and escapes labels', () => {
    const svg = sandboxKmChart([{ key: 'a', label: 'A & <B>', fit }], { maxTime: 10, xTicks: [0, 5, 10], title: 'T', description: 'D', idPrefix: 'x' }, { document: serverDocument() }).outerHTML;
    expect(svg).toContain('<title id="x-title">T</title>');
    expect(svg).toContain('aria-labelledby="x-title x-desc"');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).not.toMatch(/style=/);
  });
});
