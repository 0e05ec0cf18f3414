/**
 * Number of events, detectable hazard ratio and power for comparing the survival of two groups
 * with a log-rank test or a Cox model, by the formulas of Schoenfeld and of Freedman.
 *
 * Notation: k = allocation ratio n₂/n₁, p = k/(1 + k) the share of group 2, HR the hazard ratio
 * of group 2 versus group 1, D the number of events, z_a = z_{1−α/s} for s sides, z_b = z_{power}.
 *
 * - Schoenfeld (Biometrika 1981;68:316–319; Biometrics 1983;39:499–503):
 *   D = (z_a + z_b)² / (p(1 − p) ln² HR) = (z_a + z_b)² (1 + k)² / (k ln² HR).
 * - Freedman (Stat Med 1982;1:121–129): D = (z_a + z_b)² (1 + k·HR)² / (k (1 − HR)²).
 *
 * Power is the inverse of the same formula, Φ(√(D k) |ln HR| / (1 + k) − z_a) (Schoenfeld) or
 * Φ(√(D k) |1 − HR| / (1 + k·HR) − z_a) (Freedman): the chance of rejecting in the direction of
 * the true effect, ignoring the negligible other tail, so that
 * powerForHazardRatio(HR, schoenfeldEvents(HR, power)) = power.
 *
 * Check values (α 0.05 two-sided, power 0.8, 1:1): HR 0.75 needs 379.35 events (Schoenfeld) or
 * 384.60 (Freedman); with 50 events the detectable HR is 0.453 or 2.21 (Schoenfeld).
 * R: the formulas evaluated with `qnorm`/`pnorm` in tests/oracle/power.R.
 */
import { normalCdf, normalQuantile } from './special.ts';
import { InputError } from './validate.ts';

/** Which events formula to use. */
export type EventsMethod = 'schoenfeld' | 'freedman';

/** Shared design settings; defaults α = 0.05, two-sided, power 0.8, 1:1 allocation. */
export interface PowerDesign {
  /** Type I error, default 0.05. */
  readonly alpha?: number;
  /** 1 or 2 sides, default 2 (α is split over both tails). */
  readonly sides?: 1 | 2;
  /** Allocation ratio k = n₂/n₁, default 1. */
  readonly allocation?: number;
}

/** Input of {@link schoenfeldEvents} and {@link freedmanEvents}. */
export interface EventsInput extends PowerDesign {
  /** Hazard ratio to detect (group 2 vs group 1), > 0 and ≠ 1. */
  readonly hazardRatio: number;
  /** Power, default 0.8. */
  readonly power?: number;
}

/** Input of {@link detectableHazardRatio}. */
export interface DetectableInput extends PowerDesign {
  /** Number of events, > 0. */
  readonly events: number;
  /** Power, default 0.8. */
  readonly power?: number;
  /** Formula, default `'schoenfeld'`. */
  readonly method?: EventsMethod;
}

/** Input of {@link powerForHazardRatio}. */
export interface PowerInput extends PowerDesign {
  readonly hazardRatio: number;
  readonly events: number;
  /** Formula, default `'schoenfeld'`. */
  readonly method?: EventsMethod;
}

/** The hazard ratios below and above 1 that D events detect with the requested power. */
export interface DetectableHazardRatio {
  /** HR < 1 detectable; `null` if no HR > 0 is (Freedman when √(kD) ≤ z_a + z_b). */
  readonly below: number | null;
  /** HR > 1 detectable; `null` if no finite HR is (Freedman when √(kD) ≤ k(z_a + z_b)). */
  readonly above: number | null;
}

interface Settled {
  readonly za: number;
  readonly zb: number;
  readonly k: number;
}

function fail(field: string, value: unknown, expected: string): never {
  throw new InputError(`invalid ${field}: ${String(value)} (expected ${expected})`, undefined, field);
}

function settle(design: PowerDesign, power: number | undefined, needPower: boolean): Settled {
  const alpha = design.alpha ?? 0.05;
  const sides = design.sides ?? 2;
  const k = design.allocation ?? 1;
  if (!(typeof alpha === 'number' && alpha > 0 && alpha < 1)) fail('alpha', alpha, 'a number between 0 and 1');
  if (sides !== 1 && sides !== 2) fail('sides', sides, '1 or 2');
  if (!(typeof k === 'number' && Number.isFinite(k) && k > 0)) fail('allocation', k, 'a positive number');
  const pw = power ?? 0.8;
  if (needPower && !(typeof pw === 'number' && pw > 0 && pw < 1)) fail('power', pw, 'a number between 0 and 1');
  // z_{1−α/s} computed as −z_{α/s} keeps precision for small α
  return { za: -normalQuantile(alpha / sides), zb: needPower ? normalQuantile(pw) : 0, k };
}

function checkHazardRatio(hr: unknown): number {
  if (!(typeof hr === 'number' && Number.isFinite(hr) && hr > 0 && hr !== 1)) fail('hazardRatio', hr, 'a positive number other than 1');
  return hr as number;
}

function checkEventsCount(d: unknown): number {
  if (!(typeof d === 'number' && Number.isFinite(d) && d > 0)) fail('events', d, 'a positive number');
  return d as number;
}

function checkMethod(method: unknown): EventsMethod {
  const m = method ?? 'schoenfeld';
  if (m !== 'schoenfeld' && m !== 'freedman') fail('method', m, '"schoenfeld" or "freedman"');
  return m as EventsMethod;
}

/**
 * Events needed by Schoenfeld's formula, D = (z_{1−α/s} + z_{power})² (1 + k)² / (k ln² HR).
 * Not rounded: round up (`Math.ceil`) for a design.
 */
export function schoenfeldEvents(input: EventsInput): number {
  const hr = checkHazardRatio(input.hazardRatio);
  const { za, zb, k } = settle(input, input.power, true);
  const log = Math.log(hr);
  return ((za + zb) ** 2 * (1 + k) ** 2) / (k * log * log);
}

/**
 * Events needed by Freedman's formula, D = (z_{1−α/s} + z_{power})² (1 + k·HR)² / (k (1 − HR)²).
 * Not rounded.
 */
export function freedmanEvents(input: EventsInput): number {
  const hr = checkHazardRatio(input.hazardRatio);
  const { za, zb, k } = settle(input, input.power, true);
  return ((za + zb) ** 2 * (1 + k * hr) ** 2) / (k * (1 - hr) ** 2);
}

/**
 * Hazard ratios detectable with D events.
 *
 * Schoenfeld: exp(±(z_a + z_b)(1 + k)/√(kD)).
 * Freedman: with q = √(kD)/(z_a + z_b), solving (1 + k·HR) = q |1 − HR| gives
 * HR = (q − 1)/(q + k) below 1 (none if q ≤ 1) and HR = (q + 1)/(q − k) above 1 (none if q ≤ k).
 */
export function detectableHazardRatio(input: DetectableInput): DetectableHazardRatio {
  const d = checkEventsCount(input.events);
  const method = checkMethod(input.method);
  const { za, zb, k } = settle(input, input.power, true);
  if (method === 'schoenfeld') {
    const delta = ((za + zb) * (1 + k)) / Math.sqrt(k * d);
    return { below: Math.exp(-delta), above: Math.exp(delta) };
  }
  const q = Math.sqrt(k * d) / (za + zb);
  return { below: q > 1 ? (q - 1) / (q + k) : null, above: q > k ? (q + 1) / (q - k) : null };
}

/**
 * Power to detect a hazard ratio with D events:
 * Φ(√(kD) |ln HR| / (1 + k) − z_a) (Schoenfeld) or Φ(√(kD) |1 − HR| / (1 + k·HR) − z_a) (Freedman).
 */
export function powerForHazardRatio(input: PowerInput): number {
  const hr = checkHazardRatio(input.hazardRatio);
  const d = checkEventsCount(input.events);
  const method = checkMethod(input.method);
  const { za, k } = settle(input, undefined, false);
  const shift = method === 'schoenfeld'
    ? (Math.sqrt(k * d) * Math.abs(Math.log(hr))) / (1 + k)
    : (Math.sqrt(k * d) * Math.abs(1 - hr)) / (1 + k * hr);
  return normalCdf(shift - za);
}
