/**
 * The user-facing door to Cox regression: named covariates in, a fitted model with readable
 * term names out. Numeric covariates enter the model as they are; text covariates become
 * 0/1 indicator ("dummy") columns, one per level other than the reference level, as R's
 * treatment contrasts do.
 *
 * Reference: R `coxph(Surv(time, status) ~ age + factor(group), ties = "efron")` with
 * `relevel(group, ref)` for a named reference (survival 3.5-3).
 */
import { coxphCore, checkCoxOptions, type CoxFit, type CoxOptions, type CoxTerm } from './cox.ts';
import { InputError, checkEvents, checkNotEmpty, checkSameLength, checkTimes, eventToNumber, type EventFlag } from './validate.ts';

/** Data for {@link coxModel}: follow-up, events and covariates by name (one value per patient). */
export interface CoxModelData {
  readonly time: readonly number[];
  readonly event: readonly EventFlag[];
  /** Each covariate is all numbers (entered as-is) or all strings (categorical). */
  readonly covariates: Readonly<Record<string, readonly (number | string)[]>>;
}

/** Options for {@link coxModel}: those of `coxph` plus reference levels of categorical covariates. */
export interface CoxModelOptions extends CoxOptions {
  /** Reference level per categorical covariate; default the first level in code-point order. */
  readonly reference?: Readonly<Record<string, string>>;
}

/** A model term with the covariate (and, for a categorical covariate, the level) it stands for. */
export interface CoxModelTerm extends CoxTerm {
  readonly covariate: string;
  /** The level compared with the reference, or `null` for a numeric covariate. */
  readonly level: string | null;
}

/** How each covariate entered the model. */
export interface CoxCovariate {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Levels in model order, reference first (categorical covariates only). */
  readonly levels: readonly string[] | null;
  readonly reference: string | null;
}

/** A {@link CoxFit} whose terms carry their covariate and level. */
export interface CoxModel extends Omit<CoxFit, 'terms'> {
  readonly terms: readonly CoxModelTerm[];
  readonly covariates: readonly CoxCovariate[];
}

/**
 * Fits a Cox model from named covariates.
 *
 * Term names: the covariate name for a numeric covariate (`age`), `${covariate}=${level}` for
 * each non-reference level of a categorical one (`sex=male`), whose hazard ratio compares that
 * level with the reference. Levels are ordered by code point, the reference first.
 *
 * Throws {@link InputError} (one line) for invalid times or events, missing or mixed-type
 * covariate values, an unknown covariate or level in `reference`, or a categorical covariate
 * with a single level. Estimation problems (infinite or redundant terms, no convergence) are
 * reported in `problems`, as in {@link coxphCore}.
 *
 * R: `coxph(Surv(time, event) ~ age + sex, ties = "efron")`.
 */
export function coxModel(data: CoxModelData, options: CoxModelOptions = {}): CoxModel {
  const { time, event, covariates } = data;
  checkNotEmpty(time);
  const names = Object.keys(covariates ?? {});
  if (names.length === 0) throw new InputError('no covariates: give at least one', undefined, 'covariates');
  checkSameLength({ time, event });
  for (const name of names) {
    const values = covariates[name];
    if (!Array.isArray(values)) throw new InputError(`covariate ${name} is not an array`, undefined, name);
    if (values.length !== time.length) {
      throw new InputError(`covariate ${name} has ${values.length} values but time has ${time.length}`, undefined, name);
    }
  }
  checkTimes(time);
  checkEvents(event);
  const reference = options.reference ?? {};
  for (const name of Object.keys(reference)) {
    if (!names.includes(name)) throw new InputError(`reference names an unknown covariate: ${JSON.stringify(name)}`, undefined, 'reference');
  }
  checkCoxOptions(options);

  const n = time.length;
  const columns: Float64Array[] = [];
  const termInfo: { term: string; covariate: string; level: string | null }[] = [];
  const described: CoxCovariate[] = [];
  for (const name of names) {
    const values = covariates[name];
    const kind = covariateKind(name, values);
    if (kind === 'numeric') {
      if (reference[name] !== undefined) {
        throw new InputError(`reference level given for numeric covariate ${name}`, undefined, 'reference');
      }
      columns.push(Float64Array.from(values as readonly number[]));
      termInfo.push({ term: name, covariate: name, level: null });
      described.push({ name, kind, levels: null, reference: null });
      continue;
    }
    const levels = orderLevels(name, values as readonly string[], reference[name]);
    for (const level of levels.slice(1)) {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = values[i] === level ? 1 : 0;
      columns.push(column);
      termInfo.push({ term: `${name}=${level}`, covariate: name, level });
    }
    described.push({ name, kind, levels, reference: levels[0] });
  }

  const status = Uint8Array.from(event, eventToNumber);
  const fit = coxModelCore(time, status, columns, termInfo, options);
  return { ...fit, covariates: described };
}

/**
 * {@link coxModel} after validation and coding: fits the design `columns` and labels the terms.
 * Trusts its input.
 */
export function coxModelCore(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  termInfo: readonly { readonly term: string; readonly covariate: string; readonly level: string | null }[],
  options: CoxOptions = {},
): Omit<CoxModel, 'covariates'> {
  const fit = coxphCore(time, status, columns, termInfo.map((t) => t.term), options);
  const terms = fit.terms.map((t, j) => ({ ...t, covariate: termInfo[j].covariate, level: termInfo[j].level }));
  return { ...fit, terms };
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Classifies a covariate by its first value and checks every row against it. */
function covariateKind(name: string, values: readonly unknown[]): 'numeric' | 'categorical' {
  let kind: 'numeric' | 'categorical' | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) {
      throw new InputError(`missing ${name} at row ${i + 1}`, i + 1, name);
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new InputError(`invalid ${name} at row ${i + 1}: ${show(v)}`, i + 1, name);
      if (kind === 'categorical') throw new InputError(`invalid ${name} at row ${i + 1}: ${show(v)} (expected text like the rows before)`, i + 1, name);
      kind = 'numeric';
    } else if (typeof v === 'string') {
      if (kind === 'numeric') throw new InputError(`invalid ${name} at row ${i + 1}: ${show(v)} (expected a number like the rows before)`, i + 1, name);
      kind = 'categorical';
    } else {
      throw new InputError(`invalid ${name} at row ${i + 1}: ${show(v)}`, i + 1, name);
    }
  }
  return kind ?? 'numeric';
}

/** Compares strings by Unicode code point (not UTF-16 code unit, not locale). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const d = (ca.value.codePointAt(0) as number) - (cb.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}

/** Distinct levels, reference first, the others in code-point order. */
function orderLevels(name: string, values: readonly string[], reference: string | undefined): string[] {
  const levels = [...new Set(values)].sort(compareCodePoints);
  if (levels.length < 2) {
    throw new InputError(`covariate ${name} has only one level (${show(levels[0])}), so there is nothing to compare`, undefined, name);
  }
  if (reference === undefined) return levels;
  if (!levels.includes(reference)) {
    throw new InputError(`unknown reference level ${show(reference)} for covariate ${name} (levels: ${levels.map(show).join(', ')})`, undefined, 'reference');
  }
  return [reference, ...levels.filter((l) => l !== reference)];
}
