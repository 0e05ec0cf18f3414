/**
 * Everything the pages show about survival, computed once at build time from the patient file
 * (real data if present, else the reconstruction) and the published numbers.
 */
import type { Patient } from '../io/patients.ts';
import type { SurvivalFile } from '../published/survival-schema.ts';
import { analyseSurvival } from './survival-analysis.ts';
import type { SurvivalAnalysis } from './survival-analysis.ts';
import { ENDPOINTS, ENDPOINT_IDS, GROUPINGS, GROUPING_IDS, viewId } from './views.ts';
import type { EndpointKey, GroupingKey } from './views.ts';
import { labelRecord } from '../lib/label-record.ts';

/** What the paper printed for one view, shown beside our numbers. */
export interface PublishedView {
  readonly figure: string | null;
  readonly logrankP: { readonly printed: string; readonly value: number | null } | null;
  readonly times: readonly number[];
  readonly atRisk: Readonly<Record<string, readonly number[]>> | null;
  readonly quartiles: Readonly<Record<string, { readonly q25: number | null; readonly median: number | null; readonly q75: number | null; readonly printed: string }>>;
}

export interface SurvivalView {
  readonly id: string;
  readonly grouping: GroupingKey;
  readonly endpoint: EndpointKey;
  readonly groupingLabel: string;
  readonly endpointLabel: string;
  readonly endpointShort: string;
  readonly yLabel: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly analysis: SurvivalAnalysis;
  readonly published: PublishedView;
}

function publishedView(survival: SurvivalFile, grouping: GroupingKey, endpoint: EndpointKey): PublishedView {
  const fig = survival.figures.find((f) => f.grouping === grouping && f.endpoint === endpoint) ?? null;
  const quartiles = labelRecord<PublishedView['quartiles'][string]>();
  for (const q of survival.quantiles) {
    if (q.endpoint === endpoint && q.grouping === grouping) {
      quartiles[q.group] = { q25: q.q25.value, median: q.median.value, q75: q.q75.value, printed: q.printed };
    }
  }
  return {
    figure: fig?.figure ?? null,
    logrankP: fig ? { printed: fig.logrankP.printed, value: fig.logrankP.value } : null,
    times: fig?.times ?? [0, 20, 40, 60],
    atRisk: fig ? Object.fromEntries(Object.entries(fig.atRisk).map(([g, v]) => [g, v.map(Number)])) : null,
    quartiles,
  };
}

/** Computes the six views (3 groupings × 2 endpoints). */
export function buildSurvivalViews(patients: readonly Patient[], survival: SurvivalFile): SurvivalView[] {
  const views: SurvivalView[] = [];
  for (const grouping of GROUPING_IDS) {
    const meta = GROUPINGS[grouping];
    for (const endpoint of ENDPOINT_IDS) {
      const rows = meta.column ? patients.filter((p) => p[meta.column!] !== null) : patients;
      const time = rows.map((p) => (endpoint === 'rfs' ? p.rfsMonths : p.osMonths));
      const event = rows.map((p) => (endpoint === 'rfs' ? p.rfsEvent : p.osEvent));
      const group = meta.column ? rows.map((p) => p[meta.column!] as string) : undefined;
      const analysis = analyseSurvival(
        { time, event, group },
        { levels: meta.column ? meta.levels : undefined, reference: meta.column ? meta.levels[0] : undefined },
      );
      views.push({
        id: viewId(grouping, endpoint),
        grouping,
        endpoint,
        groupingLabel: meta.label,
        endpointLabel: ENDPOINTS[endpoint].label,
        endpointShort: ENDPOINTS[endpoint].short,
        yLabel: ENDPOINTS[endpoint].yLabel,
        groupLabels: meta.groupLabels,
        analysis,
        published: publishedView(survival, grouping, endpoint),
      });
    }
  }
  return views;
}
