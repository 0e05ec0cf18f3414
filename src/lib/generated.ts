/**
 * Validated access to the JSON written by `npm run data` (src/generated/). Pages import from here,
 * never from the JSON files directly. Every file is parsed with its zod schema (src/analysis/
 * site-data-schema.ts and the others named below), so a stale or damaged file stops the build with
 * the path of the bad field; the parsed values are assigned to the estimators' own types, so the
 * compiler checks that the schemas and the types agree.
 */
import siteJson from '../generated/site.json';
import viewsJson from '../generated/views.json';
import ensembleJson from '../generated/ensemble.json';
import auditJson from '../generated/audit.json';
import reconstructionJson from '../generated/reconstruction.json';
import uncertaintyJson from '../generated/uncertainty.json';
import publishedJson from '../generated/published.json';
import powerJson from '../generated/power.json';
import { PublishedFiles } from '../published/load.ts';
import type { Published } from '../published/load.ts';
import { PowerFile } from '../analysis/story-power.ts';
import type { ComparisonPower } from '../analysis/story-power.ts';
import { UncertaintyFile } from '../analysis/uncertainty-schema.ts';
import { EnsembleFileSchema, SiteInfoSchema, ViewsFileSchema } from '../analysis/site-data-schema.ts';
import { z } from 'zod';
import type { PooledHazardRatio, Uncertainty, ViewUncertainty } from '../analysis/uncertainty-schema.ts';
import type { HazardEnsemble } from '../format/uncertainty.ts';
import type { SurvivalView } from '../analysis/site-data.ts';
import type { EndpointKey, GroupingKey } from '../analysis/views.ts';
import type { KmEnsemble } from '../analysis/ensemble-bands.ts';
import type { AuditResult } from '../audit/types.ts';
import type { CalibrationReport } from '../audit/calibration.ts';
import { ReconstructionFile } from '../analysis/reconstruction-report.ts';
import type { ReconstructionReport } from '../analysis/reconstruction-report.ts';
import { AuditFile } from '../audit/schema.ts';

export type SiteInfo = Readonly<z.infer<typeof SiteInfoSchema>>;

/** Parses a generated file, naming it and the bad field when it does not match. */
function parseGenerated<T extends z.ZodTypeAny>(file: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`src/generated/${file}: ${issue.path.join('.') || '(root)'}: ${issue.message} (run npm run data)`);
}

export const site: SiteInfo = parseGenerated('site.json', SiteInfoSchema, siteJson);
export const views: readonly SurvivalView[] = parseGenerated('views.json', ViewsFileSchema, viewsJson);
const ensembleFile: { readonly members: number | null; readonly views: KmEnsemble } | null = parseGenerated('ensemble.json', EnsembleFileSchema, ensembleJson);
/** Ensemble band of the reconstructions per view and group, for the KM figure; null if none. */
export const ensemble: KmEnsemble | null = ensembleFile?.views ?? null;
/** Number of reconstructions behind {@link ensemble}. */
export const ensembleMembers: number | null = ensembleFile?.members ?? null;
/** The audit of every printed number (src/audit/run-audit.ts), with its calibration (src/audit/calibration.ts). */
export const audit: AuditResult & { readonly calibration: CalibrationReport | null } = parseGenerated('audit.json', AuditFile, auditJson);

/** Fidelity and ensemble reports of the reconstruction; null when the site runs on real data. */
export const reconstruction: ReconstructionReport | null = parseGenerated('reconstruction.json', ReconstructionFile, reconstructionJson);

/**
 * Pooled hazard ratios and ensemble ranges of the reconstructed numbers (src/analysis/uncertainty.ts);
 * null when the site runs on real data. Validated here, so a stale or damaged file fails the build.
 */
export const uncertainty: Uncertainty | null = UncertaintyFile.nullable().parse(uncertaintyJson);

/** The ensemble's uncertainty of one view; null with real data. */
export function getViewUncertainty(id: string): ViewUncertainty | null {
  if (!uncertainty) return null;
  const u = uncertainty.views.find((v) => v.id === id);
  if (!u) throw new Error(`no view ${id} in src/generated/uncertainty.json`);
  return u;
}

/** The pooled hazard ratio of `term` in view `id`; null with real data (or when no member could estimate it). */
export function getPooledHazardRatio(id: string, term: string): PooledHazardRatio | null {
  return getViewUncertainty(id)?.hazardRatios.find((h) => h.term === term) ?? null;
}

/** The ensemble behind the hazard ratio of `term` in view `id`, for src/format/uncertainty.ts; null with real data. */
export function hazardEnsemble(id: string, term: string): HazardEnsemble | null {
  if (!uncertainty) return null;
  return { pooled: getPooledHazardRatio(id, term), members: uncertainty.members };
}

export function getView(grouping: GroupingKey, endpoint: EndpointKey): SurvivalView {
  const view = views.find((v) => v.grouping === grouping && v.endpoint === endpoint);
  if (!view) throw new Error(`no view ${grouping}-${endpoint} in src/generated/views.json`);
  return view;
}

/** The paper's printed numbers (data/published, validated by the data step and again here). */
export const published: Published = parseGenerated('published.json', PublishedFiles, publishedJson);

/** What each comparison could detect (src/analysis/story-power.ts). */
export const power: PowerFile = parseGenerated('power.json', PowerFile, powerJson);

/** The power numbers of the hazard ratio of `term` in view `id`. */
export function getComparisonPower(id: string, term: string): ComparisonPower {
  const c = power.comparisons.find((x) => x.view === id && x.term === term);
  if (!c) throw new Error(`no comparison ${id}/${term} in src/generated/power.json`);
  return c;
}
