import { describe, expect, it } from 'vitest';
import { apa, apaParts, bibtex, bibtexKey, citations, ris, vancouver } from '../../../src/components/cite/formats.ts';
import type { CitablePaper } from '../../../src/components/cite/formats.ts';
import { paper } from '../../../src/lib/paper.ts';

const DOI_URL = 'https://doi.org/10.21037/hbsn.2019.06.02';

describe('citation formats of the article (src/lib/paper.ts)', () => {
  it('apa(paper): APA 7, all nine authors, "&" before the last, italic journal and volume, DOI as a link', () => {
    expect(apa(paper)).toBe(
      'Armstrong, E. A., Beal, E. W., Shah, M., Konda, B., Abdel-Misih, S., Ejaz, A., Dillhoff, M. E., Pawlik, T. M., & Cloyd, J. M. (2020). ' +
        'Radiographic characteristics of neuroendocrine liver metastases do not predict clinical outcomes following liver resection. ' +
        `HepatoBiliary Surgery and Nutrition, 9(1), 1\u201312. ${DOI_URL}`,
    );
    expect(apaParts(paper).italic).toEqual(['HepatoBiliary Surgery and Nutrition', '9']);
  });

  it('vancouver(paper): six authors then et al, NLM journal abbreviation, 2020 Feb;9(1):1-12', () => {
    expect(vancouver(paper)).toBe(
      'Armstrong EA, Beal EW, Shah M, Konda B, Abdel-Misih S, Ejaz A, et al. ' +
        'Radiographic characteristics of neuroendocrine liver metastases do not predict clinical outcomes following liver resection. ' +
        `Hepatobiliary Surg Nutr. 2020 Feb;9(1):1-12. ${DOI_URL}`,
    );
  });

  it('bibtex(paper): an @article entry with every field, the title braced, pages with --', () => {
    const b = bibtex(paper);
    expect(b.startsWith('@article{armstrong2020radiographic,\n')).toBe(true);
    expect(b).toContain('author  = {Armstrong, Emily A. and Beal, Eliza W. and Shah, Manisha and Konda, Bhavana and Abdel-Misih, Sherif and Ejaz, Aslam and Dillhoff, Mary E. and Pawlik, Timothy M. and Cloyd, Jordan M.}');
    expect(b).toContain(`title   = {{${paper.title}}}`);
    expect(b).toContain('journal = {HepatoBiliary Surgery and Nutrition}');
    expect(b).toContain('volume  = {9}');
    expect(b).toContain('number  = {1}');
    expect(b).toContain('pages   = {1--12}');
    expect(b).toContain('month   = feb');
    expect(b).toContain('doi     = {10.21037/hbsn.2019.06.02}');
    expect(b).toContain(`url     = {${DOI_URL}}`);
    expect(b.endsWith('\n}')).toBe(true);
    // Balanced braces.
    expect((b.match(/{/g) ?? []).length).toBe((b.match(/}/g) ?? []).length);
  });

  it('ris(paper): TY first, one AU per author, SP/EP, DO and UR, ER last', () => {
    const lines = ris(paper).split('\n');
    expect(lines[0]).toBe('TY  - JOUR');
    expect(lines.filter((l) => l.startsWith('AU  - '))).toHaveLength(9);
    expect(lines).toContain('AU  - Armstrong, Emily A.');
    expect(lines).toContain('PY  - 2020');
    expect(lines).toContain('DA  - 2020/02');
    expect(lines).toContain('SP  - 1');
    expect(lines).toContain('EP  - 12');
    expect(lines).toContain('DO  - 10.21037/hbsn.2019.06.02');
    expect(lines).toContain(`UR  - ${DOI_URL}`);
    expect(lines[lines.length - 1]).toBe('ER  - ');
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9]  - /);
  });

  it('citations(paper) gives APA, Vancouver, BibTeX and RIS, each with the DOI link', () => {
    const all = citations(paper);
    expect(all.map((c) => c.label)).toEqual(['APA', 'Vancouver', 'BibTeX', 'RIS']);
    for (const c of all) expect(c.text).toContain(DOI_URL);
  });
});

describe('citation formats of other articles', () => {
  const one: CitablePaper = {
    ...paper,
    title: 'A study of things & 100% of stuff.',
    authors: [{ family: 'Müller', given: 'Jean-Paul', initials: 'JP' }],
    date: '2021',
    firstPage: '7',
    lastPage: '7',
    pages: '7-7',
  };

  it('one author: no "&", hyphenated initials, single page, no month', () => {
    expect(apa(one)).toBe(`Müller, J.-P. (2020). A study of things & 100% of stuff. HepatoBiliary Surgery and Nutrition, 9(1), 7. ${DOI_URL}`);
    expect(vancouver(one)).toContain('Müller JP. A study of things & 100% of stuff. Hepatobiliary Surg Nutr. 2020;9(1):7-7.');
    expect(ris(one)).not.toContain('DA  - ');
    expect(bibtex(one)).not.toContain('month');
  });

  it('bibtex escapes & and % and builds an ASCII key', () => {
    expect(bibtex(one)).toContain('title   = {{A study of things \\& 100\\% of stuff.}}');
    expect(bibtexKey(one)).toBe('muller2020study');
  });

  it('apa lists up to 20 authors, then the first 19, an ellipsis and the last', () => {
    const many: CitablePaper = {
      ...paper,
      authors: Array.from({ length: 22 }, (_, i) => ({ family: `A${i + 1}`, given: 'B', initials: 'B' })),
    };
    const text = apa(many);
    expect(text).toContain('A19, B., . . . A22, B. (2020)');
    expect(text).not.toContain('A20,');
  });
});
