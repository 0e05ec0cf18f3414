/**
 * Reads one JSON file of `data/published/` and validates it with its zod schema.
 * Any problem becomes a single line naming the file and the JSON path, e.g.
 * `data/published/survival.json: figures.0.atRisk.no: has 3 counts for 4 times`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../stats/validate.ts';

export function readPublishedJson<S extends z.ZodTypeAny>(file: string, schema: S): z.output<S> {
  const name = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new InputError(`${name}: cannot read JSON: ${reason}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join('.') : '(root)';
    throw new InputError(`${name}: ${path}: ${issue.message}`, undefined, path);
  }
  return parsed.data;
}
