/**
 * The six views of the survival figure: grouping (all patients / calcification / arterial
 * enhancement) × endpoint (RFS / OS). Labels live here, once, for the figure, the tables and the prose.
 */
export const GROUPING_IDS = ['all', 'calcification', 'enhancement'] as const;
export type GroupingKey = (typeof GROUPING_IDS)[number];

export const ENDPOINT_IDS = ['rfs', 'os'] as const;
export type EndpointKey = (typeof ENDPOINT_IDS)[number];

export interface GroupingMeta {
  readonly id: GroupingKey;
  readonly label: string;
  /** Column of the patients file holding the group, or null for all patients together. */
  readonly column: 'calcification' | 'enhancement' | null;
  /** Group order for display; the first is the reference for hazard ratios. */
  readonly levels: readonly string[];
  readonly groupLabels: Readonly<Record<string, string>>;
  /** One patient of each group, for sentences: `hyperenhancing patient` (plural: `patient` → `patients`). */
  readonly patientNouns: Readonly<Record<string, string>>;
  /** What the grouping's column records, for sentences: `calcification`. */
  readonly assessed: string;
}

export const GROUPINGS: Readonly<Record<GroupingKey, GroupingMeta>> = {
  all: {
    id: 'all',
    label: 'All patients',
    column: null,
    levels: ['all'],
    groupLabels: { all: 'All patients' },
    patientNouns: { all: 'patient' },
    assessed: 'anything',
  },
  calcification: {
    id: 'calcification',
    label: 'Calcification',
    column: 'calcification',
    levels: ['no', 'yes'],
    groupLabels: { no: 'No calcifications', yes: 'Calcifications' },
    patientNouns: { no: 'patient without calcifications', yes: 'patient with calcifications' },
    assessed: 'calcification',
  },
  enhancement: {
    id: 'enhancement',
    label: 'Arterial enhancement',
    column: 'enhancement',
    levels: ['hypo', 'hyper', 'mixed'],
    groupLabels: { hypo: 'Hypoenhancing', hyper: 'Hyperenhancing', mixed: 'Mixed' },
    patientNouns: { hypo: 'hypoenhancing patient', hyper: 'hyperenhancing patient', mixed: 'patient with mixed enhancement' },
    assessed: 'arterial enhancement',
  },
};

export interface EndpointMeta {
  readonly id: EndpointKey;
  readonly label: string;
  readonly short: string;
  readonly yLabel: string;
  readonly eventWord: string;
}

export const ENDPOINTS: Readonly<Record<EndpointKey, EndpointMeta>> = {
  rfs: {
    id: 'rfs',
    label: 'Recurrence-free survival',
    short: 'RFS',
    yLabel: 'Proportion free of recurrence',
    eventWord: 'recurrence',
  },
  os: { id: 'os', label: 'Overall survival', short: 'OS', yLabel: 'Proportion surviving', eventWord: 'death' },
};

/** Stable id of a view, e.g. `calcification-os`. */
export function viewId(grouping: GroupingKey, endpoint: EndpointKey): string {
  return `${grouping}-${endpoint}`;
}
