import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedInterval } from '../../../../src/reconstruct/general/printed.ts';
import { parseSummary, readSummaryFile } from '../../../../src/reconstruct/general/summary.ts';
import { paperSummary } from '../../../../src/reconstruct/general/paper-summary.ts';

/** A small valid summary (numbers of the example). */
export function exampleSummary(): Record<string, unknown> {
  return {
    timeUnit: 'months',
    n: 82,
    endpoints: ['rfs', 'os'],
    nested: true,
    groupings: [{ id: 'calcification', n: 57, groups: [{ id: 'no', n: 45 }, { id: 'yes', n: 12 }] }],
    atRisk: [{ endpoint: 'rfs', grouping: 'calcification', times: [0, 20, 40, 60], groups: { no: [45, 33, 16, 7], yes: [12, 12, 5, 2] } }],
    logrankP: [{ endpoint: 'rfs', grouping: 'calcification', p: '0.772' }],
    quartiles: [
      { endpoint: 'rfs', grouping: 'calcification', group: 'no', median: '32', q25: '16', q75: '49' },
      { endpoint: 'rfs', median: '34.5', q25: '23', q75: '57' },
    ],
    followUp: { median: '42', q25: '30', q75: '79' },
  };
}

function mutate(edit: (s: Record<string, any>) => void): Record<string, unknown> {
  const s = exampleSummary() as Record<string, any>;
  edit(s);
  return s;
}

describe('printed values', () => {
  it('keep their printed precision as an interval', () => {
    expect(printedInterval('32')).toMatchObject({ lo: 31.5, hi: 32.5, halfWidth: 0.5 });
    const p = printedInterval('0.772');
    expect(p.lo).toBeCloseTo(0.7715, 12);
    expect(p.hi).toBeCloseTo(0.7725, 12);
    expect(printedInterval('<0.001')).toMatchObject({ lo: 0, hi: 0.001 });
    expect(printedInterval('>60')).toMatchObject({ lo: 60, hi: Number.POSITIVE_INFINITY });
    expect(printedInterval('NR').notReached).toBe(true);
    expect(printedInterval(34.5)).toMatchObject({ lo: 34.5, hi: 34.5, halfWidth: 0 });
  });
});

describe('summary schema', () => {
  it('accepts the documented example and every optional part missing', () => {
    expect(parseSummary(exampleSummary(), 'x.json').n).toBe(82);
    const bare = mutate((s) => {
      delete s.logrankP;
      delete s.quartiles;
      delete s.followUp;
      delete s.nested;
    });
    expect(parseSummary(bare, 'x.json').endpoints).toEqual(['rfs', 'os']);
  });

  it.each([
    ['a group size that does not add up', (s: any) => (s.groupings[0].groups[1].n = 11), 'x.json: groupings.0.groups: sizes add up to 56, not the grouping\'s n 57'],
    ['too few counts', (s: any) => (s.atRisk[0].groups.yes = [12, 12, 5]), 'x.json: atRisk.0.groups.yes: has 3 counts for 4 times'],
    ['a rising number at risk', (s: any) => (s.atRisk[0].groups.no = [45, 16, 33, 7]), 'x.json: atRisk.0.groups.no.2: numbers at risk cannot rise'],
    ['an unknown endpoint', (s: any) => (s.logrankP[0].endpoint = 'dfs'), 'x.json: logrankP.0.endpoint: "dfs" is not one of the endpoints'],
    ['an unknown group', (s: any) => (s.quartiles[0].group = 'maybe'), 'x.json: quartiles.0.group: must name a group of the grouping'],
    ['a p above 1', (s: any) => (s.logrankP[0].p = '1.2'), 'x.json: logrankP.0.p: must be at most 1'],
    ['a misprinted quartile', (s: any) => (s.quartiles[1].median = '34,5'), 'x.json: quartiles.1.median: must be a number as printed ("32", "34.5", "<0.001", ">60") or "NR"'],
    ['an unknown key', (s: any) => (s.extra = 1), "x.json: (root): Unrecognized key(s) in object: 'extra'"],
    ['four groupings', (s: any) => (s.groupings = [1, 2, 3, 4].map((k) => ({ id: `g${k}`, n: 2, groups: [{ id: 'a', n: 1 }, { id: 'b', n: 1 }] }))), 'x.json: groupings: needs 1 to 3 groupings'],
    ['three endpoints', (s: any) => (s.endpoints = ['a', 'b', 'c']), 'x.json: endpoints: needs 1 or 2 endpoints'],
    ['nested with one endpoint', (s: any) => (s.endpoints = ['rfs']), 'x.json: nested: needs exactly 2 endpoints'],
    ['a count at time 0 that is not the group size', (s: any) => (s.atRisk[0].groups.yes = [11, 11, 5, 2]), "x.json: atRisk.0.groups.yes.0: is 11 at time 0, not the group's n 12"],
  ])('rejects %s in one line naming the field', (_, edit, message) => {
    expect(() => parseSummary(mutate(edit), 'x.json')).toThrow(message);
    let caught = '';
    try {
      parseSummary(mutate(edit), 'x.json');
    } catch (e) {
      caught = (e as Error).message;
    }
    expect(caught.split('\n')).toHaveLength(1);
  });

  it('reads a file and names it in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(mutate((s) => (s.n = 'many'))));
    expect(() => readSummaryFile(file)).toThrow(/bad\.json: n: Expected number, received string$/);
    writeFileSync(file, '{"n": 1,}');
    expect(() => readSummaryFile(file)).toThrow(/bad\.json: cannot read JSON: line 1, column 9: trailing comma$/);
  });

  it("derives this paper's summary from data/published without a second copy of its numbers", () => {
    const s = paperSummary();
    expect(s.n).toBe(82);
    expect(s.groupings.map((g) => [g.id, g.n])).toEqual([
      ['calcification', 57],
      ['enhancement', 51],
    ]);
    expect(s.atRisk).toHaveLength(4);
    expect(s.logrankP?.map((l) => l.p)).toEqual(['0.772', '0.095', '0.618', expect.any(String)]);
    expect(s.firstIncludesSecond).toBe(false);
  });
});
