// Rounding-aware comparison helpers (src/audit/rounding.ts, src/audit/grim.ts), on hand-worked cases.
import { describe, expect, it } from 'vitest';
import {
  percentDoubleRoundsTo,
  percentRoundsTo,
  percentTruncatesTo,
  percentWholeRoundsTo,
  printedDecimal,
  printsAs,
  roundings,
} from '../../../src/audit/rounding.ts';
import { checkPercent, denominatorsFor } from '../../../src/audit/grim.ts';

const d = (s: string) => printedDecimal(s)!;

describe('roundings(num, den): integers num/den rounds to', () => {
  it('one integer away from half-way, both at exactly half-way', () => {
    expect(roundings(7, 2)).toEqual([3, 4]); // 3.5
    expect(roundings(10, 3)).toEqual([3]); // 3.33
    expect(roundings(11, 3)).toEqual([4]); // 3.67
  });
});

describe('percentages consistent only because of rounding', () => {
  it('3 of 80 is 3.75%: half-way, so both 3.7 and 3.8 are consistent', () => {
    expect(percentRoundsTo(3, 80, d('3.8'))).toBe(true);
    expect(percentRoundsTo(3, 80, d('3.7'))).toBe(true);
    expect(percentRoundsTo(3, 80, d('3.9'))).toBe(false);
  });
  it('1 of 8 is 12.5%: half-way at zero decimals, so 12 and 13 both pass', () => {
    expect(percentRoundsTo(1, 8, d('12'))).toBe(true);
    expect(percentRoundsTo(1, 8, d('13'))).toBe(true);
  });
  it('6 of 11 is 54.5454…%: rounds to 54.5, not 54.6', () => {
    expect(percentRoundsTo(6, 11, d('54.5'))).toBe(true);
    expect(percentRoundsTo(6, 11, d('54.6'))).toBe(false);
  });
  it('68 of 81 is 83.9506%: rounds to 84.0 at one decimal', () => {
    expect(percentRoundsTo(68, 81, d('84.0'))).toBe(true);
  });
});

describe('percentages consistent only with truncation', () => {
  it('28 of 42 is 66.67%: printed 66.6 is truncation, not rounding', () => {
    expect(percentRoundsTo(28, 42, d('66.6'))).toBe(false);
    expect(percentTruncatesTo(28, 42, d('66.6'))).toBe(true);
  });
  it('70 of 82 is 85.37%: printed 85.3 is truncation', () => {
    expect(percentRoundsTo(70, 82, d('85.3'))).toBe(false);
    expect(percentTruncatesTo(70, 82, d('85.3'))).toBe(true);
    expect(checkPercent(70, 82, d('85.3'), 82).mechanisms).toEqual(['truncation']);
  });
});

describe('double rounding and whole percents', () => {
  it('1 of 23 is 4.348%: 4.35 then 4.4', () => {
    expect(percentRoundsTo(1, 23, d('4.4'))).toBe(false);
    expect(percentDoubleRoundsTo(1, 23, d('4.4'))).toBe(true);
  });
  it('46 of 71 is 64.79%: 65.0 is a whole percent printed with a zero', () => {
    expect(percentWholeRoundsTo(46, 71, d('65.0'))).toBe(true);
    expect(percentWholeRoundsTo(46, 71, d('64.8'))).toBe(false);
  });
});

describe('GRIM: counts and denominators that fit a printed percentage', () => {
  it('no count out of 82 gives 59.5%', () => {
    const c = checkPercent(48, 82, d('59.5'), 82);
    expect(c.rounds).toBe(false);
    expect(c.countsThatFit).toEqual([]);
    expect(c.unitsOff).toBe(10);
  });
  it('2 (4.5) fits a denominator of 44, not 45', () => {
    expect(denominatorsFor(2, d('4.5'), 1, 45)).toEqual([44]);
    expect(checkPercent(2, 45, d('4.5'), 45).otherDenominators).toEqual([44]);
  });
});

describe('printsAs(x, value, decimals): statcheck intervals', () => {
  it('0.0167 prints as 0.017 and 0.0165 (half-way) too; 0.0164 does not', () => {
    expect(printsAs(0.0167, 0.017, 3)).toBe(true);
    expect(printsAs(0.0165, 0.017, 3)).toBe(true);
    expect(printsAs(0.0164, 0.017, 3)).toBe(false);
  });
  it('"<0.001" accepts anything below 0.001', () => {
    expect(printsAs(0.0002, 0.001, 3, '<')).toBe(true);
    expect(printsAs(0.002, 0.001, 3, '<')).toBe(false);
  });
});
