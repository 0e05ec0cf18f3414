/**
 * Every number the prose of /reconstruction/ (content/reconstruction.mdx and its sections in
 * content/reconstruction/) quotes, from the generated data: the printed facts it reasons with, the
 * file the site runs on, and the fidelity, ensemble and validation reports. A report the build does
 * not have (real data has none) is `null`, and the prose about it is left out.
 * Pure: `reconstructionNumbers(inputs)` gives the same text for the same data;
 * `pageNumbers()` feeds it the generated data.
 */
import type { ReconstructionReport } from '../../analysis/reconstruction-report.ts';
import { GROUPINGS } from '../../analysis/views.ts';
import { andList } from '../../format/limits.ts';
import { formatFixed, formatPercent } from '../../format/number.ts';
import { PATIENT_COLUMNS } from '../../io/patients.ts';
import { published, reconstruction, site } from '../../lib/generated.ts';
import type { SiteInfo } from '../../lib/generated.ts';
import type { SurvivalFile } from '../../published/survival-schema.ts';
import { fidelitySections } from './fidelity-rows.ts';
import { TICKS_PER_MONTH } from '../../reconstruct/encoding.ts';
import { BAND_QUANTILES } from '../../reconstruct/ensemble.ts';
import { CASE_PATIENTS } from '../../reconstruct/general/validation/cases.ts';
import { numberWord } from '../../format/words.ts';
import { reconstructionFacts } from './printed-facts.ts';

export interface ReconstructionInputs {
  readonly site: SiteInfo;
  readonly survival: SurvivalFile;
  readonly report: ReconstructionReport | null;
}

/** A share as a whole percentage; `–` where the report has none. */
export const percentOrDash = (v: number | null): string => (v === null ? '–' : formatPercent(v, 0));
/** A number with fixed decimals; `–` where the report has none. */
export const fixedOrDash = (v: number | null, digits: number): string => (v === null ? '–' : formatFixed(v, digits));

/** A table of a report as ReportTable.astro draws it: a row's optional plain first cell, its header, its numbers. */
export interface ReportTable {
  /** Prefix of the caption's id (`${id}-caption`), which labels the scrolling region. */
  readonly id: string;
  readonly caption: string;
  readonly heads: readonly string[];
  readonly rows: readonly { readonly lead?: string; readonly header: string; readonly cells: readonly (string | number)[] }[];
}

type Ensemble = NonNullable<ReconstructionReport['ensemble']>;
type Validation = NonNullable<ReconstructionReport['validation']>;

const levelLabel = (grouping: string, level: string) =>
  (GROUPINGS as Record<string, { groupLabels: Record<string, string> }>)[grouping]?.groupLabels[level] ?? level;
/** `group=yes` → `yes`. */
const termLevel = (term: string) => term.split('=').pop() ?? term;
const outcome = (endpoint: string) => (endpoint === 'rfs' ? 'RFS' : 'OS');

/** Cox hazard ratios across the reconstructions: lowest, 5th percentile, median, 95th percentile, highest. */
export function hazardSpreadTable(e: Ensemble): ReportTable {
  return {
    id: 'hr-spread',
    caption: `Cox hazard ratios across ${e.members} reconstructions (Efron ties)`,
    heads: ['Outcome', 'Comparison', 'Lowest', '5th percentile', 'Median', '95th percentile', 'Highest'],
    rows: e.hazardRatios.map((h) => ({
      lead: outcome(h.endpoint),
      header: `${levelLabel(h.grouping, termLevel(h.term))} vs ${levelLabel(h.grouping, h.reference).toLowerCase()}`,
      cells: [h.min, h.p05, h.median, h.p95, h.max].map((v) => formatFixed(v, 2)),
    })),
  };
}

/** Log-rank p across the reconstructions beside the printed one. */
export function pSpreadTable(e: Ensemble): ReportTable {
  return {
    id: 'p-spread',
    caption: `Log-rank p across ${e.members} reconstructions`,
    heads: ['Figure', 'Printed', 'Lowest', 'Median', 'Highest'],
    rows: e.logrankP.map((p) => ({
      header: `${p.figure} (${outcome(p.endpoint)} by ${p.grouping})`,
      cells: [p.published.printed, ...[p.min, p.median, p.max].map((v) => formatFixed(v, 4))],
    })),
  };
}

/** Blind reconstructions of real trial samples against the truth: one row per trial, then both. */
export function validationTable(v: Validation): ReportTable {
  return {
    id: 'truth',
    caption: 'Blind reconstructions of real trial samples compared with the truth',
    heads: [
      'Trial',
      'Samples',
      'Largest curve gap (median)',
      'Log HR error (median)',
      "True HR inside the members' 95% range",
      'True curve inside the band',
      "Pooled CI covers the whole trial's HR",
      "The sample's own CI covers it",
      'Median error, months',
    ],
    rows: v.rows.map((r) => ({
      header: r.label === 'all' ? 'Both' : r.label,
      cells: [
        r.cases,
        fixedOrDash(r.kmDistanceMedian, 2),
        fixedOrDash(r.logHrErrorMedian, 2),
        percentOrDash(r.hrCoverage),
        percentOrDash(r.bandCoverage),
        percentOrDash(r.pooledCoverage),
        percentOrDash(r.sampleCiCoverage),
        fixedOrDash(r.medianErrorMedian, 1),
      ],
    })),
  };
}

export function reconstructionNumbers({ site, survival, report }: ReconstructionInputs) {
  const facts = reconstructionFacts(survival);
  const fidelity = report?.fidelity ?? null;
  const ensemble = report?.ensemble ?? null;
  const validation = report?.validation ?? null;
  const count = (category: string) => fidelity?.targets.filter((t) => t.category === category).length ?? 0;
  const plausibility = fidelity?.plausibility ?? {};
  const exits = plausibility.osExits40to45;
  const all = validation ? validation.rows[validation.rows.length - 1] : null;
  return {
    reconstructed: site.reconstructed,
    patientFile: site.patientFile,
    /** The columns a real-data file needs (src/io/patients.ts). */
    columns: PATIENT_COLUMNS.join(', '),
    patients: site.patients,
    both: site.bothAssessed,
    neither: site.patients - site.calcificationAssessed - site.enhancementAssessed + site.bothAssessed,
    facts,
    atRiskTimes: andList(facts.atRiskTimes.map(String)),
    targets: { atRisk: count('at-risk'), quartiles: count('quartile'), logrank: count('logrank') },
    seed: fidelity?.seed ?? '–',
    /** The search's time step (src/reconstruct/encoding.ts), in months. */
    timeStep: String(1 / TICKS_PER_MONTH),
    fidelity: fidelity && {
      summary: fidelity.summary,
      sections: fidelitySections(fidelity.targets).map((s) => ({
        title: s.title,
        met: s.targets.filter((t) => t.pass).length,
        total: s.targets.length,
        kind: s.kind === 'hard' ? 'hard constraints' : 'soft targets',
      })),
    },
    /** The forced pile-up of OS exits: at most about a quarter of the cohort can still be at risk at the last time. */
    forced: typeof exits === 'number' ? { ceiling: Math.floor(facts.cohortN / 4), exits } : null,
    ensemble: ensemble && {
      attempts: ensemble.attempts,
      members: ensemble.members,
      acceptance: formatPercent(ensemble.acceptanceRate, 0),
      /** The share of the reconstructions the band spans (src/reconstruct/ensemble.ts). */
      band: formatPercent(BAND_QUANTILES.upper - BAND_QUANTILES.lower, 0),
      overlap: ensemble.overlap,
      hazardTable: hazardSpreadTable(ensemble),
      pTable: pSpreadTable(ensemble),
    },
    validation:
      validation && all
        ? {
            datasets: Object.values(validation.datasets)
              .map((d) => `${d.source}, ${d.n} patients`)
              .join('; '),
            trials: numberWord(Object.keys(validation.datasets).length),
            /** Patients per case (src/reconstruct/general/validation/cases.ts). */
            caseMin: CASE_PATIENTS.min,
            caseMax: CASE_PATIENTS.max,
            cases: all.cases,
            members: validation.settings.members,
            hrCoverage: percentOrDash(validation.targets.hrCoverage),
            bandCoverage: percentOrDash(validation.targets.bandCoverage),
            pooledCoverage: percentOrDash(validation.targets.pooledCoverage),
            kmDistance: formatFixed(validation.targets.kmDistanceMedian, 2),
            verdict: validation.verdict,
            table: validationTable(validation),
          }
        : null,
  };
}

export type ReconstructionNumbers = ReturnType<typeof reconstructionNumbers>;

/** The numbers of this build (src/generated/). */
export function pageNumbers(): ReconstructionNumbers {
  return reconstructionNumbers({ site, survival: published.survival, report: reconstruction });
}
