import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKS, kmOptionsFromState, normaliseKmOptions } from '../../../src/charts/km-options.ts';
import { DEFAULT_KM_STATE, kmStateToQuery, normaliseKmState, parseKmState } from '../../../src/charts/km-state.ts';

describe('normaliseKmOptions', () => {
  it('normaliseKmOptions() fills in the defaults', () => {
    const s = normaliseKmOptions();
    expect(s.width).toBe(720);
    expect(s.ticks).toEqual(DEFAULT_TICKS);
    expect([s.ci, s.censor, s.median, s.ensemble, s.allLayers, s.riskTable]).toEqual([true, true, false, false, false, true]);
    expect(s.labels).toBe('auto');
    expect(s.idPrefix).toBe('km');
    expect(s.highlight).toBeNull();
  });
  it('normaliseKmOptions({ width: 100 }) throws "invalid width: 100"', () => {
    expect(() => normaliseKmOptions({ width: 100 })).toThrow('invalid width: 100');
    expect(() => normaliseKmOptions({ width: Number.NaN })).toThrow('invalid width: NaN');
  });
  it('normaliseKmOptions({ ticks }) requires ascending ticks from 0', () => {
    expect(normaliseKmOptions({ ticks: [0, 20, 40, 60, 80] }).ticks).toEqual([0, 20, 40, 60, 80]);
    expect(() => normaliseKmOptions({ ticks: [0, 40, 20] })).toThrow('invalid ticks: 0,40,20');
    expect(() => normaliseKmOptions({ ticks: [10, 20] })).toThrow('invalid ticks: 10,20');
    expect(() => normaliseKmOptions({ ticks: [0] })).toThrow('invalid ticks: 0');
  });
  it('normaliseKmOptions rejects unknown keywords and unsafe id prefixes', () => {
    expect(() => normaliseKmOptions({ labels: 'side' as never })).toThrow('invalid labels: side');
    expect(() => normaliseKmOptions({ highlight: 'curves' as never })).toThrow('invalid highlight: curves');
    expect(() => normaliseKmOptions({ idPrefix: '"><x' })).toThrow('invalid idPrefix: "><x');
    expect(() => normaliseKmOptions({ ci: 'yes' as never })).toThrow('invalid ci: yes');
  });
});

describe('normaliseKmState', () => {
  it('normaliseKmState({ grouping: "foo" }) throws "invalid grouping: foo"', () => {
    expect(() => normaliseKmState({ grouping: 'foo' })).toThrow('invalid grouping: foo');
    expect(() => normaliseKmState({ endpoint: 'dfs' })).toThrow('invalid endpoint: dfs');
    expect(() => normaliseKmState({ ci: 'maybe' })).toThrow('invalid ci: maybe');
    expect(() => normaliseKmState({ highlight: 'x' })).toThrow('invalid highlight: x');
  });
  it('normaliseKmState accepts booleans as 1/0/true/false and keeps the base for missing fields', () => {
    const s = normaliseKmState({ grouping: 'enhancement', ci: '0', median: 'true', highlight: 'risk-table' });
    expect(s).toEqual({ ...DEFAULT_KM_STATE, grouping: 'enhancement', ci: false, median: true, highlight: 'risk-table' });
    expect(normaliseKmState({ highlight: null }, s).highlight).toBeNull();
  });
});

describe('parseKmState (URL and attributes)', () => {
  const fromQuery = (q: string) => {
    const params = new URLSearchParams(q);
    return parseKmState((k) => params.get(k));
  };
  it('parseKmState(?grouping=enhancement&endpoint=os&ci=1) restores the state', () => {
    expect(fromQuery('?grouping=enhancement&endpoint=os&ci=1&median=1')).toEqual({
      ...DEFAULT_KM_STATE,
      grouping: 'enhancement',
      endpoint: 'os',
      ci: true,
      median: true,
    });
  });
  it('parseKmState ignores unknown keys, unknown values and hostile strings', () => {
    const s = fromQuery('?grouping=<img src=x onerror=alert(1)>&endpoint=os"><script>&ci=2&foo=bar&censor=0');
    expect(s).toEqual({ ...DEFAULT_KM_STATE, censor: false });
  });
  it('kmStateToQuery and parseKmState round-trip', () => {
    const state = normaliseKmState({ grouping: 'all', endpoint: 'os', ci: false, ensemble: true });
    const q = kmStateToQuery(state);
    expect(q).toBe('?grouping=all&endpoint=os&ci=0&ensemble=1');
    expect(fromQuery(q)).toEqual(state);
  });
  it('with highlight: true the query carries the highlight too, and every flag survives (ensemble included)', () => {
    for (const highlight of [null, 'median', 'risk-table'] as const) {
      for (const ensemble of [false, true]) {
        const state = normaliseKmState({ grouping: 'enhancement', endpoint: 'rfs', median: true, censor: false, ensemble, highlight });
        expect(fromQuery(kmStateToQuery(state, DEFAULT_KM_STATE, { highlight: true }))).toEqual(state);
      }
    }
    expect(kmStateToQuery(normaliseKmState({ highlight: 'median' }))).not.toContain('highlight');
  });
});

describe('kmOptionsFromState: the one state → options mapping', () => {
  it('carries every layer and the highlight, or leaves the highlight to CSS', () => {
    const state = normaliseKmState({ ci: false, censor: true, median: true, ensemble: true, highlight: 'median' });
    expect(kmOptionsFromState(state)).toEqual({ ci: false, censor: true, median: true, ensemble: true, highlight: 'median' });
    expect(kmOptionsFromState(state, { highlight: false })).toEqual({ ci: false, censor: true, median: true, ensemble: true });
  });
});
