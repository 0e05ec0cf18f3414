/**
 * Real patient-level data with known truth (tests/fixtures/reconstruction-datasets.json, written by
 * tests/oracle/reconstruction-datasets.R from R's survival package: colon and myeloid).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Grouping = z.object({ levels: z.array(z.string()).min(2), values: z.array(z.string().nullable()) });
const Dataset = z.object({
  source: z.string(),
  n: z.number().int().positive(),
  rfs_months: z.array(z.number().nonnegative()),
  rfs_event: z.array(z.union([z.literal(0), z.literal(1)])),
  os_months: z.array(z.number().nonnegative()),
  os_event: z.array(z.union([z.literal(0), z.literal(1)])),
  groupings: z.record(Grouping),
});
const DatasetsFile = z.object({
  survivalVersion: z.string(),
  timeUnit: z.string(),
  firstIncludesSecond: z.boolean(),
  datasets: z.record(Dataset),
});

/** One data set with known truth. */
export type Dataset = z.output<typeof Dataset>;
export type DatasetsFile = z.output<typeof DatasetsFile>;

/** The committed fixture. */
export const DATASETS_FILE = 'tests/fixtures/reconstruction-datasets.json';

/** Reads and validates the data sets. */
export function readDatasets(file = DATASETS_FILE): DatasetsFile {
  const parsed = DatasetsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const [name, d] of Object.entries(parsed.datasets)) {
    for (const column of [d.rfs_months, d.rfs_event, d.os_months, d.os_event, ...Object.values(d.groupings).map((g) => g.values)]) {
      if (column.length !== d.n) throw new Error(`${file}: datasets.${name}: a column has ${column.length} values, not n = ${d.n}`);
    }
  }
  return parsed;
}
