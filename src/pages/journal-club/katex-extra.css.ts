/**
 * /journal-club/katex-extra.css: the layout rules that KaTeX would have written as inline
 * `style` attributes, for every formula of the journal club (see src/lib/katex.ts). A real file,
 * so pages stay within a Content Security Policy that forbids inline styles.
 */
import type { APIRoute } from 'astro';
import { renderTex, texStylesheet } from '../../lib/katex.ts';
import { DISPLAY, FORMULAS } from '../../components/jc/formulas.ts';
import type { FormulaId } from '../../components/jc/formulas.ts';

export const GET: APIRoute = () => {
  const ids = Object.keys(FORMULAS) as FormulaId[];
  const css = texStylesheet(ids.map((id) => renderTex(FORMULAS[id], { display: DISPLAY[id] })));
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
