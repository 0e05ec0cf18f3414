import { describe, expect, it } from 'vitest';
import { article, hazardInWords, intervalInWords, spansHalvingAndDoubling } from '../../../src/components/story/words.ts';

describe('numbers in words', () => {
  it('article() before numbers said aloud', () => {
    expect([8, 11, 18, 80, 83, 800].map(article)).toEqual(['an', 'an', 'an', 'an', 'an', 'an']);
    expect([1, 7, 12, 19, 28, 100].map(article)).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
  });

  it('hazardInWords: lower, higher, multiples', () => {
    expect(hazardInWords(0.17)).toBe('an 83% lower hazard');
    expect(hazardInWords(1.19)).toBe('a 19% higher hazard');
    expect(hazardInWords(1)).toBe('the same hazard');
    expect(hazardInWords(4.26)).toBe('4.3 times the hazard');
  });

  it('intervalInWords and spansHalvingAndDoubling', () => {
    expect(intervalInWords(0.55, 4.26)).toBe('from a 45% lower hazard to 4.3 times the hazard');
    expect(intervalInWords(null, 2)).toBe('not estimable');
    expect(spansHalvingAndDoubling(0.4, 2.5)).toBe(true);
    expect(spansHalvingAndDoubling(0.6, 2.5)).toBe(false);
    expect(spansHalvingAndDoubling(null, 2.5)).toBe(false);
  });
});
