import { describe, expect, it } from 'vitest';
import { partOfCell } from '../../../src/audit/anchors.ts';
import { cellOrder } from '../../../src/audit/run-audit.ts';
import { published } from './shared.ts';

describe('partOfCell(cell)', () => {
  it('names the part of every cell of the tables, in reading order: each part one run, in the paper’s order', () => {
    const parts = cellOrder(published).map(partOfCell);
    const runs = parts.filter((p, i) => i === 0 || parts[i - 1] !== p);
    expect(runs).toEqual(['table-1', 'table-2', 'table-3', 'table-s1', 'figures', 'text']);
  });

  it('reads the part from the id’s prefix', () => {
    expect(partOfCell('t2-asa-p')).toBe('table-2');
    expect(partOfCell('s1-bmi-est')).toBe('table-s1');
    expect(partOfCell('fig2a-no-t20')).toBe('figures');
    expect(partOfCell('fig3b-p')).toBe('figures');
    expect(partOfCell('x-abs-female')).toBe('text');
    expect(partOfCell('c-abs-calc-characteristics')).toBe('text');
  });

  it('throws on an id that names no cell', () => {
    expect(() => partOfCell('t9-asa-p')).toThrow(/no table part/);
    expect(() => partOfCell('')).toThrow(/no table part/);
    expect(() => partOfCell('figure-1')).toThrow(/no table part/);
  });
});
