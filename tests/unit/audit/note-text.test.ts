import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, badgeOf, noteText, recomputedShort } from '../../../src/components/audit/present.ts';
import { audit, byId } from './shared.ts';

describe('noteText(findings): the one text of a cell’s audit note', () => {
  it('gives each finding its verdict and check, its explanation and what was recomputed, one per line', () => {
    const f = byId('t2-asa-p-pvalue');
    const lines = noteText([f]).split('\n');
    expect(lines[0].toLowerCase()).toBe(`${badgeOf(f).word} · ${CHECK_NAMES[f.check]}`.toLowerCase());
    expect(lines[1]).toBe(f.explanation);
    expect(lines[2]).toBe(`Recomputed: ${recomputedShort(f)}`);
    expect(lines).toHaveLength(3);
  });

  it('separates findings by a blank line, in the order given', () => {
    const cell = audit.findings.find((f) => audit.findings.filter((g) => g.cells[0] === f.cells[0]).length > 1)!;
    const two = audit.findings.filter((g) => g.cells[0] === cell.cells[0]).slice(0, 2);
    const parts = noteText(two).split('\n\n');
    expect(parts).toEqual(two.map((f) => noteText([f])));
  });
});
