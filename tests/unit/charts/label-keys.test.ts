/** Group labels that are also names of Object.prototype members stay plain labels in the chart helpers (issue 16). */
import { describe, expect, it } from 'vitest';
import { groupLabel } from '../../../src/charts/km-data.ts';
import { ensembleBands } from '../../../src/analysis/ensemble-bands.ts';
import { labelRecord, ownValue } from '../../../src/lib/label-record.ts';

describe('labels that are Object.prototype names', () => {
  it('groupLabel(data, "toString") is the label itself, not a function from the prototype', () => {
    for (const g of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(groupLabel({ groupLabels: { no: 'No' } }, g)).toBe(g);
    }
    expect(groupLabel({ groupLabels: JSON.parse('{"__proto__":"Proto group"}') }, '__proto__')).toBe('Proto group');
  });

  it('ensembleBands keeps a group called __proto__ (parsed from JSON) as an own key', () => {
    const json = JSON.parse('{"views":{"v":{"__proto__":{"time":[0,1],"lower":[1,0.5],"upper":[1,0.9]},"constructor":{"time":[0],"lower":[1],"upper":[1]}}}}');
    const bands = ensembleBands(json, ['v', 'toString']);
    expect(bands).not.toBeNull();
    expect(Object.keys(bands!)).toEqual(['v']);
    expect(Object.keys(bands!.v).sort()).toEqual(['__proto__', 'constructor']);
    expect(ownValue(bands!.v, '__proto__')).toEqual({ time: [0, 1], lower: [1, 0.5], upper: [1, 0.9] });
    expect(JSON.parse(JSON.stringify(bands)).v.__proto__.time).toEqual([0, 1]);
  });

  it('labelRecord stores __proto__ as data and ownValue never reads inherited members', () => {
    const r = labelRecord<number>();
    r['__proto__'] = 1;
    r.constructor = 2 as never;
    expect(Object.keys(r)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(r)).toBe('{"__proto__":1,"constructor":2}');
    expect(ownValue({}, 'toString')).toBeUndefined();
  });
});
