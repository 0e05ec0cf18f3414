import { describe, expect, it } from 'vitest';
import { NOTE_IDS, speakerNotes } from '../../../src/components/jc/speaker-notes.ts';
import { STORY_STEPS } from '../../../src/components/story/steps.ts';
import { questions } from '../../../src/components/jc/questions.ts';
import { analyseSurvival } from '../../../src/analysis/survival-analysis.ts';
import type { SurvivalView } from '../../../src/analysis/site-data.ts';

const view = {
  id: 'calcification-os', grouping: 'calcification', endpoint: 'os', endpointShort: 'OS', endpointLabel: 'Overall survival',
  groupLabels: { no: 'No calcifications', yes: 'Calcifications' },
  analysis: analyseSurvival({ time: [5, 8, 12, 20, 22, 6, 9, 15], event: [1, 1, 0, 1, 0, 1, 0, 1], group: ['no', 'no', 'no', 'no', 'no', 'yes', 'yes', 'yes'] }, { levels: ['no', 'yes'] }),
  published: { figure: 'Figure 2B', logrankP: { printed: '0.095', value: 0.095 }, times: [0, 20, 40, 60], atRisk: { no: [5, 3, 0, 0], yes: [3, 1, 0, 0] }, quartiles: {} },
} as unknown as SurvivalView;

describe('presenter speaker notes', () => {
  it('every note set belongs to a story step (no stale ids)', () => {
    const ids = new Set(STORY_STEPS.map((s) => s.id));
    expect(NOTE_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every story step gets notes; unknown steps fall back to generic prompts', () => {
    for (const s of STORY_STEPS) expect(speakerNotes(s.id, view).length, s.id).toBeGreaterThan(0);
    const generic = speakerNotes('a-step-added-later', view);
    expect(generic.join(' ')).toMatch(/Log-rank p = /);
  });

  it('quotes the computed log-rank p beside the printed one', () => {
    const notes = speakerNotes('calc-os', view).join(' ');
    expect(notes).toContain('(printed: 0.095)');
  });

  it('with reconstructed data: the printed p first, said to be fitted; events as ranges; HRs pooled and labelled', () => {
    const rec = { members: 200, logrankP: '0.093–0.098', events: { no: '31–37', yes: '5–6' }, hazards: ['Calcifications 0.44 (0.16–1.19)'] };
    const os = speakerNotes('calc-os', view, rec).join(' ');
    expect(os).toContain('Log-rank p = 0.095 as printed; the reconstructed data were fitted to it (0.093–0.098 across them)');
    expect(os).not.toMatch(/on these data/);
    expect(speakerNotes('calc-split', view, rec).join(' ')).toContain('No calcifications 31–37 of 5; Calcifications 5–6 of 3 (ranges across the reconstructions');
    expect(speakerNotes('calc-hr', view, rec).join(' ')).toContain('reconstructed and pooled over 200 reconstructions: Calcifications 0.44 (0.16–1.19)');
  });

  it('has 8 to 12 discussion questions with unique ids', () => {
    const q = questions('0.095');
    expect(q.length).toBeGreaterThanOrEqual(8);
    expect(q.length).toBeLessThanOrEqual(12);
    expect(new Set(q.map((x) => x.id)).size).toBe(q.length);
    expect(q.find((x) => x.id === 'q-p')!.title).toContain('p = 0.095');
  });
});
