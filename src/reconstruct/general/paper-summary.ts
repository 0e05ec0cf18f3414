/**
 * This paper's summary, derived from `data/published/survival.json` (the numbers as printed; no
 * second copy): group sizes, the figures' numbers at risk and log-rank p, the quartiles of every
 * group and of the cohort, and the reverse-KM follow-up.
 *
 * The paper's RFS ends at recurrence or at the last follow-up, so a death without recurrence is a
 * censored RFS (`firstIncludesSecond: false`), and RFS ≤ OS for every patient (`nested`).
 */
import { readPublishedJson } from '../../published/read-json.ts';
import { SurvivalFile } from '../../published/survival-schema.ts';
import type { Summary } from './summary.ts';
import { parseSummary } from './summary.ts';

/** Default location of the published survival numbers. */
export const SURVIVAL_FILE = 'data/published/survival.json';

/** The summary of the published survival numbers in `file`. */
export function paperSummary(file = SURVIVAL_FILE): Summary {
  const data = readPublishedJson(file, SurvivalFile);
  const count = (c: { value: number | null; printed: string }, where: string) => {
    if (c.value === null) throw new Error(`${file}: ${where}: not a count (${c.printed})`);
    return c.value;
  };
  const quartile = (q: { printed: string; value: number | null }) => (q.value === null ? 'NR' : q.printed);
  return parseSummary(
    {
      $comment: `Derived from ${file} by src/reconstruct/general/paper-summary.ts.`,
      timeUnit: 'months',
      n: count(data.cohort.n, 'cohort.n'),
      endpoints: ['rfs', 'os'],
      nested: true,
      firstIncludesSecond: false,
      groupings: data.groupings.map((g, i) => ({
        id: g.id,
        n: count(g.n, `groupings.${i}.n`),
        groups: g.groups.map((x, k) => ({ id: x.id, n: count(x.n, `groupings.${i}.groups.${k}.n`) })),
      })),
      atRisk: data.figures.map((f) => ({
        endpoint: f.endpoint,
        grouping: f.grouping,
        times: f.times,
        groups: Object.fromEntries(Object.entries(f.atRisk).map(([g, counts]) => [g, counts.map(Number)])),
      })),
      logrankP: data.figures.map((f) => ({ endpoint: f.endpoint, grouping: f.grouping, p: f.logrankP.printed })),
      quartiles: data.quantiles.map((q) => ({
        endpoint: q.endpoint,
        ...(q.grouping === 'all' ? {} : { grouping: q.grouping, group: q.group }),
        median: quartile(q.median),
        q25: quartile(q.q25),
        q75: quartile(q.q75),
      })),
      followUp: { median: quartile(data.followUp.median), q25: quartile(data.followUp.q25), q75: quartile(data.followUp.q75) },
    },
    file,
  );
}
