/**
 * The numbers the presenter's speaker notes quote, and which notes a slide gets. The notes
 * themselves are prose in content/journal-club/speaker-notes.mdx (one `<Notes slide="…">` per
 * slide); this file gives them each story step's numbers, formatted, from the view the step shows.
 * With reconstructed data (`rec`, src/components/reconstructed-view.ts) events are ranges across the
 * reconstructions, the log-rank p the data were fitted to is the printed one, and hazard ratios are
 * pooled. A story step without notes of its own gets the generic ones (`any-step`), so a step added
 * to the story never breaks the presenter.
 */
import notesSource from '../../../content/journal-club/speaker-notes.mdx?raw';
import type { SurvivalView } from '../../analysis/site-data.ts';
import { formatEstimateCI, formatMonths, formatP } from '../../format/number.ts';
import type { ReconstructedViewText } from '../reconstructed-view.ts';

/** The notes for a story step that has none of its own. */
export const ANY_STEP = 'any-step';

/** The `slide` of every `<Notes slide="…">` of an MDX source, in order. */
export function noteSlidesOf(source: string): string[] {
  return [...source.matchAll(/<Notes\s+slide="([^"]+)"/g)].map((m) => m[1]);
}

export const NOTE_SLIDES: readonly string[] = noteSlidesOf(notesSource);

/** The notes a story step's slide shows: its own, or the generic ones. */
export function noteSlide(stepId: string): string {
  return NOTE_SLIDES.includes(stepId) ? stepId : ANY_STEP;
}

/** A step's numbers for its notes, formatted; `–` where the data have none. */
export interface NoteNumbers {
  /** Reconstructed data: the notes say which numbers are ranges, fitted or pooled. */
  readonly reconstructed: boolean;
  /** Medians per group: as printed with reconstructed data (the reconstruction was fitted to them), else computed. */
  readonly medians: string;
  /** Events per group, `No calcifications 31 of 45; Calcifications 5 of 12` (ranges with reconstructed data). */
  readonly events: string;
  /** A log-rank test exists for this view. */
  readonly hasLogrank: boolean;
  /** Log-rank p on these data, as printed (null: the paper prints none), and across the reconstructions. */
  readonly p: string;
  readonly printedP: string | null;
  readonly recP: string;
  /** A Cox model exists for this view: the reference group (lower case), the hazard ratios, and the reconstructions pooled. */
  readonly hasCox: boolean;
  readonly reference: string;
  readonly hazards: string;
  readonly members: number | null;
  /** Numbers at risk: printed under the figure; the calcified group at the start and at the last printed time. */
  readonly atRiskPrinted: boolean;
  readonly calcifiedStart: number | string;
  readonly calcifiedLast: number | string;
  readonly lastTime: number | string;
  /** Groups compared, and the log-rank test's degrees of freedom (null: no test). */
  readonly groups: number;
  readonly df: number | null;
  /** The survival tests of the site (every view with a log-rank test), and whether this view's p is the smallest of them. */
  readonly tests: number;
  readonly smallestP: boolean;
}

/**
 * The p a view's log-rank test is judged by: as printed with reconstructed data (the reconstruction
 * was fitted to it), else as computed; null without a test.
 */
export function testP(view: SurvivalView, reconstructed: boolean): number | null {
  if (!view.analysis.logrank) return null;
  return reconstructed ? (view.published.logrankP?.value ?? view.analysis.logrank.p) : view.analysis.logrank.p;
}

/** The views with a log-rank test, and the id of the one with the smallest p (the first of a tie). */
export function survivalTests(all: readonly SurvivalView[], reconstructed: boolean): { readonly count: number; readonly smallest: string | null } {
  const tested = all.map((v) => ({ id: v.id, p: testP(v, reconstructed) })).filter((t): t is { id: string; p: number } => t.p !== null);
  const smallest = tested.reduce<{ id: string; p: number } | null>((best, t) => (best === null || t.p < best.p ? t : best), null);
  return { count: tested.length, smallest: smallest?.id ?? null };
}

/** Pure: the same view and reconstruction text give the same numbers. */
export function speakerNoteNumbers(view: SurvivalView, rec: ReconstructedViewText | null = null, all: readonly SurvivalView[] = [view]): NoteNumbers {
  const a = view.analysis;
  const label = (g: string) => view.groupLabels[g] ?? g;
  const medians = rec
    ? // The reconstruction was fitted to the printed medians: quote those.
      a.groups.map((g) => {
        const m = view.published.quartiles[g]?.median ?? null;
        return `${label(g)} ${formatMonths(m)}${m != null ? ' months' : ''}`;
      })
    : a.groups.map((g) => {
        const m = a.quantiles[g].median.est;
        return `${label(g)} ${m === null ? 'not reached' : `${formatMonths(Math.round(m * 10) / 10)} months`}`;
      });
  const events = a.groups.map((g) => `${label(g)} ${rec ? (rec.events[g] ?? '–') : a.km[g].nEvent.reduce((s, d) => s + d, 0)} of ${a.groupSizes[g]}`);
  const cox = a.cox;
  const tests = survivalTests(all, rec !== null);
  return {
    reconstructed: rec !== null,
    medians: medians.join(', '),
    events: events.join('; '),
    hasLogrank: a.logrank !== null && a.logrank !== undefined,
    p: formatP(a.logrank?.p),
    printedP: view.published.logrankP?.printed ?? null,
    recP: rec?.logrankP ?? '–',
    hasCox: Boolean(cox),
    reference: (a.reference ? label(a.reference) : '').toLowerCase(),
    hazards: rec ? rec.hazards.join('; ') : (cox?.terms ?? []).map((t) => `${label(t.term)} ${formatEstimateCI(t.hr, t.lower, t.upper)}`).join('; '),
    members: rec?.members ?? null,
    atRiskPrinted: Boolean(view.published.atRisk),
    calcifiedStart: a.groupSizes.yes ?? '–',
    calcifiedLast: view.published.atRisk?.yes?.at(-1) ?? '–',
    lastTime: view.published.times.at(-1) ?? '–',
    groups: a.groups.length,
    df: a.logrank?.df ?? null,
    tests: tests.count,
    smallestP: tests.smallest === view.id,
  };
}
