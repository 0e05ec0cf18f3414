import { describe, expect, it } from 'vitest';
import { renderTex, stylesToClasses, texStylesheet } from '../../../src/lib/katex.ts';
import { DISPLAY, FORMULAS } from '../../../src/components/jc/formulas.ts';
import type { FormulaId } from '../../../src/components/jc/formulas.ts';

describe('build-time KaTeX', () => {
  it('renders every journal club formula with MathML and without inline styles', () => {
    for (const id of Object.keys(FORMULAS) as FormulaId[]) {
      const r = renderTex(FORMULAS[id], { display: DISPLAY[id] });
      expect(r.html, id).toContain('<math');
      expect(r.html, id).not.toMatch(/\sstyle=/);
      expect(r.rules.size, id).toBeGreaterThan(0);
    }
  });

  it('moves styles into hashed classes, merging with an existing class attribute', () => {
    const r = stylesToClasses('<span class="strut" style="height:1em;"></span><span style="top:-2em;margin-right:0.05em;">x</span>');
    const [a, b] = [...r.rules.keys()];
    expect(r.html).toBe(`<span class="strut ${a}"></span><span class="${b}">x</span>`);
    expect(r.rules.get(a)).toBe('height:1em !important');
    expect(r.rules.get(b)).toBe('top:-2em !important;margin-right:0.05em !important');
  });

  it('is deterministic: the same TeX gives the same classes, and the stylesheet lists each once', () => {
    const x = renderTex(FORMULAS.schoenfeld, { display: true });
    const y = renderTex(FORMULAS.schoenfeld, { display: true });
    expect(x.html).toBe(y.html);
    const css = texStylesheet([x, y]);
    expect(css.split('\n').filter(Boolean)).toHaveLength(x.rules.size);
    expect(css).toMatch(/^\.katex \.kx-[0-9a-z]+\{/);
  });

  it('throws on invalid TeX (a broken formula stops the build)', () => {
    expect(() => renderTex(String.raw`\frac{1`)).toThrow();
  });
});
