import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderTex } from '../../../src/lib/katex.ts';
import { DISPLAY, FORMULAS } from '../../../src/components/jc/formulas.ts';
import type { FormulaId } from '../../../src/components/jc/formulas.ts';

describe('build-time math (TeX → MathML)', () => {
  it('renders every journal club formula as one <math> element, light: no KaTeX HTML, no inline styles', () => {
    for (const id of Object.keys(FORMULAS) as FormulaId[]) {
      const math = renderTex(FORMULAS[id], { display: DISPLAY[id] });
      expect(math, id).toMatch(/^<math[\s>]/);
      expect(math, id).toMatch(/<\/math>$/);
      expect(math, id).not.toContain('katex-html');
      expect(math, id).not.toMatch(/\sstyle=/);
      const { document } = parseHTML(`<!doctype html><html><body>${math}</body></html>`);
      expect(document.querySelectorAll('body math').length, id).toBe(1);
      expect(document.querySelectorAll('body *').length, id).toBeLessThan(120);
      expect(document.querySelector('math')!.getAttribute('display'), id).toBe(DISPLAY[id] ? 'block' : null);
    }
  });

  it('keeps the TeX source as the annotation', () => {
    expect(renderTex(String.raw`\hat S(t)`)).toContain('<annotation encoding="application/x-tex">\\hat S(t)</annotation>');
  });

  it('writes \\mathbb letters as Unicode double-struck symbols (MathML Core has no mathvariant="double-struck")', () => {
    const math = renderTex(String.raw`\mathbb{E}[X] + \mathbb{R} + \mathbb{k}`);
    expect(math).not.toContain('double-struck');
    expect(math).toContain('<mi>𝔼</mi>');
    expect(math).toContain('<mi>ℝ</mi>');
    expect(math).toContain('<mi>𝕜</mi>');
  });

  it('is deterministic', () => {
    expect(renderTex(FORMULAS.schoenfeld, { display: true })).toBe(renderTex(FORMULAS.schoenfeld, { display: true }));
  });

  it('throws on invalid TeX (a broken formula stops the build)', () => {
    expect(() => renderTex(String.raw`\frac{1`)).toThrow();
  });
});
