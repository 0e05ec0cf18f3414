/**
 * The calibration of the audit on tables with known answers (tests/fixtures/audit-calibration.json,
 * written by tests/oracle/audit-calibration.R from R's colon, lung and pbc): clean tables printed
 * under every percentage and test convention the audit must accept, and copies with one seeded
 * error each. The false-positive rate counts `inconsistent` findings on clean tables; a seeded
 * error counts as found when a finding that is not `consistent` (inconsistent, or another test
 * than the legend names) sits at its row, level and column. Pure: the fixture comes in.
 */
import { auditTableFile, parseTableFile, type TableFileFinding } from './table-file/audit-table-file.ts';

export interface SeedLocation {
  readonly row: string;
  readonly level?: string | null;
  readonly column: string;
}

export interface CalibrationFixture {
  readonly R?: string;
  readonly clean: readonly { readonly id: string; readonly percent: string; readonly test: string; readonly table: unknown }[];
  readonly seeded: readonly { readonly id: string; readonly error: string; readonly percent: string; readonly test: string; readonly at: SeedLocation; readonly table: unknown }[];
}

export interface CalibrationReport {
  readonly clean: {
    readonly tables: number;
    readonly checks: number;
    readonly inconsistent: number;
    /** Inconsistent findings / checks on clean tables. */
    readonly falsePositiveRate: number;
    readonly byPercent: Readonly<Record<string, { tables: number; inconsistent: number }>>;
    readonly byTest: Readonly<Record<string, { tables: number; inconsistent: number }>>;
    /** The first few false positives, for whoever fixes them. */
    readonly examples: readonly { table: string; finding: string; explanation: string }[];
  };
  readonly seeded: {
    readonly tables: number;
    readonly found: number;
    readonly sensitivity: number;
    readonly byError: Readonly<Record<string, { seeded: number; found: number; sensitivity: number }>>;
    readonly missed: readonly { table: string; at: SeedLocation }[];
  };
  readonly targets: { readonly noFalsePositives: boolean; readonly sensitivityAtLeast95: boolean };
}

const FLAGS = new Set(['inconsistent', 'consistent-other-test']);

/** Whether a finding sits at the seeded place (its own cell or one of its places). */
function at(f: TableFileFinding, s: SeedLocation): boolean {
  const level = s.level ?? null;
  const same = (x: { row: string; level: string | null; column: string | null }) => x.row === s.row && (level === null || x.level === level) && x.column === s.column;
  return same(f.location) || f.places.some(same);
}

export function calibrate(fixture: CalibrationFixture): CalibrationReport {
  let checks = 0;
  let inconsistent = 0;
  const byPercent: Record<string, { tables: number; inconsistent: number }> = {};
  const byTest: Record<string, { tables: number; inconsistent: number }> = {};
  const examples: { table: string; finding: string; explanation: string }[] = [];
  for (const c of fixture.clean) {
    const r = auditTableFile(parseTableFile(c.table, c.id));
    const bad = r.findings.filter((f) => f.verdict === 'inconsistent');
    checks += r.summary.checked;
    inconsistent += bad.length;
    for (const [key, map] of [[c.percent, byPercent], [c.test, byTest]] as const) {
      map[key] ??= { tables: 0, inconsistent: 0 };
      map[key].tables++;
      map[key].inconsistent += bad.length;
    }
    for (const f of bad) if (examples.length < 10) examples.push({ table: c.id, finding: f.id, explanation: f.explanation });
  }
  const byError: Record<string, { seeded: number; found: number; sensitivity: number }> = {};
  const missed: { table: string; at: SeedLocation }[] = [];
  let found = 0;
  for (const s of fixture.seeded) {
    const r = auditTableFile(parseTableFile(s.table, s.id));
    const hit = r.findings.some((f) => FLAGS.has(f.verdict) && at(f, s.at));
    byError[s.error] ??= { seeded: 0, found: 0, sensitivity: 0 };
    byError[s.error].seeded++;
    if (hit) {
      byError[s.error].found++;
      found++;
    } else missed.push({ table: s.id, at: s.at });
  }
  for (const e of Object.values(byError)) e.sensitivity = e.found / e.seeded;
  const sensitivity = fixture.seeded.length ? found / fixture.seeded.length : 0;
  return {
    clean: { tables: fixture.clean.length, checks, inconsistent, falsePositiveRate: checks ? inconsistent / checks : 0, byPercent, byTest, examples },
    seeded: { tables: fixture.seeded.length, found, sensitivity, byError, missed },
    targets: { noFalsePositives: inconsistent === 0, sensitivityAtLeast95: sensitivity >= 0.95 },
  };
}
