// Spot checks of the transcription against the paper (Armstrong et al. 2020, HBSN 9(1):1-12), typed by
// hand from the printed tables and text, independently of the files under test.
import { describe, expect, it } from 'vitest';
import { flattenPublished, loadPublished } from '../../../src/published/load.ts';

const p = loadPublished();
const flat = new Map(flattenPublished(p).map((v) => [v.id, v]));
const value = (id: string) => {
  const v = flat.get(id);
  if (!v) throw new Error(`no value ${id}`);
  return v;
};
const entry = (id: string) => {
  const e = p.text.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no text entry ${id}`);
  return e;
};
const claim = (id: string) => {
  const c = p.claims.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
};

describe('Table 1 (page 4)', () => {
  it.each([
    ['table1/age/total', '58 [47–63]', { median: 58, q1: 47, q3: 63 }],
    ['table1/gender-female/total', '48 (58.5)', { count: 48, percent: 58.5 }],
    ['table1/race.other/total', '1 (1.2)', { count: 1, percent: 1.2 }],
    ['table1/insurance.private/total', '46 (65.0)+', { count: 46, percent: 65 }],
    ['table1/asa.ii/total', '8 (10.0)+', { count: 8, percent: 10 }],
    ['table1/bmi/total', '27.8 [23.6–31.0]', { median: 27.8, q1: 23.6, q3: 31 }],
    ['table1/primary-ki67/total', '3% [2–10%]', { median: 3, q1: 2, q3: 10 }],
    ['table1/liver-ki67/total', '5% [2–10%]', { median: 5, q1: 2, q3: 10 }],
    ['table1/operation.bisegmentectomy/total', '15 (18.3)', { count: 15, percent: 18.3 }],
    ['table1/calcifications/total', '12 (21.1)+', { count: 12, percent: 21.1 }],
    ['table1/length-of-stay/total', '6 [5–7]', { median: 6, q1: 5, q3: 7 }],
  ])('%s is %s', (id, printed, numbers) => {
    expect(value(id)).toMatchObject({ printed, numbers, location: { page: 4, table: 'Table 1' } });
  });
  it('labels and sections as printed', () => {
    expect(value('table1/operation.bisegmentectomy/total').label).toBe('Anatomic bisegmentectomy');
    expect(value('table1/length-of-stay/total').section).toBe('Liver Metastasis');
    expect(value('table1/insurance.private/total')).toMatchObject({ marks: ['+'], denominator: null });
  });
});

describe('Table 2 (pages 5–6)', () => {
  it.each([
    ['table2/race/p', '0.623*', 5],
    ['table2/asa/p', '0.017*', 5],
    ['table2/ecog/p', '0.049*', 6],
    ['table2/hypertension/p', '0.039*', 6],
    ['table2/liver-size/p', '0.068', 6],
    ['table2/functional/p', '0.148', 6],
  ])('%s is %s on page %i', (id, printed, page) => {
    expect(value(id)).toMatchObject({ printed, location: { page } });
  });
  it('Private insurance prints "34 (64.1)+", "28 (66.6)+", "6 (54.5)+"', () => {
    expect(['total', 'no', 'yes'].map((c) => value(`table2/insurance.private/${c}`).printed)).toEqual(['34 (64.1)+', '28 (66.6)+', '6 (54.5)+']);
  });
  it('ASA IV total "3 (5.2)", Charlson with calcifications "7 [7–7.5]"', () => {
    expect(value('table2/asa.iv/total')).toMatchObject({ numbers: { count: 3, percent: 5.2 }, denominator: 57 });
    expect(value('table2/charlson/yes').numbers).toEqual({ median: 7, q1: 7, q3: 7.5 });
  });
  it('Tumor size row label prints "median (IQR)"; Symptomatic with calcifications "9 (100.0)" has no mark', () => {
    expect(value('table2/primary-size/total')).toMatchObject({ label: 'Tumor size (cm), median (IQR)', printed: '4.0 [2.5–5.5]' });
    expect(value('table2/symptomatic/yes')).toMatchObject({ printed: '9 (100.0)', marks: [], denominator: 12 });
  });
  it('largest metastasis with calcifications is "7.4 [5.2–11.8]"', () => {
    expect(value('table2/liver-size/yes').numbers).toEqual({ median: 7.4, q1: 5.2, q3: 11.8 });
  });
});

describe('Table 3 (pages 7–8)', () => {
  it('N/A P values have no number', () => {
    for (const row of ['race', 'asa', 'ecog', 'diabetes', 'copd', 'symptomatic']) {
      expect(value(`table3/${row}/p`), row).toMatchObject({ printed: 'N/A', numbers: {} });
    }
  });
  it('Health insurance has only Government and Private; P "0.142" without mark', () => {
    const row = p.table3.rows.find((r) => r.id === 'insurance');
    expect(row?.kind === 'categorical' && row.levels.map((l) => l.id)).toEqual(['government', 'private']);
    expect(value('table3/insurance/p')).toMatchObject({ printed: '0.142', marks: [] });
  });
  it('liver Ki-67, hypoenhancement, prints "2 [2–10%]"', () => {
    expect(value('table3/liver-ki67/hypo')).toMatchObject({ printed: '2 [2–10%]', numbers: { median: 2, q1: 2, q3: 10 }, location: { page: 8 } });
  });
  it('arterial HU P is "<0.001"; venous HU mixed is "83.5 [66.5–99.0]"', () => {
    expect(value('table3/arterial-hu/p')).toMatchObject({ printed: '<0.001', relation: '<', numbers: { p: 0.001 } });
    expect(value('table3/venous-hu/mixed').numbers).toEqual({ median: 83.5, q1: 66.5, q3: 99 });
  });
  it('size of largest metastasis P "0.046"; label "Size largest met (cm), median [IQR]"', () => {
    expect(value('table3/liver-size/p')).toMatchObject({ printed: '0.046', label: 'Size largest met (cm), median [IQR]' });
  });
  it('Symptomatic mixed "17 (100.0)+", Diabetes total "9 (17.7)", Bisegmentectomy total "21 (41.2)"', () => {
    expect(value('table3/symptomatic/mixed')).toMatchObject({ printed: '17 (100.0)+', denominator: null });
    expect(value('table3/diabetes/total')).toMatchObject({ printed: '9 (17.7)', denominator: 51 });
    expect(value('table3/operation.bisegmentectomy/total').numbers).toEqual({ count: 21, percent: 41.2 });
  });
});

describe('Table S1 (supplementary)', () => {
  it('Right hepatectomy and Other print the same CI', () => {
    expect(value('tableS1/operation.right-hepatectomy/estimate')).toMatchObject({ printed: '0.57 (0.15, 1.89)', numbers: { hr: 0.57, lower: 0.15, upper: 1.89 } });
    expect(value('tableS1/operation.right-hepatectomy/p').printed).toBe('0.404');
    expect(value('tableS1/operation.other/estimate').printed).toBe('0.54 (0.15, 1.89)');
    expect(value('tableS1/operation.other/p').printed).toBe('0.332');
  });
  it('poor differentiation 5.67 (1.97, 16.26), P 0.001; Ki-67 ≥20% 2.62 (0.99, 6.97), P 0.053', () => {
    expect(value('tableS1/liver-differentiation.poor/estimate').numbers).toEqual({ hr: 5.67, lower: 1.97, upper: 16.26 });
    expect(value('tableS1/liver-differentiation.poor/p').numbers).toEqual({ p: 0.001 });
    expect(value('tableS1/liver-ki67.ge-20/estimate').label).toBe('≥20%');
    expect(value('tableS1/liver-ki67.ge-20/p').numbers).toEqual({ p: 0.053 });
  });
  it('reference levels print "Ref."', () => {
    for (const id of ['insurance.private', 'primary-location.other', 'operation.bisegmentectomy', 'liver-ki67.lt-20', 'liver-differentiation.well']) {
      expect(value(`tableS1/${id}/estimate`), id).toMatchObject({ kind: 'ref', printed: 'Ref.', location: { page: 'supplementary' } });
    }
  });
});

describe('text and claims', () => {
  it('abstract "female (N=48, 59.5%)" restates Table 1 "48 (58.5)"', () => {
    expect(entry('abs-female')).toMatchObject({
      page: 1, values: [{ role: 'count', value: 48 }, { role: 'percent', value: 59.5 }], refersTo: ['table1/gender-female/total'],
    });
  });
  it('Results "(N=14, 17.1)" without the % sign', () => {
    expect(entry('res-segmentectomy')).toMatchObject({ printed: 'N=14, 17.1', values: [{ printed: '14' }, { printed: '17.1' }] });
  });
  it('"Fifty-one (of 82, 62.2%)" and "Twelve (21%)"', () => {
    expect(entry('res-enh-n').values.map((v) => v.value)).toEqual([51, 82, 62.2]);
    expect(entry('abs-calc').values.map((v) => v.printed)).toEqual(['Twelve', '21%']);
  });
  it('Ki-67: abstract 5% (liver metastasis row), Results 3% (primary tumor row)', () => {
    expect(entry('abs-ki67')).toMatchObject({ printed: '5% (IQR: 2–10%)', refersTo: ['table1/liver-ki67/total'] });
    expect(entry('res-ki67')).toMatchObject({ printed: '3% (IQR: 2–10%)', refersTo: ['table1/primary-ki67/total'] });
  });
  it('Discussion "54.8%", "35.2%", "21.0%"; prior therapy 69 (84.1%), 70 (85.3%), 23 (28.0%)', () => {
    expect(['disc-hypervascular', 'disc-mixed-current', 'disc-calc'].map((id) => entry(id).values[0].value)).toEqual([54.8, 35.2, 21]);
    expect(['res-prior-chemotherapy', 'res-prior-ssa', 'res-prior-tace'].map((id) => entry(id).values.map((v) => v.value))).toEqual([
      [69, 84.1], [70, 85.3], [23, 28],
    ]);
  });
  it('HU medians in the text restate Table 3 cells', () => {
    expect(entry('res-hu-arterial-hyper')).toMatchObject({ printed: '87.2 (IQR: 78.5–109.8)', refersTo: ['table3/arterial-hu/hyper'] });
    expect(entry('res-hu-venous-hypo').values.map((v) => v.value)).toEqual([64, 50, 77.9]);
  });
  it('BMI Cox result in the text restates Table S1', () => {
    expect(entry('res-cox-bmi').values.map((v) => [v.role, v.value])).toEqual([['hr', 0.86], ['ci-level', 95], ['lower', 0.76], ['upper', 0.96], ['p', 0.009]]);
  });
  it('Table 3 univariate sentence: "were significantly associated … (P>0.05)"', () => {
    expect(claim('res-enh-univariate')).toMatchObject({
      kind: 'no-difference', printedKind: 'difference', threshold: { printed: 'P>0.05', value: 0.05, relation: '>', source: 'stated' },
    });
  });
  it('Table 2 demographics "all P>0.05" names age, gender, race and insurance', () => {
    expect(claim('res-calc-demographics').rows).toEqual(['table2/age', 'table2/gender-female', 'table2/race', 'table2/insurance']);
  });
  it('Table 3 "not significantly different" covers every non-HU row', () => {
    expect(claim('res-enh-characteristics').rows).toHaveLength(22);
    expect(claim('res-enh-characteristics').rows).not.toContain('table3/arterial-hu');
  });
});
