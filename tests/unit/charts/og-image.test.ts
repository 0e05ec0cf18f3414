import { describe, expect, it } from 'vitest';
import { OG_HEIGHT, OG_WIDTH, ogSvg } from '../../../src/charts/og-image.ts';
import { serverDocument } from '../../../src/charts/server-document.ts';
import { syntheticView } from './synthetic.ts';

describe('ogSvg', () => {
  it('draws the chart into a 1200 × 630 card with escaped text in the given font', () => {
    const svg = ogSvg(syntheticView('calcification', 'os'), { title: 'A < B & "C"', subtitle: 'sub', tag: 'Reconstructed data' }, { document: serverDocument(), fontFamily: 'Test Sans' });
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}"`)).toBe(true);
    expect(svg).toContain('A &lt; B &amp; &quot;C&quot;');
    expect(svg).toContain('font-family="Test Sans"');
    expect(svg).toContain('Reconstructed data');
    expect(svg).not.toContain('km-risk-table');
  });
});
