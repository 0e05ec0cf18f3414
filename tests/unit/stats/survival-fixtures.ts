/**
 * Reading the R fixtures written by tests/oracle/survival.R.
 *
 * jsonlite writes R's NA and NaN as the strings "NA" and "NaN" and infinities as "Inf"/"-Inf";
 * here NA and NaN become `null` (the estimators' "undefined" value) and "Inf" becomes Infinity.
 */
import { readFileSync } from 'node:fs';

export type Num = number | null;

export function loadFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/survival-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'), (_key, value: unknown) => {
    if (value === 'NA' || value === 'NaN') return null;
    if (value === 'Inf') return Number.POSITIVE_INFINITY;
    if (value === '-Inf') return Number.NEGATIVE_INFINITY;
    return value;
  }) as T;
}

export interface Dataset {
  readonly name: string;
  readonly description: string;
  readonly data: string;
  readonly groupVar: string;
  readonly levels: string[];
  readonly time: number[];
  readonly status: (0 | 1)[];
  readonly group: string[];
}

const datasets = new Map(loadFixture<{ datasets: Dataset[] }>('datasets').datasets.map((d) => [d.name, d]));

export function dataset(name: string): Dataset {
  const d = datasets.get(name);
  if (!d) throw new Error(`no dataset ${name} in survival-datasets.json`);
  return d;
}

export function allDatasets(): Dataset[] {
  return [...datasets.values()];
}

/** The rows of one curve: every patient for "(all)", else the patients of that group. */
export function curveData(name: string, curve: string): { time: number[]; status: (0 | 1)[] } {
  const d = dataset(name);
  const keep = d.group.map((g) => curve === '(all)' || g === curve);
  return { time: d.time.filter((_, i) => keep[i]), status: d.status.filter((_, i) => keep[i]) };
}

/** R's Inf (an undefined standard error) is `null` in our results. */
export function infToNull(values: readonly Num[]): Num[] {
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : v));
}


export { expectInputError } from '../helpers.ts';
