import { describe, expect, it } from 'vitest';
import { getStep, neighbours, stepAnchor, stepsOf, STORY_STEPS } from '../../../src/components/story/steps.ts';
import { DEFAULT_KM_STATE, kmStateToQuery, parseKmState } from '../../../src/charts/km-state.ts';

describe('story steps', () => {
  it('have unique ids that make valid fragment ids', () => {
    const ids = STORY_STEPS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(stepAnchor(id)).toMatch(/^step-[a-z][a-z0-9-]*$/);
  });

  it('walk from the whole cohort to calcification, then enhancement', () => {
    const views = STORY_STEPS.map((s) => `${s.state.grouping}-${s.state.endpoint}`);
    expect(views[0]).toBe('all-rfs');
    expect(views.indexOf('calcification-rfs')).toBeLessThan(views.indexOf('calcification-os'));
    expect(views.lastIndexOf('calcification-os')).toBeLessThan(views.indexOf('enhancement-rfs'));
    expect(STORY_STEPS.some((s) => s.state.highlight === 'risk-table')).toBe(true);
    expect(STORY_STEPS.filter((s) => s.callout === 'hazard-ratio').length).toBeGreaterThanOrEqual(2);
  });

  it('neighbours() links each step to the previous and next one', () => {
    expect(neighbours(STORY_STEPS[0].id).previous).toBeNull();
    expect(neighbours(STORY_STEPS[STORY_STEPS.length - 1].id).next).toBeNull();
    for (let i = 1; i < STORY_STEPS.length; i++) expect(neighbours(STORY_STEPS[i].id).previous).toBe(STORY_STEPS[i - 1]);
  });

  it('each step opens the same view in the explorer', () => {
    expect(kmStateToQuery(getStep('calc-os').state)).toBe('?grouping=calcification&endpoint=os');
    expect(kmStateToQuery(getStep('read-median').state)).toBe('?grouping=all&endpoint=os');
  });

  it('getStep throws on an unknown id', () => {
    expect(() => getStep('nope')).toThrow(/unknown step "nope"/);
  });

  it('each step state survives the data-km-state attribute the sticky figure reads (ensemble included)', () => {
    for (const step of STORY_STEPS) {
      const params = new URLSearchParams(kmStateToQuery(step.state, DEFAULT_KM_STATE, { highlight: true }));
      expect(parseKmState((k) => params.get(k), DEFAULT_KM_STATE)).toEqual(step.state);
    }
  });

  it('are read from the <Step> attributes of the MDX, in the chapter before them; bad attributes throw', () => {
    const src = '<Chapter id="c1" title="One">\n<Step id="a" label="All" grouping="all" endpoint="os" highlight="median">\n</Step>\n<Chapter id="c2" title="Two">\n<Step id="b" label="B" grouping="calcification" endpoint="rfs" callout="logrank" ci="0">';
    const steps = stepsOf(src);
    expect(steps.map((s) => [s.id, s.chapter, s.label, s.callout])).toEqual([
      ['a', 'c1', 'All', 'none'],
      ['b', 'c2', 'B', 'logrank'],
    ]);
    expect(steps[0].state).toMatchObject({ grouping: 'all', endpoint: 'os', highlight: 'median', ci: true });
    expect(steps[1].state.ci).toBe(false);
    expect(() => stepsOf('<Step id="x" label="X" grouping="age" endpoint="os">')).toThrow('story: step "x": invalid grouping: age');
    expect(() => stepsOf('<Step id="x" grouping="all" endpoint="os">')).toThrow(/needs an id and a label/);
    expect(() => stepsOf('<Step id="x" label="X" grouping="all" endpoint="os" callout="boom">')).toThrow('invalid callout: boom');
  });
});
