import { describe, expect, it } from 'vitest';
import {
  parseCountPercent,
  parseHazardRatio,
  parseMedianIqr,
  parseNumber,
  parseNumberWord,
  parsePrinted,
  proseNumbers,
} from '../../../src/published/parse-printed.ts';

describe('parsePrinted: table cells', () => {
  it('parsePrinted("53 (93.0)") is a count with its percent', () => {
    expect(parsePrinted('53 (93.0)')).toEqual({ kind: 'count', count: 53, percent: 93, marks: [] });
  });
  it('parsePrinted("2 (3.8)+") keeps the "+" mark', () => {
    expect(parsePrinted('2 (3.8)+')).toEqual({ kind: 'count', count: 2, percent: 3.8, marks: ['+'] });
  });
  it('parsePrinted("9 (100.0)") and "0 (0.0)"', () => {
    expect(parseCountPercent('9 (100.0)')).toMatchObject({ count: 9, percent: 100 });
    expect(parseCountPercent('0 (0.0)')).toMatchObject({ count: 0, percent: 0 });
  });
  it('parsePrinted("57 [50–63]") is a median with its IQR and no unit', () => {
    expect(parsePrinted('57 [50–63]')).toEqual({
      kind: 'quantiles', median: 57, q1: 50, q3: 63, percentSigns: [false, false, false], unit: null, marks: [],
    });
  });
  it('parsePrinted("3% [2–10%]") has unit "%"', () => {
    expect(parseMedianIqr('3% [2–10%]')).toMatchObject({ median: 3, q1: 2, q3: 10, percentSigns: [true, false, true], unit: '%' });
  });
  it('parsePrinted("2 [2–10%]") records the missing % sign of the median', () => {
    expect(parseMedianIqr('2 [2–10%]')).toMatchObject({ median: 2, q1: 2, q3: 10, percentSigns: [false, false, true], unit: '%' });
  });
  it('parsePrinted("7 [7–7.5]"), "2.5% [2–12%]", "87.2 [78.5–109.8]"', () => {
    expect(parseMedianIqr('7 [7–7.5]')).toMatchObject({ median: 7, q1: 7, q3: 7.5 });
    expect(parseMedianIqr('2.5% [2–12%]')).toMatchObject({ median: 2.5, q1: 2, q3: 12, unit: '%' });
    expect(parseMedianIqr('87.2 [78.5–109.8]')).toMatchObject({ median: 87.2, q1: 78.5, q3: 109.8 });
  });
  it('parsePrinted("0.017*") is a number with the Fisher mark', () => {
    expect(parsePrinted('0.017*')).toEqual({ kind: 'number', value: 0.017, relation: '=', percentSign: false, marks: ['*'] });
  });
  it('parsePrinted("<0.001") is an inequality', () => {
    expect(parsePrinted('<0.001')).toEqual({ kind: 'number', value: 0.001, relation: '<', percentSign: false, marks: [] });
  });
  it('parsePrinted("65.0") and "0.100" are plain numbers', () => {
    expect(parseNumber('65.0')).toMatchObject({ value: 65, relation: '=' });
    expect(parseNumber('0.100')).toMatchObject({ value: 0.1 });
  });
  it('parsePrinted("N/A") and parsePrinted("Ref.")', () => {
    expect(parsePrinted('N/A')).toEqual({ kind: 'na' });
    expect(parsePrinted('Ref.')).toEqual({ kind: 'ref' });
  });
  it('parsePrinted("1.00 (0.96, 1.04)") is a hazard ratio with its CI', () => {
    expect(parsePrinted('1.00 (0.96, 1.04)')).toEqual({ kind: 'hr', hr: 1, lower: 0.96, upper: 1.04 });
    expect(parseHazardRatio('5.67 (1.97, 16.26)')).toEqual({ kind: 'hr', hr: 5.67, lower: 1.97, upper: 16.26 });
  });
});

describe('parsePrinted: prose numbers and thresholds', () => {
  it('parseNumber("P=0.772"), "P>0.05", "59.5%"', () => {
    expect(parseNumber('P=0.772')).toMatchObject({ value: 0.772, relation: '=' });
    expect(parseNumber('P>0.05')).toMatchObject({ value: 0.05, relation: '>' });
    expect(parseNumber('59.5%')).toMatchObject({ value: 59.5, percentSign: true });
  });
  it('parseNumberWord handles the number words the paper uses', () => {
    expect(parseNumberWord('Twelve')).toBe(12);
    expect(parseNumberWord('Fifty-seven')).toBe(57);
    expect(parseNumberWord('Fifty-one')).toBe(51);
    expect(parseNumberWord('Eighty-two')).toBe(82);
    expect(parseNumberWord('three')).toBe(3);
    expect(parseNumberWord('twenty')).toBe(20);
    expect(parseNumberWord('one-way')).toBeNull();
    expect(parseNumberWord('Second')).toBeNull();
    expect(parseNumberWord('fifty-twelve')).toBeNull();
  });
  it('proseNumbers("Fifty-one (of 82, 62.2%)") finds word and digits in order', () => {
    expect(proseNumbers('Fifty-one (of 82, 62.2%)').map((t) => [t.printed, t.value])).toEqual([
      ['Fifty-one', 51], ['82', 82], ['62.2%', 62.2],
    ]);
  });
  it('proseNumbers keeps relations and skips digits that are part of names (Ki-67, mm2, R0, Ki67)', () => {
    expect(proseNumbers('(all P>0.05) and P=0.009 or <0.001').map((t) => [t.printed, t.relation])).toEqual([
      ['0.05', '>'], ['0.009', '='], ['0.001', '<'],
    ]);
    expect(proseNumbers('Ki-67 of 3% in 10 mm2, R0 or R1, Ki67').map((t) => t.printed)).toEqual(['3%', '10']);
  });
  it('proseNumbers("HR, 0.86, 95% CI: 0.76, 0.96, P=0.009")', () => {
    expect(proseNumbers('HR, 0.86, 95% CI: 0.76, 0.96, P=0.009').map((t) => t.value)).toEqual([0.86, 95, 0.76, 0.96, 0.009]);
  });
});

describe('parsePrinted: rejects what the paper does not print', () => {
  it.each([
    ['hyphen instead of en dash', '57 [50-63]'],
    ['two spaces', '53  (93.0)'],
    ['missing parenthesis', '53 (93.0'],
    ['unknown mark', '0.017#'],
    ['empty', ''],
    ['text', 'NA'],
    ['comma decimal', '0,017'],
  ])('%s: %j', (_why, printed) => {
    expect(parsePrinted(printed)).toBeNull();
  });
});
