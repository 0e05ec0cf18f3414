/**
 * The input of a general reconstruction: what a paper prints about its survival curves
 * (`npm run reconstruct -- --summary <file.json>`; schema documented in README).
 *
 * Validated with zod; a bad file is refused with one line naming the file and the field
 * (`case.json: atRisk.0.groups.yes: has 3 counts for 4 times`).
 */
import { z } from 'zod';
import { readPublishedJson } from '../../published/read-json.ts';
import { PRINTED_PATTERN } from './printed.ts';

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a lower-case id of letters, digits and _ (at most 40), starting with a letter');
const Count = z.number().int('must be a whole number').nonnegative('must be ≥ 0');
const Printed = z.union([
  z.number().finite().nonnegative('must be ≥ 0'),
  z.string().regex(PRINTED_PATTERN, 'must be a number as printed ("32", "34.5", "<0.001", ">60") or "NR"'),
]);

const Group = z.object({ id: Id, n: Count }).strict();
const Grouping = z
  .object({ id: Id, n: Count, groups: z.array(Group).min(2, 'needs 2 to 6 groups').max(6, 'needs 2 to 6 groups') })
  .strict();
const AtRisk = z
  .object({
    endpoint: Id,
    grouping: Id.optional(),
    times: z.array(z.number().finite().nonnegative()).min(1, 'needs at least one time'),
    groups: z.record(z.array(Count)),
  })
  .strict();
const LogrankP = z.object({ endpoint: Id, grouping: Id, p: Printed }).strict();
const Quartiles = z
  .object({
    endpoint: Id,
    grouping: Id.optional(),
    group: Id.optional(),
    median: Printed.optional(),
    q25: Printed.optional(),
    q75: Printed.optional(),
  })
  .strict();
const FollowUp = z.object({ median: Printed.optional(), q25: Printed.optional(), q75: Printed.optional() }).strict();

/** The summary file (see README, "Reconstructing another paper"). */
export const SummaryFile = z
  .object({
    $comment: z.string().optional(),
    timeUnit: Id,
    n: Count.min(2, 'must be at least 2').max(100000, 'must be at most 100000'),
    endpoints: z.array(Id).min(1, 'needs 1 or 2 endpoints').max(2, 'needs 1 or 2 endpoints'),
    nested: z.boolean().optional(),
    /** With nested endpoints: an event of the second endpoint also ends the first (RFS = recurrence or death). */
    firstIncludesSecond: z.boolean().optional(),
    groupings: z.array(Grouping).min(1, 'needs 1 to 3 groupings').max(3, 'needs 1 to 3 groupings'),
    atRisk: z.array(AtRisk).min(1, 'needs at least one at-risk table'),
    logrankP: z.array(LogrankP).optional(),
    quartiles: z.array(Quartiles).optional(),
    followUp: FollowUp.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const endpoints = new Set(s.endpoints);
    if (endpoints.size !== s.endpoints.length) issue(['endpoints'], 'lists an endpoint twice');
    if (s.nested && s.endpoints.length !== 2) issue(['nested'], 'needs exactly 2 endpoints');
    const groupings = new Map(s.groupings.map((g) => [g.id, g]));
    if (groupings.size !== s.groupings.length) issue(['groupings'], 'lists a grouping twice');
    s.groupings.forEach((g, i) => {
      if (g.n > s.n) issue(['groupings', i, 'n'], `is ${g.n}, more than the cohort's ${s.n}`);
      const sum = g.groups.reduce((a, x) => a + x.n, 0);
      if (sum !== g.n) issue(['groupings', i, 'groups'], `sizes add up to ${sum}, not the grouping's n ${g.n}`);
      if (new Set(g.groups.map((x) => x.id)).size !== g.groups.length) issue(['groupings', i, 'groups'], 'lists a group twice');
    });
    const seenTables = new Set<string>();
    s.atRisk.forEach((t, i) => {
      if (!endpoints.has(t.endpoint)) issue(['atRisk', i, 'endpoint'], `"${t.endpoint}" is not one of the endpoints`);
      const key = `${t.endpoint}/${t.grouping ?? ''}`;
      if (seenTables.has(key)) issue(['atRisk', i], 'repeats an endpoint and grouping');
      seenTables.add(key);
      for (let k = 1; k < t.times.length; k++) {
        if (t.times[k] <= t.times[k - 1]) issue(['atRisk', i, 'times', k], 'times must increase');
      }
      const spec = t.grouping === undefined ? { n: s.n, groups: [{ id: 'all', n: s.n }] } : groupings.get(t.grouping);
      if (!spec) {
        issue(['atRisk', i, 'grouping'], `"${t.grouping}" is not one of the groupings`);
        return;
      }
      for (const g of spec.groups) if (!Object.hasOwn(t.groups, g.id)) issue(['atRisk', i, 'groups', g.id], 'is missing');
      for (const [id, counts] of Object.entries(t.groups)) {
        const group = spec.groups.find((g) => g.id === id);
        if (!group) {
          issue(['atRisk', i, 'groups', id], t.grouping === undefined ? 'the whole cohort is written "all"' : 'is not a group of this grouping');
          continue;
        }
        if (counts.length !== t.times.length) issue(['atRisk', i, 'groups', id], `has ${counts.length} counts for ${t.times.length} times`);
        counts.forEach((c, k) => {
          if (c > group.n) issue(['atRisk', i, 'groups', id, k], `is ${c}, more than the group's n ${group.n}`);
          if (k > 0 && c > counts[k - 1]) issue(['atRisk', i, 'groups', id, k], 'numbers at risk cannot rise');
          if (k === 0 && t.times[0] === 0 && c !== group.n) issue(['atRisk', i, 'groups', id, 0], `is ${c} at time 0, not the group's n ${group.n}`);
        });
      }
    });
    (s.logrankP ?? []).forEach((l, i) => {
      if (!endpoints.has(l.endpoint)) issue(['logrankP', i, 'endpoint'], `"${l.endpoint}" is not one of the endpoints`);
      if (!groupings.has(l.grouping)) issue(['logrankP', i, 'grouping'], `"${l.grouping}" is not one of the groupings`);
      if (typeof l.p === 'string' && (l.p === 'NR' || l.p.startsWith('>'))) issue(['logrankP', i, 'p'], 'must be a p-value');
      else if (Number(typeof l.p === 'string' ? l.p.replace('<', '') : l.p) > 1) issue(['logrankP', i, 'p'], 'must be at most 1');
    });
    (s.quartiles ?? []).forEach((q, i) => {
      if (!endpoints.has(q.endpoint)) issue(['quartiles', i, 'endpoint'], `"${q.endpoint}" is not one of the endpoints`);
      if (q.grouping === undefined) {
        if (q.group !== undefined) issue(['quartiles', i, 'group'], 'needs a grouping');
      } else {
        const g = groupings.get(q.grouping);
        if (!g) issue(['quartiles', i, 'grouping'], `"${q.grouping}" is not one of the groupings`);
        else if (q.group === undefined || !g.groups.some((x) => x.id === q.group)) issue(['quartiles', i, 'group'], 'must name a group of the grouping');
      }
      if (q.median === undefined && q.q25 === undefined && q.q75 === undefined) issue(['quartiles', i], 'gives none of median, q25, q75');
    });
  });

/** A validated summary. */
export type Summary = z.output<typeof SummaryFile>;

/** Reads and validates a summary file; throws `InputError` with one line naming file and field. */
export function readSummaryFile(file: string): Summary {
  return readPublishedJson(file, SummaryFile);
}

/** Validates an in-memory summary (same messages, `name` in place of the file). */
export function parseSummary(value: unknown, name: string): Summary {
  const parsed = SummaryFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${name}: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
