import { describe, expect, it } from 'vitest';
import { formatEstimateCI, formatFixed, formatInterval, formatMonths, formatP, formatPEquals, formatPercent } from '../../../src/format/number.ts';

describe('formatP', () => {
  it('formatP(0.772) prints three decimals', () => expect(formatP(0.772)).toBe('0.772'));
  it('formatP(0.0004) prints < 0.001, never 0.000', () => expect(formatP(0.0004)).toBe('< 0.001'));
  it('formatP(0.9997) prints > 0.999, never 1.000', () => expect(formatP(0.9997)).toBe('> 0.999'));
  it('formatP(1) prints 1.000', () => expect(formatP(1)).toBe('1.000'));
  it('formatP(null) prints an en dash', () => expect(formatP(null)).toBe('–'));
  it('formatPEquals uses = or the inequality', () => {
    expect(formatPEquals(0.095)).toBe('p = 0.095');
    expect(formatPEquals(1e-5)).toBe('p < 0.001');
  });
});

describe('formatFixed and intervals', () => {
  it('uses a true minus sign and never −0.00', () => {
    expect(formatFixed(-1.234, 2)).toBe('\u22121.23');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
  });
  it('formatInterval and formatEstimateCI', () => {
    expect(formatInterval(0.915907, 6.813496)).toBe('0.92–6.81');
    expect(formatEstimateCI(2.498105, 0.915907, 6.813496)).toBe('2.50 (0.92–6.81)');
    expect(formatEstimateCI(null, null, null)).toBe('not estimable');
  });
  it('formatMonths and formatPercent', () => {
    expect(formatMonths(34)).toBe('34');
    expect(formatMonths(34.52)).toBe('34.5');
    expect(formatMonths(null)).toBe('not reached');
    expect(formatPercent(12 / 57)).toBe('21.1%');
  });
});
