/**
 * Reverse Kaplan–Meier (the censoring distribution) and median follow-up.
 */
import { checkConfOptions, kaplanMeierCore } from './kaplan-meier.ts';
import type { KaplanMeierFit, KaplanMeierOptions } from './kaplan-meier.ts';
import { survivalQuantilesCore } from './survival-quantile.ts';
import type { SurvivalQuartiles } from './survival-quantile.ts';
import { checkSurvivalData } from './validate.ts';
import type { EventFlag } from './validate.ts';

/** {@link reverseKaplanMeier} without input checks. */
export function reverseKaplanMeierCore(
  time: ArrayLike<number>,
  event: ArrayLike<EventFlag | number>,
  confLevel = 0.95,
  confType: KaplanMeierOptions['confType'] = 'log',
): KaplanMeierFit {
  const flipped = new Uint8Array(time.length);
  for (let i = 0; i < time.length; i++) flipped[i] = event[i] === 1 || event[i] === true ? 0 : 1;
  return kaplanMeierCore(time, flipped, confLevel, confType);
}

/**
 * Reverse Kaplan–Meier estimate: the Kaplan–Meier estimator with the event indicator flipped,
 * so that censoring is the "event" and deaths censor follow-up. It estimates the distribution
 * of potential follow-up time (Schemper & Smith, Control Clin Trials 1996).
 *
 * R: `survfit(Surv(time, 1 - status) ~ 1)`.
 */
export function reverseKaplanMeier(time: readonly number[], event: readonly EventFlag[], options: KaplanMeierOptions = {}): KaplanMeierFit {
  checkSurvivalData(time, event);
  const { confLevel, confType } = checkConfOptions(options);
  return reverseKaplanMeierCore(time, event, confLevel, confType);
}

/**
 * Median follow-up with its interquartile range, by the reverse Kaplan–Meier method: the
 * quartiles of the reverse Kaplan–Meier curve, each with its confidence interval (`null` when the
 * curve does not reach it).
 *
 * R: `quantile(survfit(Surv(time, 1 - status) ~ 1), probs = c(0.25, 0.5, 0.75))`.
 */
export function medianFollowUp(time: readonly number[], event: readonly EventFlag[], options: KaplanMeierOptions = {}): SurvivalQuartiles {
  const fit = reverseKaplanMeier(time, event, options);
  const [q25, median, q75] = survivalQuantilesCore(fit, [0.25, 0.5, 0.75]);
  return { median, q25, q75 };
}
