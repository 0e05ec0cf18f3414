/**
 * Typed access to the JSON written by `npm run data` (src/generated/). Pages import from here,
 * never from the JSON files directly, so the types are declared once.
 */
import siteJson from '../generated/site.json';
import viewsJson from '../generated/views.json';
import ensembleJson from '../generated/ensemble.json';
import auditJson from '../generated/audit.json';
import reconstructionJson from '../generated/reconstruction.json';
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

export function getView(grouping: GroupingKey, endpoint: EndpointKey): SurvivalView {
  const view = views.find((v) => v.grouping === grouping && v.endpoint === endpoint);
  if (!view) throw new Error(`no view ${grouping}-${endpoint} in src/generated/views.json`);
  return view;
}
