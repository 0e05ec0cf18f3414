// Check "survival" (src/audit/check-survival.ts): numbers at risk and log-rank P values.
import { describe, expect, it } from 'vitest';
import { checkSurvival, readFidelity } from '../../../src/audit/check-survival.ts';
import { byId, clonePublished, published } from './shared.ts';

describe('survival numbers', () => {
  it('numbers at risk start at the group N and never rise', () => {
    const f = byId('fig2a-no-atrisk');
    expect(f.verdict).toBe('consistent');
    expect(f.printed).toBe('45 · 33 · 16 · 7');
  });
  it('without a fidelity report the log-rank P values cannot be checked', () => {
    expect(checkSurvival(published, { fidelity: null }).filter((f) => f.verdict === 'cannot-check')).toHaveLength(4);
  });
  it('a fidelity report is read whatever its nesting; the reconstruction was fitted to the P, so it never makes it consistent', () => {
    const report = {
      logrank: [
        { id: 'logrank-rfs-calcification', published: 0.772, reconstructed: 0.7718, pass: true },
        { id: 'logrank-os-calcification', published: 0.095, reconstructed: 0.2, pass: false },
      ],
    };
    const fidelity = readFidelity(report, published);
    expect(fidelity.logrank.map((f) => f.figure)).toEqual(['fig2a', 'fig2b']);
    const out = checkSurvival(published, { fidelity });
    expect(out.find((f) => f.id === 'fig2a-p-logrank')!.verdict).toBe('cannot-check');
    expect(out.find((f) => f.id === 'fig2a-p-logrank')!.explanation).toContain('fitted to the published value');
    expect(out.find((f) => f.id === 'fig2b-p-logrank')!.verdict).toBe('cannot-check');
    expect(out.find((f) => f.id === 'fig3a-p-logrank')!.verdict).toBe('cannot-check');
  });
  it('a number at risk that rises is flagged', () => {
    const p = clonePublished();
    p.survival.figures[0].atRisk.no = ['45', '33', '36', '7'];
    expect(checkSurvival(p, { fidelity: null }).find((f) => f.id === 'fig2a-no-atrisk')!.verdict).toBe('inconsistent');
  });
});

describe('the fidelity report of npm run reconstruct (data/reconstructed/fidelity.json layout)', () => {
  const report = {
    summary: { hard: { met: 52, total: 52 } },
    targets: [
      ...[0, 20, 40, 60].map((t, i) => ({
        id: `at-risk-rfs-calcification-no-${t}`,
        category: 'at-risk',
        published: { printed: ['45', '33', '16', '7'][i], value: [45, 33, 16, 7][i] },
        reconstructed: [45, 33, 16, 7][i],
        kind: 'hard',
        pass: true,
      })),
      { id: 'logrank-os-enhancement', category: 'logrank', reconstructed: 0.267234, tolerance: 0.005, pass: true, roundsToPrinted: false },
    ],
  };
  it('reads numbers at risk and log-rank P values', () => {
    const f = readFidelity(report, published);
    expect(f.atRisk).toHaveLength(4);
    expect(f.logrank).toEqual([{ figure: 'fig3b', reconstructed: 0.267234, pass: true, tolerance: 0.005 }]);
  });
  it('a fitted P is reported as fitted, never as consistent, and says how far off it ended', () => {
    const out = checkSurvival(published, { fidelity: readFidelity(report, published) });
    const f = out.find((x) => x.id === 'fig3b-p-logrank')!;
    expect(f.verdict).toBe('cannot-check');
    expect(f.explanation).toContain('fitted to the published value 0.268 and ended 0.0008 away');
    expect(f.explanation).not.toMatch(/consistent/);
    expect(out.find((x) => x.id === 'fig2a-no-atrisk')!.explanation).toContain('fitted to these numbers');
  });
});
