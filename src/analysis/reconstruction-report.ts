/**
 * What the /reconstruction/ page shows: the fidelity report and the spread of the ensemble, read
 * from `data/reconstructed/` (both written by `npm run reconstruct`). Only the fields the page uses
 * are validated, so a damaged file fails the build with one line instead of rendering nonsense.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { readPublishedJson } from '../published/read-json.ts';

const Printed = z.object({ printed: z.string(), value: z.number().nullable() }).passthrough();

const FidelityEntry = z
  .object({
    id: z.string(),
    kind: z.enum(['hard', 'soft']),
    category: z.string(),
    description: z.string(),
    published: Printed,
    reconstructed: z.number().nullable(),
    relation: z.literal('≥').optional(),
    tolerance: z.number(),
    error: z.number().nullable(),
    pass: z.boolean(),
    roundsToPrinted: z.boolean().optional(),
  })
  .passthrough();

const FidelityFile = z
  .object({
    seed: z.number(),
    summary: z.object({
      hard: z.object({ met: z.number(), total: z.number() }),
      soft: z.object({ passed: z.number(), total: z.number() }),
      softRoundingToPrinted: z.object({ count: z.number(), total: z.number() }),
    }),
    targets: z.array(FidelityEntry).min(1),
    unmet: z.array(z.unknown()),
    plausibility: z.record(z.string(), z.unknown()),
  })
  .passthrough();

const Spread = z.object({
  n: z.number(),
  min: z.number().nullable(),
  p05: z.number().nullable(),
  median: z.number().nullable(),
  p95: z.number().nullable(),
  max: z.number().nullable(),
});

const EnsembleFile = z
  .object({
    members: z.number().int().min(1),
    attempts: z.number().int().min(1),
    acceptanceRate: z.number(),
    rejected: z.object({ count: z.number(), failingTargets: z.record(z.string(), z.number()) }),
    hazardRatios: z.array(
      Spread.extend({ endpoint: z.string(), grouping: z.string(), term: z.string(), reference: z.string(), ties: z.string() }),
    ),
    logrankP: z.array(Spread.extend({ endpoint: z.string(), grouping: z.string(), figure: z.string(), published: Printed })),
    overlap: Spread,
  })
  .passthrough();

/** One row of `validation.json` (src/reconstruct/general/validation/run.ts). */
const Share = z.number().min(0).max(1).nullable();
const ValidationRow = z
  .object({
    label: z.string(),
    cases: z.number().int(),
    mainFound: z.number().int(),
    withEnsemble: z.number().int(),
    kmDistanceMedian: z.number().nullable(),
    logHrErrorMedian: z.number().nullable(),
    hrCoverage: Share,
    bandCoverage: Share,
    pooledCoverage: Share,
    sampleCiCoverage: Share,
    medianErrorMedian: z.number().nullable(),
    rmstErrorMedian: z.number().nullable(),
    terms: z.number().int(),
  })
  .strict();
const ValidationFile = z
  .object({
    settings: z.object({ casesPerDataset: z.number().int(), members: z.number().int(), seed: z.number().int() }).passthrough(),
    targets: z.object({ hrCoverage: z.number(), bandCoverage: z.number(), pooledCoverage: z.number(), kmDistanceMedian: z.number() }).strict(),
    datasets: z.record(z.object({ source: z.string(), n: z.number().int() }).strict()),
    rows: z.array(ValidationRow).min(1),
    verdict: z.object({ ok: z.boolean(), missed: z.array(z.string()) }).strict(),
  })
  .passthrough();
export type ValidationReport = Pick<z.infer<typeof ValidationFile>, 'settings' | 'targets' | 'datasets' | 'rows' | 'verdict'>;

/** Reads `data/reconstructed/validation.json` (`npm run validate:reconstruction`); null when absent. */
export function readValidationReport(root = '.'): ValidationReport | null {
  const path = join(root, 'data/reconstructed/validation.json');
  if (!existsSync(path)) return null;
  const v = readPublishedJson(path, ValidationFile);
  return { settings: v.settings, targets: v.targets, datasets: v.datasets, rows: v.rows, verdict: v.verdict };
}

/** `src/generated/reconstruction.json`: what {@link readReconstructionReport} returns (null with real data). */
export const ReconstructionFile = z
  .object({
    fidelity: FidelityFile.pick({ seed: true, summary: true, targets: true, unmet: true, plausibility: true }).strict(),
    ensemble: EnsembleFile.pick({ members: true, attempts: true, acceptanceRate: true, rejected: true, hazardRatios: true, logrankP: true, overlap: true })
      .strict()
      .nullable(),
    validation: ValidationFile.pick({ settings: true, targets: true, datasets: true, rows: true, verdict: true }).strict().nullable(),
  })
  .strict()
  .nullable();

export type FidelityReport = z.infer<typeof FidelityFile>;
export type EnsembleSummary = z.infer<typeof EnsembleFile>;

export interface ReconstructionReport {
  readonly fidelity: Pick<FidelityReport, 'seed' | 'summary' | 'targets' | 'unmet' | 'plausibility'>;
  readonly ensemble: Pick<
    EnsembleSummary,
    'members' | 'attempts' | 'acceptanceRate' | 'rejected' | 'hazardRatios' | 'logrankP' | 'overlap'
  > | null;
  readonly validation: ValidationReport | null;
}

/** Reads and checks the reconstruction's reports; null when there is no fidelity report. */
export function readReconstructionReport(root = '.'): ReconstructionReport | null {
  const fidelityPath = join(root, 'data/reconstructed/fidelity.json');
  if (!existsSync(fidelityPath)) return null;
  const f = readPublishedJson(fidelityPath, FidelityFile);
  const ensemblePath = join(root, 'data/reconstructed/ensemble.json');
  const e = existsSync(ensemblePath) ? readPublishedJson(ensemblePath, EnsembleFile) : null;
  return {
    fidelity: { seed: f.seed, summary: f.summary, targets: f.targets, unmet: f.unmet, plausibility: f.plausibility },
    ensemble: e && {
      members: e.members,
      attempts: e.attempts,
      acceptanceRate: e.acceptanceRate,
      rejected: e.rejected,
      hazardRatios: e.hazardRatios,
      logrankP: e.logrankP,
      overlap: e.overlap,
    },
    validation: readValidationReport(root),
  };
}
