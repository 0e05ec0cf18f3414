import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANY_STEP, NOTE_SLIDES, noteSlide, noteSlidesOf, speakerNoteNumbers, survivalTests } from '../../../src/components/jc/speaker-notes.ts';
import { DECK_SLIDES as TEXT_SLIDES, deckSlideNumbers, deckSlidesOf } from '../../../src/components/jc/deck-slides.ts';
import { paper } from '../../../src/lib/paper.ts';
import { STORY_STEPS } from '../../../src/components/story/steps.ts';
import { questions } from '../../../src/components/jc/questions.ts';
import { analyseSurvival } from '../../../src/analysis/survival-analysis.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';

const view = {
  id: 'calcification-os', grouping: 'calcification', endpoint: 'os', endpointShort: 'OS', endpointLabel: 'Overall survival',
  groupLabels: { no: 'No calcifications', yes: 'Calcifications' },
  analysis: analyseSurvival({ time: [5, 8, 12, 20, 22, 6, 9, 15], event: [1, 1, 0, 1, 0, 1, 0, 1], group: ['no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes'] }, { levels: ['no', 'yes'] }),
  published: { figure: 'Figure 2B', logrankP: { printed: '0.095', value: 0.095 }, times: [0, 20, 40, 60], atRisk: { no: [5, 3, 0, 0], yes: [3, 1, 0, 0] }, quartiles: { no: { median: 44 }, yes: { median: null } } },
} as unknown as SurvivalView;

/** The presenter's own slides (Presenter.astro), beside one per story step and the generic step notes. */
const DECK_SLIDES = ['title', 'design', 'power', 'take-home', 'questions'];

describe('presenter speaker notes: the prose is content/journal-club/speaker-notes.mdx', () => {
  it('reads the slides from the MDX; every one is a deck slide, a story step or the generic notes (no stale ids)', () => {
    expect(NOTE_SLIDES).toEqual(noteSlidesOf(readFileSync('content/journal-club/speaker-notes.mdx', 'utf8')));
    const known = new Set([...DECK_SLIDES, ...STORY_STEPS.map((s) => s.id), ANY_STEP]);
    expect(NOTE_SLIDES.filter((id) => !known.has(id))).toEqual([]);
    for (const id of [...DECK_SLIDES, ANY_STEP]) expect(NOTE_SLIDES, id).toContain(id);
    expect(new Set(NOTE_SLIDES).size).toBe(NOTE_SLIDES.length);
  });

  it('a story step gets its own notes; a step added later gets the generic ones', () => {
    for (const s of STORY_STEPS) expect(noteSlide(s.id)).toBe(NOTE_SLIDES.includes(s.id) ? s.id : ANY_STEP);
    expect(noteSlide('a-step-added-later')).toBe(ANY_STEP);
    expect(noteSlidesOf('<Notes slide="a" of={props}>\n<Notes  slide="b" of={props} say={() => []} />')).toEqual(['a', 'b']);
  });

  it('no note sentence is typed in code: the presenter and the numbers module quote none', () => {
    const mdx = readFileSync('content/journal-club/speaker-notes.mdx', 'utf8');
    for (const file of ['src/components/jc/Presenter.astro', 'src/components/jc/speaker-notes.ts', 'src/components/jc/Notes.astro']) {
      const code = readFileSync(file, 'utf8');
      for (const sentence of ['Ask the room first', 'Keep the answer on the board', 'Only large effects were detectable', 'Read the interval, not the p', 'so they cannot check it', 'on these data (printed: ', 'Hazard ratio vs ']) {
        expect(mdx, sentence).toContain(sentence);
        expect(code.includes(sentence), `${file} types "${sentence}"`).toBe(false);
      }
    }
  });

  it('numbers on patient-level data: computed p beside the printed one, counted events, Cox hazard ratios, computed medians', () => {
    const n = speakerNoteNumbers(view);
    expect(n.reconstructed).toBe(false);
    expect(n.printedP).toBe('0.095');
    expect(n.p).toMatch(/^0\.\d+$/);
    expect(n.events).toBe('No calcifications 3 of 5; Calcifications 2 of 3');
    expect(n.hasCox).toBe(true);
    expect(n.reference).toBe('no calcifications');
    expect(n.hazards).toMatch(/^Calcifications \d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)$/);
    expect(n.medians).toMatch(/^No calcifications \d+(\.\d)? months, Calcifications (\d+(\.\d)? months|not reached)$/);
    expect([n.calcifiedStart, n.calcifiedLast, n.lastTime]).toEqual([3, 0, 60]);
  });

  it('numbers with reconstructed data: printed medians, events as ranges, the range of p, pooled hazard ratios', () => {
    const rec = { members: 200, logrankP: '0.093–0.098', events: { no: '31–37', yes: '5–6' }, hazards: ['Calcifications 0.44 (0.16–1.19)'] };
    const n = speakerNoteNumbers(view, rec);
    expect(n.reconstructed).toBe(true);
    expect(n.events).toBe('No calcifications 31–37 of 5; Calcifications 5–6 of 3');
    expect(n.recP).toBe('0.093–0.098');
    expect(n.hazards).toBe('Calcifications 0.44 (0.16–1.19)');
    expect(n.members).toBe(200);
    expect(n.medians).toBe('No calcifications 44 months, Calcifications not reached');
  });

  it('counts the groups, the degrees of freedom and the survival tests; finds the smallest p', () => {
    const n = speakerNoteNumbers(view);
    expect([n.groups, n.df]).toEqual([2, 1]);
    const three = { ...view, id: 'enhancement-rfs', analysis: analyseSurvival({ time: [5, 8, 12, 20, 22, 6, 9, 15, 7], event: [1, 1, 0, 1, 0, 1, 0, 1, 1], group: ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'] }, { levels: ['a', 'b', 'c'] }) } as unknown as SurvivalView;
    const m = speakerNoteNumbers(three, null, [view, three]);
    expect([m.groups, m.df, m.tests]).toEqual([3, 2, 2]);
    const smaller = (view.analysis.logrank?.p ?? 1) < (three.analysis.logrank?.p ?? 1) ? view.id : three.id;
    expect(survivalTests([view, three], false)).toEqual({ count: 2, smallest: smaller });
    expect(m.smallestP).toBe(smaller === three.id);
    // Reconstructed data: judged by the printed p the reconstruction was fitted to.
    const printedSmall = { ...three, published: { ...view.published, logrankP: { printed: '0.001', value: 0.001 } } } as unknown as SurvivalView;
    expect(survivalTests([view, printedSmall], true).smallest).toBe(three.id);
  });

  it('the notes type no count of groups, degrees of freedom or tests', () => {
    const mdx = readFileSync('content/journal-club/speaker-notes.mdx', 'utf8').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
    expect(mdx).not.toMatch(/\b(one|two|three|four|five|\d+) (survival )?tests\b/i);
    expect(mdx).not.toMatch(/\b(two|three|four|five|\d+) groups\b/i);
    expect(mdx).not.toMatch(/\d+ degrees? of freedom/);
  });

  it('the title, design and take-home slides are content/journal-club/slides.mdx, their numbers from the data', () => {
    const mdx = readFileSync('content/journal-club/slides.mdx', 'utf8');
    expect(TEXT_SLIDES).toEqual(deckSlidesOf(mdx));
    expect(TEXT_SLIDES).toEqual(['title', 'design', 'take-home']);
    const presenter = readFileSync('src/components/jc/Presenter.astro', 'utf8');
    for (const sentence of ['Does the CT appearance', 'Study design', 'Retrospective cohort', 'Take-home', 'Neither calcification nor', 'only large effects were detectable:']) {
      expect(mdx, sentence).toContain(sentence);
      expect(presenter.includes(sentence), `Presenter.astro types "${sentence}"`).toBe(false);
    }
    const n = deckSlideNumbers(90, false, 0.95);
    expect(n.level).toBe('95%');
    expect(n.patients).toBe(90);
    expect(n.title).toBe(paper.title);
    expect(n.citation).toContain(`${paper.journal} ${paper.year};${paper.volume}(${paper.issue}):${paper.pages}.`);
    // No number typed in the slides: patients, the year and the journal come from `n`.
    const prose = mdx.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/^---[\s\S]*?---/, '');
    expect(prose).not.toMatch(/\b\d{2,}\b/);
    for (const v of [paper.title, paper.journal, paper.institution]) expect(prose).not.toContain(v);
  });

  it('has 8 to 12 discussion questions with unique ids', () => {
    const q = questions('0.095');
    expect(q.length).toBeGreaterThanOrEqual(8);
    expect(q.length).toBeLessThanOrEqual(12);
    expect(new Set(q.map((x) => x.id)).size).toBe(q.length);
    expect(q.find((x) => x.id === 'q-p')!.title).toContain('p = 0.095');
  });
});
