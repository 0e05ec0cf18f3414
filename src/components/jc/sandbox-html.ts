/**
 * HTML of the KM sandbox's parts: the page renders them at build time (`set:html`) and
 * `<jc-km-sandbox>` re-renders them in the browser after each edit, so both show exactly the
 * same markup. The tables are strings; the chart is drawn by src/charts (into the document the
 * caller passes). No inline styles or event-handler attributes (CSP-safe).
 */
import { formatFixed, formatP } from '../../format/number.ts';
import { survivalAt } from '../../stats/survival-at.ts';
import { sandboxKmChart } from '../../charts/sandbox-km.ts';
import type { ChartDocument } from '../../charts/svg.ts';
import { escapeXml } from '../../charts/svg.ts';
import { GROUP_LABELS, MAX_TIME, RISK_TIMES, SANDBOX_GROUPS, canAdd, canRemove, displayOrder } from './sandbox-model.ts';
import type { SandboxAnalysis, SandboxPatient, SandboxState } from './sandbox-model.ts';

const e = escapeXml;

/** Short name of a patient, e.g. `A3` (group and id: ids stay fixed as times change). */
export function patientName(p: SandboxPatient): string {
  return `${p.group}${p.id}`;
}

/** What a screen reader hears for the time slider: `24 months, event`. */
export function timeText(p: SandboxPatient): string {
  return `${p.time} months, ${p.event ? 'event' : 'censored'}`;
}

/** One editable patient: time slider, event switch, remove button. */
export function patientRow(state: SandboxState, p: SandboxPatient): string {
  const name = patientName(p);
  const id = `jc-p${p.id}`;
  const removable = canRemove(state, p.id);
  return `<li class="jc-patient" data-id="${p.id}" data-group="${p.group}" data-event="${p.event}">
<span class="jc-patient-name" id="${id}-name">${e(name)}</span>
<label class="visually-hidden" for="${id}-time">Time of patient ${e(name)} (${e(GROUP_LABELS[p.group])}), months</label>
<input class="jc-time" type="range" id="${id}-time" data-action="time" min="0" max="${MAX_TIME}" step="1" value="${p.time}" aria-valuetext="${e(timeText(p))}">
<output class="jc-time-out" for="${id}-time" id="${id}-out">${p.time} mo</output>
<label class="jc-event"><input type="checkbox" data-action="event" id="${id}-event"${p.event ? ' checked' : ''}> Event<span class="visually-hidden"> for ${e(name)} (unchecked: censored)</span></label>
<button type="button" class="jc-remove" data-action="remove"${removable ? '' : ' disabled'} aria-label="Remove patient ${e(name)}">Remove</button>
</li>`;
}

/** The class list, grouped. */
export function patientList(state: SandboxState): string {
  const rows = displayOrder(state);
  return SANDBOX_GROUPS.map((g) => {
    const items = rows.filter((p) => p.group === g).map((p) => patientRow(state, p)).join('\n');
    return `<div class="jc-group jc-group-${g.toLowerCase()}" role="group" aria-labelledby="jc-group-${g}-h">
<h4 id="jc-group-${g}-h" class="jc-group-h">${e(GROUP_LABELS[g])}</h4>
<ul class="jc-patients">${items}</ul>
<button type="button" class="jc-add" data-action="add" data-group="${g}"${canAdd(state) ? '' : ' disabled'}>Add a patient to ${e(GROUP_LABELS[g])}</button>
</div>`;
  }).join('\n');
}

/** The sandbox's KM chart, drawn into `document` (the server's or the browser's). */
export function sandboxChart(a: SandboxAnalysis, document: ChartDocument): SVGSVGElement {
  const at24 = SANDBOX_GROUPS.map((g) => `${GROUP_LABELS[g]} S(24) = ${formatFixed(survivalAt(a.fits[g], [24])[0].surv, 2)}`).join('; ');
  return sandboxKmChart(
    SANDBOX_GROUPS.map((g) => ({ key: g.toLowerCase(), label: GROUP_LABELS[g], fit: a.fits[g] })),
    {
      maxTime: MAX_TIME,
      xTicks: RISK_TIMES,
      title: 'Kaplan–Meier curves of the sandbox class',
      description: `Step curves of the proportion event-free in groups A (solid) and B (dashed); vertical ticks mark censored patients. ${at24}. All numbers are in the tables below.`,
      idPrefix: 'jc-sandbox-km',
    },
    { document },
  );
}

/** KMunicate-style table: S(t), at risk, events and censored (cumulative) at the x ticks. */
export function sandboxRiskTable(a: SandboxAnalysis): string {
  const head = RISK_TIMES.map((t) => `<th scope="col">${t}</th>`).join('');
  const body = SANDBOX_GROUPS.map((g) => {
    const r = a.riskTables[g];
    const s = survivalAt(a.fits[g], RISK_TIMES);
    const row = (label: string, key: string, values: readonly (string | number)[]) =>
      `<tr><th scope="row">${e(GROUP_LABELS[g])}: ${label}</th>${values.map((v, i) => `<td data-cell="${g}-${key}-${RISK_TIMES[i]}">${v}</td>`).join('')}</tr>`;
    return [
      row('S(t)', 'surv', s.map((x) => formatFixed(x.surv, 2))),
      row('at risk', 'risk', r.atRisk),
      row('events', 'events', r.events),
      row('censored', 'censored', r.censored),
    ].join('');
  }).join('');
  return `<table class="jc-risk"><caption>Survival and numbers at risk by month (events and censored are cumulative, before the month)</caption>
<thead><tr><th scope="col">Month</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One-line log-rank result with the raw numbers in data attributes (the e2e test reads them). */
export function sandboxLogRank(a: SandboxAnalysis): string {
  const lr = a.logRank;
  const oe = SANDBOX_GROUPS.map((g, i) => `${e(GROUP_LABELS[g])}: observed ${lr.observed[i]}, expected ${formatFixed(lr.expected[i], 2)}`).join('; ');
  const result = lr.p === null
    ? 'no test is possible (no events yet)'
    : `χ² = <span data-stat="chisq" data-raw="${lr.chisq}">${formatFixed(lr.chisq, 3)}</span> on ${lr.df} df, p = <span data-stat="p" data-raw="${lr.p}">${formatP(lr.p)}</span>`;
  return `<p class="jc-lr-line">${oe}.</p><p class="jc-lr-result">Log-rank: ${result}.</p>`;
}

/** The walk-through table: one row per event time. */
export function sandboxSteps(a: SandboxAnalysis): string {
  const s = a.steps;
  const rows = s.steps
    .map(
      (r) => `<tr><th scope="row">${r.time}</th><td>${r.atRisk[0]}</td><td>${r.atRisk[1]}</td><td>${r.events[0]}</td><td>${r.events[1]}</td><td>${formatFixed(r.expected, 3)}</td><td>${formatFixed(r.events[0] - r.expected, 3)}</td><td>${formatFixed(r.variance, 3)}</td></tr>`,
    )
    .join('');
  const u = s.observed[0] - s.expected[0];
  const total = `<tr class="jc-total"><th scope="row">Total</th><td></td><td></td><td>${s.observed[0]}</td><td>${s.observed[1]}</td><td>${formatFixed(s.expected[0], 3)}</td><td>${formatFixed(u, 3)}</td><td>${formatFixed(s.variance, 3)}</td></tr>`;
  const chi = s.p === null
    ? '<p>With no events there is nothing to compare.</p>'
    : `<p class="jc-steps-chi">χ² = (O<sub>A</sub> − E<sub>A</sub>)² / V = (${formatFixed(u, 3)})² / ${formatFixed(s.variance, 3)} = <strong data-stat="steps-chisq">${formatFixed(s.chisq, 3)}</strong>, p = ${formatP(s.p)}.</p>`;
  return `<table class="jc-steps"><caption>Log-rank test, one row per event time (expected and variance for group A)</caption>
<thead><tr><th scope="col">Month</th><th scope="col">At risk A</th><th scope="col">At risk B</th><th scope="col">Events A</th><th scope="col">Events B</th><th scope="col">Expected A</th><th scope="col">Observed − expected A</th><th scope="col">Variance</th></tr></thead>
<tbody>${rows}${total}</tbody></table>${chi}`;
}
