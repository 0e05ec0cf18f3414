/**
 * Starting event flags that make each group's Kaplan–Meier curve follow its published quartiles.
 *
 * For a group, walk its patients in time order with the running KM value S and the group's
 * template S*(t) (through its published quartiles, see `template.ts`); a patient whose flag is
 * still open becomes an event with probability logistic((S − S*(t)) / 0.02): the curve drops
 * when it lies above the template and waits when below, so it crosses 0.75, 0.5 and 0.25 near
 * the published quartiles. Small groups go first (their quartiles are the most sensitive);
 * a patient in two groups keeps the flag its first group gave it; patients in neither subcohort
 * follow the cohort template. For RFS only patients whose RFS and OS share a bin have a choice
 * (an earlier RFS bin means a recurrence); a recurrence draws its time before the OS time.
 */
import { binHigh, binLow, binOf, MIN_TICK } from './encoding.ts';
import type { Random } from './random.ts';
import type { PatientTicks } from './state.ts';
import type { Endpoint } from '../published/survival-schema.ts';
import type { StartTemplates } from './structure.ts';
import type { Targets } from './targets.ts';
import { ENDPOINTS, GROUPINGS, LEVELS } from './targets.ts';
import { curveAt, drawTick } from './template.ts';
import type { QuartileCurve } from './template.ts';

const SOFTNESS = 0.02;

function groupCurve(targets: Targets, endpoint: Endpoint, grouping: string, group: string, start: number): QuartileCurve {
  const pick = (q: string): number => {
    const t = targets.quartiles.find(
      (x) => x.kind === 'quartile' && x.endpoint === endpoint && x.grouping === grouping && x.group === group && x.quartile === q,
    );
    if (!t) throw new Error(`no ${endpoint} ${grouping}/${group} ${q} target`);
    return t.published.value;
  };
  return { start, q25: pick('q25'), median: pick('median'), q75: pick('q75') };
}

interface Member {
  readonly patients: number[];
  readonly curve: QuartileCurve;
}

/** Groups (smallest first) then the whole cohort, with their template curves. */
function walkOrder(patients: readonly PatientTicks[], targets: Targets, endpoint: Endpoint): Member[] {
  const groups: Member[] = [];
  for (const [kind, grouping] of GROUPINGS.entries()) {
    for (const [g, spec] of targets.groupings[grouping].groups.entries()) {
      const members = patients.flatMap((p, i) => ((kind === 0 ? p.calc : p.enh) === g ? [i] : []));
      const firstBin = spec.binCounts[endpoint].findIndex((c) => c > 0);
      const curve = groupCurve(targets, endpoint, grouping, LEVELS[grouping][g], targets.times[Math.max(firstBin, 0)]);
      groups.push({ patients: members, curve });
    }
  }
  groups.sort((a, b) => a.patients.length - b.patients.length);
  groups.push({ patients: patients.map((_, i) => i), curve: groupCurve(targets, endpoint, 'all', 'all', 0) });
  return groups;
}

/** Sets OS flags and RFS flags/times in place (see module doc). */
export function assignStartEvents(patients: PatientTicks[], targets: Targets, templates: StartTemplates, rng: Random): void {
  for (const endpoint of ENDPOINTS) {
    const decided = new Uint8Array(patients.length);
    const time = (p: PatientTicks): number => (endpoint === 'os' ? p.osTick : p.rfsTick);
    const isEvent = (p: PatientTicks): number => (endpoint === 'os' ? p.osEvent : p.rfsEvent);
    for (const [i, p] of patients.entries()) {
      if (endpoint === 'rfs') {
        const constrained = p.calc >= 0 || p.enh >= 0;
        // A recurrence in an earlier bin than the OS exit is forced; otherwise start censored.
        if (constrained && binOf(p.rfsTick) < binOf(p.osTick)) decided[i] = 1;
        else {
          p.rfsTick = p.osTick;
          p.rfsEvent = 0;
        }
      }
    }
    for (const { patients: members, curve } of walkOrder(patients, targets, endpoint)) {
      const order = [...members].sort((a, b) => time(patients[a]) - time(patients[b]));
      let surv = 1;
      let atRisk = order.length;
      for (const i of order) {
        const p = patients[i];
        if (!decided[i]) {
          decided[i] = 1;
          const target = curveAt(curve, time(p) / 10);
          const event = rng.float() < 1 / (1 + Math.exp(-(surv - target) / SOFTNESS)) ? 1 : 0;
          if (endpoint === 'os') p.osEvent = event;
          else if (event) {
            const constrained = p.calc >= 0 || p.enh >= 0;
            const lo = constrained ? binLow(binOf(p.osTick)) : MIN_TICK;
            const hi = Math.min(constrained ? binHigh(binOf(p.osTick)) : p.osTick, p.osTick - 1);
            if (hi >= lo) {
              p.rfsTick = drawTick(templates.rfs, rng, lo, hi);
              p.rfsEvent = 1;
            }
          }
        }
        if (isEvent(p)) surv *= 1 - 1 / atRisk;
        atRisk--;
      }
    }
  }
}
