/**
 * Input checks shared by the public estimator wrappers.
 *
 * Estimators come in two layers, as in R's survival: a public function that validates its
 * input and throws an {@link InputError} with a one-line message such as
 * `invalid time at row 12: -3`, and a core (`…Core`) that trusts its input.
 * Rows are numbered from 1, in the order the arrays were given.
 */

// Characters that must never reach a terminal raw from a data file: C0/C1 controls (newlines, ESC
// sequences, NUL), Unicode line/paragraph separators and bidirectional overrides ("Trojan source").
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes a message safe to print as one line: control characters, line separators and bidi
 * overrides become visible escapes (`\n`, `\u0000`, `\u202e`).
 */
export function oneLine(message: string): string {
  return message.replace(UNSAFE_CHARS, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when `text` holds a character {@link oneLine} would escape (control, line separator, bidi override). */
export function hasUnsafeChars(text: string): boolean {
  UNSAFE_CHARS.lastIndex = 0;
  const found = UNSAFE_CHARS.test(text);
  UNSAFE_CHARS.lastIndex = 0;
  return found;
}

/**
 * A problem with the caller's data, reported in one line that names the row and field.
 * The message is passed through {@link oneLine}, so text echoed from a hostile file can never
 * break it into several lines or send escape sequences to a terminal.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** 1-based row of the offending value, when there is one. */
    readonly row?: number,
    /** Name of the offending field, when there is one. */
    readonly field?: string,
  ) {
    super(oneLine(message));
  }
}

/** An event indicator: 1 or `true` for an event, 0 or `false` for censoring. */
export type EventFlag = 0 | 1 | boolean;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Throws unless every time is a finite number ≥ 0. */
export function checkTimes(time: ArrayLike<unknown>, field = 'time'): asserts time is ArrayLike<number> {
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      throw new InputError(`invalid ${field} at row ${i + 1}: ${show(t)}`, i + 1, field);
    }
  }
}

/** Throws unless every event flag is 0, 1, true or false. */
export function checkEvents(event: ArrayLike<unknown>, field = 'event'): asserts event is ArrayLike<EventFlag> {
  for (let i = 0; i < event.length; i++) {
    const e = event[i];
    if (e !== 0 && e !== 1 && e !== true && e !== false) {
      throw new InputError(`invalid ${field} at row ${i + 1}: ${show(e)} (expected 0 or 1)`, i + 1, field);
    }
  }
}

/** Throws unless all arrays have the same length as the first. */
export function checkSameLength(arrays: Record<string, ArrayLike<unknown>>): void {
  const entries = Object.entries(arrays);
  if (entries.length === 0) return;
  const [firstName, first] = entries[0];
  for (const [name, values] of entries.slice(1)) {
    if (values.length !== first.length) {
      throw new InputError(`${name} has ${values.length} values but ${firstName} has ${first.length}`, undefined, name);
    }
  }
}

/** Throws when there are no observations at all. */
export function checkNotEmpty(time: ArrayLike<unknown>, field = 'time'): void {
  if (time.length === 0) throw new InputError(`no observations: ${field} is empty`, undefined, field);
}

/** Throws unless every group label is a non-empty string or a finite number. */
export function checkGroups(group: ArrayLike<unknown>, field = 'group'): asserts group is ArrayLike<string | number> {
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    const ok = (typeof g === 'string' && g.length > 0) || (typeof g === 'number' && Number.isFinite(g));
    if (!ok) throw new InputError(`invalid ${field} at row ${i + 1}: ${show(g)}`, i + 1, field);
  }
}

/** Validates the usual (time, event[, group]) triple of survival data. */
export function checkSurvivalData(
  time: ArrayLike<unknown>,
  event: ArrayLike<unknown>,
  group?: ArrayLike<unknown>,
): void {
  checkNotEmpty(time);
  checkSameLength(group ? { time, event, group } : { time, event });
  checkTimes(time);
  checkEvents(event);
  if (group) checkGroups(group);
}

/** Converts a validated event flag to 0 or 1. */
export function eventToNumber(e: EventFlag): 0 | 1 {
  return e === true || e === 1 ? 1 : 0;
}

/** A group label: a non-empty string or a finite number. */
export type GroupLabel = string | number;

/** Group labels mapped to 0-based codes, in level order. */
export interface GroupCodes {
  /** The levels, in order (the caller's `levels`, or the observed labels sorted). */
  readonly levels: readonly GroupLabel[];
  /** The levels as strings, for results. */
  readonly names: readonly string[];
  /** For each row, the index of its group in `levels`. */
  readonly codes: Int32Array;
  /** Number of rows in each group. */
  readonly sizes: readonly number[];
}

/** Compares two strings by Unicode code point (not UTF-16 code unit, not locale). */
function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(j) as number;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

/** The default group order: numbers ascending numerically, then strings by code point. */
export function compareGroupLabels(a: GroupLabel, b: GroupLabel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareCodePoints(a, b);
}

/**
 * {@link encodeGroups} for a test between groups: throws when fewer than two groups have patients,
 * the message starting with `needs` (`the log-rank test needs`).
 */
export function encodeTestGroups(group: ArrayLike<GroupLabel>, levels: readonly GroupLabel[] | undefined, needs: string): GroupCodes {
  const codes = encodeGroups(group, levels);
  const present = codes.sizes.filter((s) => s > 0).length;
  if (present < 2) throw new InputError(`${needs} at least 2 groups, but the data have ${present === 1 ? 'only 1 group' : 'none'}`, undefined, 'group');
  return codes;
}

/**
 * Maps validated group labels to codes 0…k−1. Levels are the caller's `levels` (checked: valid
 * labels, no duplicates, every observed label among them) or else the observed labels sorted
 * with {@link compareGroupLabels}. Labels are matched by value (`1` and `"1"` differ).
 */
export function encodeGroups(group: ArrayLike<GroupLabel>, levels?: readonly GroupLabel[], field = 'group'): GroupCodes {
  let order: GroupLabel[];
  const position = new Map<GroupLabel, number>();
  if (levels !== undefined) {
    if (!Array.isArray(levels)) throw new InputError('levels must be an array of group labels', undefined, 'levels');
    checkGroups(levels, 'levels');
    order = [...levels];
    order.forEach((label, i) => {
      if (position.has(label)) throw new InputError(`levels lists ${show(label)} twice`, undefined, 'levels');
      position.set(label, i);
    });
  } else {
    const seen = new Set<GroupLabel>();
    for (let i = 0; i < group.length; i++) seen.add(group[i]);
    order = [...seen].sort(compareGroupLabels);
    order.forEach((label, i) => position.set(label, i));
  }
  const codes = new Int32Array(group.length);
  const sizes = new Array<number>(order.length).fill(0);
  for (let i = 0; i < group.length; i++) {
    const code = position.get(group[i]);
    if (code === undefined) {
      throw new InputError(`invalid ${field} at row ${i + 1}: ${show(group[i])} is not one of the levels`, i + 1, field);
    }
    codes[i] = code;
    sizes[code]++;
  }
  return { levels: order, names: order.map(String), codes, sizes };
}
