/**
 * `npx tsx src/audit/export-tables.ts`: writes the contingency tables the audit tests
 * (src/audit/contingency.ts) to `tests/fixtures/audit-tables-input.json`, the input of the R
 * oracle `tests/oracle/audit.R`. A unit test checks that the committed file equals what the
 * audit builds now, so R always tests the very tables the audit uses.
 */
import { isMain } from '../lib/is-main.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';
import { loadPublished, type Published } from '../published/load.ts';
import { InputError } from '../stats/validate.ts';
import { contingencyTables } from './contingency.ts';

export const TABLES_INPUT = 'tests/fixtures/audit-tables-input.json';

/** The JSON text of the oracle's input. */
export function exportTables(p: Published): string {
  const tables = contingencyTables(p).map((t) => ({
    id: t.id,
    variant: t.variant,
    name: t.name,
    description: t.description,
    rowLabels: t.rowLabels,
    colLabels: t.colLabels,
    counts: t.counts,
  }));
  return `${JSON.stringify({ $comment: 'Written by `npx tsx src/audit/export-tables.ts`; read by tests/oracle/audit.R.', tables }, null, 2)}\n`;
}

if (isMain(import.meta.url)) {
  try {
    writeFileAtomic(TABLES_INPUT, exportTables(loadPublished()));
    process.stdout.write(`wrote ${TABLES_INPUT}\n`);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    process.stderr.write(`error: ${err.message}\n`);
    process.exitCode = 1;
  }
}
