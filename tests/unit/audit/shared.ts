// Shared fixtures of the audit tests: the published numbers and one audit run over them.
import { loadPublished, type Published } from '../../../src/published/load.ts';
import { runAudit } from '../../../src/audit/run-audit.ts';
import type { Finding } from '../../../src/audit/types.ts';

export const published: Published = loadPublished();
export const audit = runAudit(published);

/** The finding with this id (throws if there is none). */
export function byId(id: string): Finding {
  const f = audit.findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
}

/** A deep copy of the published numbers to edit in a test. */
export function clonePublished(): Published {
  return structuredClone(published) as Published;
}
