// Checks the transcription against the paper's text (../shared/paper/armstrong-2020-hbsn-nelm.txt):
// every number of every table line and of the prose is transcribed, in order for tables; quotes and
// labels occur in the paper; pages agree with the running headers. Skipped when the paper text is
// absent (e.g. in a fresh clone on CI, where ../shared is not checked out).
import { describe, expect, it } from 'vitest';
import { loadPublished } from '../../../src/published/load.ts';
import type { CharacteristicsTable, TableS1File } from '../../../src/published/schemas.ts';
import { proseNumbers } from '../../../src/published/parse-printed.ts';

import { PAPER_SKIP_REASON, paperText } from '../paper-text.ts';

const hasPaper = paperText !== null;

const squash = (s: string) => s.replace(/\s+/g, '');
/** Digit tokens as printed ("31.0", "0.017"), names included (Ki-67 -> "67", "Grade 1" -> "1"). */
const digits = (s: string) => s.match(/\d+(?:\.\d+)?/g) ?? [];

// describe.skipIf still runs this body to collect the tests, so it must not touch the text when absent.
describe.skipIf(!hasPaper)(`transcription covers the paper text ${hasPaper ? '' : PAPER_SKIP_REASON}`, () => {
  if (!hasPaper) return;
  const lines = (paperText ?? '').split('\n');
  const p = loadPublished();

  /** Index of the first line at or after `from` for which `test` holds. */
  const find = (test: (l: string) => boolean, from = 0) => {
    for (let i = from; i < lines.length; i++) if (test(lines[i])) return i;
    throw new Error('anchor not found');
  };
  const isFurniture = (l: string) =>
    /^© HepatoBiliary/.test(l) || /^\d+ Armstrong et al\./.test(l) || /^HepatoBiliary Surgery and Nutrition, Vol/.test(l) ||
    /^Table \S+ \(continued\)/.test(l) || /^\(N=\d+\), N \(%\)/.test(l) || /^Characteristics/.test(l) || l.trim() === '';

  /** Page of every line, from the running headers ("2 Armstrong et al.", "… February 2020 3"); Table S1 after page 12. */
  const pageOfLine: (number | 'supplementary')[] = [];
  {
    let page: number | 'supplementary' = 1;
    for (const l of lines) {
      const even = /^(\d+) Armstrong et al\./.exec(l);
      const odd = /^HepatoBiliary Surgery and Nutrition, Vol 9, No 1 February 2020 (\d+)$/.exec(l);
      if (even) page = Number(even[1]);
      if (odd) page = Number(odd[1]);
      if (/^Table S1 /.test(l)) page = 'supplementary';
      pageOfLine.push(page);
    }
  }
  // The whole text without whitespace, with the page of every character, to find quotes.
  const squashed: string[] = [];
  const pageOfChar: (number | 'supplementary')[] = [];
  lines.forEach((l, i) => {
    for (const ch of squash(l)) {
      squashed.push(ch);
      pageOfChar.push(pageOfLine[i]);
    }
  });
  const text = squashed.join('');
  const pagesOf = (needle: string): (number | 'supplementary')[] => {
    const out: (number | 'supplementary')[] = [];
    const s = squash(needle);
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(pageOfChar[i]);
    return out;
  };

  /** Digit tokens of a table body, from the line after `start` to the line before `end`, without headers and page furniture. */
  const bodyTokens = (startLine: number, endLine: number) =>
    lines.slice(startLine, endLine).filter((l) => !isFurniture(l)).flatMap(digits);

  /** The same tokens rebuilt from the transcription, in printed order. */
  const tableTokens = (t: CharacteristicsTable) =>
    t.rows.flatMap((row) => {
      const p = row.p ? digits(row.p.printed) : [];
      if (row.kind === 'categorical') {
        return [...digits(row.label), ...p, ...row.levels.flatMap((l) => [...digits(l.label), ...t.columns.flatMap((c) => digits(l.cells[c.id].printed))])];
      }
      return [...digits(row.label), ...t.columns.flatMap((c) => digits(row.cells[c.id].printed)), ...p];
    });
  const s1Tokens = (t: TableS1File) =>
    t.rows.flatMap((row) =>
      row.kind === 'categorical'
        ? [...digits(row.label), ...row.levels.flatMap((l) => [...digits(l.label), ...digits(l.estimate.printed), ...digits(l.p?.printed ?? '')])]
        : [...digits(row.label), ...digits(row.estimate.printed), ...digits(row.p.printed)],
    );

  const t1 = find((l) => l.startsWith('Table 1 Clinicopathologic'));
  const t2 = find((l) => l.startsWith('Table 2 Clinicopathologic'));
  const t3 = find((l) => l.startsWith('Table 3 Clinicopathologic'));
  const s1 = find((l) => l.startsWith('Table S1 '));
  const regions = {
    table1: [find((l) => l.startsWith('Characteristics'), t1), find((l) => l === '+', t1)],
    table2: [find((l) => l.startsWith('(N=12)'), t2), find((l) => l.startsWith('*, Fisher'), t2)],
    table3: [find((l) => l.startsWith('(N=18)'), t3), find((l) => l.startsWith('*, Fisher'), t3)],
    tableS1: [find((l) => l.startsWith('Univariate HR'), s1), find((l) => l === 'Supplementary', s1)],
  } as const;

  it.each(['table1', 'table2', 'table3'] as const)('%s: every number of the printed body, in order', (file) => {
    const [start, end] = regions[file];
    expect(tableTokens(p[file])).toEqual(bodyTokens(start + 1, end));
  });

  it('tableS1: every number of the printed body, in order', () => {
    const [start, end] = regions.tableS1;
    expect(s1Tokens(p.tableS1)).toEqual(bodyTokens(start + 1, end));
  });

  it('titles, column labels, footnotes, row labels and sections occur in the paper', () => {
    for (const t of [p.table1, p.table2, p.table3, p.tableS1]) {
      expect(pagesOf(`${t.label} ${t.title}`).length, t.label).toBeGreaterThan(0);
      expect(pagesOf(`(N=${t.n.printed})`).length).toBeGreaterThan(0);
      for (const c of t.columns) expect(pagesOf(c.label).length, `${t.label} ${c.label}`).toBeGreaterThan(0);
      for (const row of t.rows) {
        expect(pagesOf(row.label).length, `${t.label} ${row.label}`).toBeGreaterThan(0);
        if (row.section) expect(pagesOf(row.section).length, row.section).toBeGreaterThan(0);
        if (row.kind === 'categorical') for (const l of row.levels) expect(pagesOf(l.label).length, l.label).toBeGreaterThan(0);
      }
    }
    for (const t of [p.table1, p.table2, p.table3]) for (const f of t.footnotes) expect(pagesOf(f.text).length, f.text).toBeGreaterThan(0);
    expect(pagesOf(p.tableS1.spanner).length).toBe(1);
  });

  it('table rows sit on the pages they claim (label followed by its first value)', () => {
    for (const t of [p.table1, p.table2, p.table3]) {
      for (const row of t.rows) {
        const next = row.kind === 'categorical' ? (row.p?.printed ?? row.levels[0].label) : row.cells[t.columns[0].id].printed;
        expect(pagesOf(`${row.label} ${next}`), `${t.label} ${row.id}`).toContain(row.page);
      }
    }
  });

  it('every text quote and claim quote occurs in the paper on its page, and each printed fragment inside its quote', () => {
    for (const e of p.text.entries) expect(pagesOf(e.quote), e.id).toContain(e.page);
    for (const c of p.claims.claims) expect(pagesOf(c.quote), c.id).toContain(c.page);
  });

  it('every number of the abstract, text and figure captions is in text.json, survival.json or a claim threshold', () => {
    // Prose: abstract to the reference list, minus tables, figures (axes, numbers at risk) and page furniture,
    // plus the two survival figure captions (Figure 1's has no numbers).
    const start = find((l) => l.startsWith('Background:'));
    const end = find((l) => l === 'Acknowledgments');
    const skip = [
      [find((l) => l.startsWith('Keywords:')), find((l) => l === 'Introduction')],
      [t1, find((l) => l.startsWith('Group.'), t1) + 1],
      [find((l) => l.startsWith('Figure 1 ')), find((l) => l.startsWith('Society of Anesthesiology; ECOG'), t2) + 1],
      [find((l) => l.startsWith('Figure 2 ')) + 2, find((l) => l.startsWith('obstructive pulmonary disease; ASA'), t3) + 1],
      [find((l) => l.startsWith('Figure 3 ')) + 2, find((l) => l === 'Discussion')],
    ];
    const prose = lines
      .slice(start, end)
      .filter((_, k) => !skip.some(([a, b]) => start + k >= a && start + k < b))
      .filter((l) => !isFurniture(l))
      .join('\n')
      // Numbers that name things rather than state results: tables, figures, citations, "grade 1".
      .replace(/\bTable S?\d\b/g, '')
      .replace(/\bFigure \d[A-E]?\b/g, '')
      .replace(/\(\d+(?:[-–,]\d+)*\)/g, '')
      .replace(/\bgrade \d\b/g, '');
    const found = proseNumbers(prose).filter((t) => /^\d/.test(t.printed)).map((t) => t.printed).sort();

    const expected = [
      ...p.text.entries.flatMap((e) => e.values.filter((v) => /^\d/.test(v.printed)).map((v) => v.printed)),
      ...[...p.survival.quantiles, p.survival.followUp].flatMap((q) => proseNumbers(q.printed).map((t) => t.printed)),
      ...p.claims.claims.filter((c) => c.threshold?.source === 'stated').flatMap((c) => proseNumbers(c.threshold!.printed).map((t) => t.printed)),
    ].sort();
    expect(found).toEqual(expected);
  });

  it.each([
    ['Figure 2', ['fig2a', 'fig2b']],
    ['Figure 3', ['fig3a', 'fig3b']],
  ])('survival.json: numbers at risk, times and log-rank P values of %s are those printed in the figure', (figure, ids) => {
    const caption = find((l) => l.startsWith(`${figure} Kaplan-Meier`));
    const from = find((l) => l.startsWith('Number at risk'), caption);
    const to = find((l) => l.startsWith('0 20 40 60'), from);
    const printed = lines.slice(from + 1, to).flatMap(digits).sort();
    const figs = ids.map((id) => p.survival.figures.find((f) => f.id === id)!);
    expect(figs.flatMap((f) => Object.values(f.atRisk).flat()).sort()).toEqual(printed);
    for (const f of figs) {
      expect(f.page).toBe(pageOfLine[caption]);
      expect(lines[to].split(' ').slice(0, 4).map(Number)).toEqual(f.times);
      expect(pagesOf(`Log-rank test P value =${f.logrankP.printed}`)).toEqual([f.page]);
    }
  });

  it('survival.json: medians with IQRs and follow-up occur in the text on their pages', () => {
    for (const q of [...p.survival.quantiles, p.survival.followUp]) expect(pagesOf(q.printed), q.id).toContain(q.location.page);
  });

  it('number words of the prose are transcribed (Eighty-two, Fifty-seven, Fifty-one, Twelve ×2, three ×2)', () => {
    const words = p.text.entries.flatMap((e) => e.values.filter((v) => !/^\d/.test(v.printed)).map((v) => v.printed.toLowerCase())).sort();
    expect(words).toEqual(['eighty-two', 'fifty-one', 'fifty-seven', 'three', 'three', 'twelve', 'twelve']);
  });
});
