/**
 * `<jc-km-sandbox>`: makes the server-rendered sandbox editable. Each patient's time is a native
 * range input (drag it, or use the arrow keys, Page Up/Down, Home/End); a checkbox switches
 * event/censored; buttons add and remove patients. After each edit the element re-runs the
 * statistics core (`analyseSandbox`) and re-renders the chart and tables with the same
 * functions the page used at build time (the chart into this page's `document`).
 */
import {
  addPatient,
  analyseSandbox,
  initialSandbox,
  removePatient,
  setEvent,
  setTime,
} from '../components/jc/sandbox-model.ts';
import type { SandboxGroup, SandboxState } from '../components/jc/sandbox-model.ts';
import { patientList, sandboxChart, sandboxLogRank, sandboxRiskTable, sandboxSteps, timeText } from '../components/jc/sandbox-html.ts';

class JcKmSandbox extends HTMLElement {
  private state: SandboxState = initialSandbox();
  private frame = 0;

  connectedCallback(): void {
    this.addEventListener('input', this.onInput);
    this.addEventListener('change', this.onInput);
    this.addEventListener('click', this.onClick);
    this.querySelector<HTMLButtonElement>('[data-action="reset"]')?.removeAttribute('hidden');
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    this.removeEventListener('input', this.onInput);
    this.removeEventListener('change', this.onInput);
    this.removeEventListener('click', this.onClick);
  }

  private region(name: string): HTMLElement {
    const el = this.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!el) throw new Error(`jc-km-sandbox: missing [data-part="${name}"]`);
    return el;
  }

  private patientId(target: Element): number {
    return Number(target.closest<HTMLElement>('.jc-patient')?.dataset.id);
  }

  private onInput = (ev: Event): void => {
    const target = ev.target as HTMLInputElement;
    const action = target.dataset.action;
    if (action === 'time') {
      const id = this.patientId(target);
      this.state = setTime(this.state, id, Number(target.value));
      this.syncRow(id);
    } else if (action === 'event' && ev.type === 'change') {
      const id = this.patientId(target);
      this.state = setEvent(this.state, id, target.checked);
      this.syncRow(id);
    } else return;
    this.scheduleAnalysis();
  };

  private onClick = (ev: Event): void => {
    const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button || !this.contains(button)) return;
    const action = button.dataset.action;
    if (action === 'add') {
      const group = button.dataset.group as SandboxGroup;
      this.state = addPatient(this.state, group);
      const added = this.state.patients[this.state.patients.length - 1];
      this.renderList();
      this.focusOn(`#jc-p${added.id}-time`) || this.focusOn(`button[data-action="add"][data-group="${group}"]`);
      this.announce(`Added patient ${group}${added.id}, censored at ${added.time} months.`);
    } else if (action === 'remove') {
      const id = this.patientId(button);
      const row = button.closest('.jc-patient');
      const next = (row?.nextElementSibling ?? row?.previousElementSibling) as HTMLElement | null;
      const group = (row as HTMLElement | null)?.dataset.group;
      this.state = removePatient(this.state, id);
      this.renderList();
      const nextId = next?.dataset.id;
      (nextId && this.focusOn(`.jc-patient[data-id="${nextId}"] .jc-remove:not([disabled])`)) ||
        (nextId && this.focusOn(`#jc-p${nextId}-time`)) ||
        this.focusOn(`button[data-action="add"][data-group="${group}"]`);
      this.announce(`Removed patient ${group}${id}.`);
    } else if (action === 'reset') {
      this.state = initialSandbox();
      this.renderList();
      this.announce('Back to the starting class of ten patients.');
    } else return;
    this.renderAnalysis();
  };

  private focusOn(selector: string): boolean {
    const el = this.querySelector<HTMLElement>(selector);
    if (!el) return false;
    el.focus();
    return true;
  }

  private announce(text: string): void {
    this.region('status').textContent = text;
  }

  /** Updates one patient's visible value and accessible value text without re-rendering its row (keeps focus). */
  private syncRow(id: number): void {
    const p = this.state.patients.find((x) => x.id === id);
    const row = this.querySelector<HTMLElement>(`.jc-patient[data-id="${id}"]`);
    if (!p || !row) return;
    row.dataset.event = String(p.event);
    const input = row.querySelector<HTMLInputElement>('input[data-action="time"]');
    input?.setAttribute('aria-valuetext', timeText(p));
    const out = row.querySelector('output');
    if (out) out.textContent = `${p.time} mo`;
  }

  private renderList(): void {
    this.region('patients').innerHTML = patientList(this.state);
  }

  private scheduleAnalysis(): void {
    // Dragging fires many input events: redraw at most once per frame.
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderAnalysis();
    });
  }

  private renderAnalysis(): void {
    const a = analyseSandbox(this.state);
    this.region('chart').replaceChildren(sandboxChart(a, document));
    this.region('risk').innerHTML = sandboxRiskTable(a);
    this.region('logrank').innerHTML = sandboxLogRank(a);
    this.region('steps').innerHTML = sandboxSteps(a);
  }
}

if (!customElements.get('jc-km-sandbox')) customElements.define('jc-km-sandbox', JcKmSandbox);
