/**
 * Typed access to the JSON written by `npm run data` (src/generated/). Pages import from here,
 * never from the JSON files directly, so the types are declared once.
 */
import siteJson from '../generated/site.json';
import viewsJson from '../generated/views.json';
import ensembleJson from '../generated/ensemble.json';
import auditJson from '../generated/audit.json';
import reconstructionJson from '../generated/reconstruction.json';
import uncertaintyJson from '../generated/uncertainty.json';
import { UncertaintyFile } from '../analysis/uncertainty-schema.ts';
import type { PooledHazardRatio, Uncertainty, ViewUncertainty } from '../analysis/uncertainty-schema.ts';
import type { HazardEnsemble } from '../format/uncertainty.ts';
import type { SurvivalView } from '../analysis/site-data.ts';
import type { EndpointKey, GroupingKey } from '../analysis/views.ts';
import type { KmEnsemble } from '../charts/km-data.ts';
import type { AuditResult } from '../audit/types.ts';
import type { CalibrationReport } from '../audit/calibration.ts';
import type { ReconstructionReport } from '../analysis/reconstruction-report.ts';

export interface SiteInfo {
  readonly reconstructed: boolean;
  readonly patientFile: string;
  readonly patients: number;
  readonly calcificationAssessed: number;
  readonly enhancementAssessed: number;
  readonly bothAssessed: number;
}

export const site = siteJson as SiteInfo;
export const views = viewsJson as unknown as readonly SurvivalView[];
const ensembleFile = ensembleJson as unknown as { readonly members: number | null; readonly views: KmEnsemble } | null;
/** Ensemble band of the reconstructions per view and group, for the KM figure; null if none. */
export const ensemble: KmEnsemble | null = ensembleFile?.views ?? null;
/** Number of reconstructions behind {@link ensemble}. */
export const ensembleMembers: number | null = ensembleFile?.members ?? null;
/** The audit of every printed number (src/audit/run-audit.ts), with its calibration (src/audit/calibration.ts). */
export const audit = auditJson as unknown as AuditResult & { readonly calibration: CalibrationReport | null };

/** Fidelity and ensemble reports of the reconstruction; null when the site runs on real data. */
export const reconstruction = reconstructionJson as unknown as ReconstructionReport | null;

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
