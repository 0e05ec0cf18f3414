/**
 * `<jc-power-lab>`: the sliders of the power and precision lab. Reads the comparisons (counted
 * from the data at build time) from `data-comparisons`, and on every slider move recomputes each
 * row with the statistics core's power functions (via power-lab.ts) and rewrites the cells.
 */
import { ALLOCATION_STEPS, HAZARD_RATIO_STEPS } from '../components/jc/power-lab.ts';
import type { LabSettings, PowerComparison } from '../components/jc/power-lab.ts';
import { formatHazardRatio, planCellsOf, rowCellsOf } from '../components/jc/power-format.ts';
import { allocationLabel } from '../components/jc/power-lab.ts';
import { formatFixed } from '../format/number.ts';

class JcPowerLab extends HTMLElement {
  private comparisons: PowerComparison[] = [];
  private summaryTimer = 0;

  connectedCallback(): void {
    this.comparisons = JSON.parse(this.dataset.comparisons ?? '[]') as PowerComparison[];
    this.addEventListener('input', this.update);
    this.addEventListener('change', this.update);
    this.update();
    this.dataset.ready = 'true';
  }

  disconnectedCallback(): void {
    this.removeEventListener('input', this.update);
    this.removeEventListener('change', this.update);
  }

  private input(name: string): HTMLInputElement | HTMLSelectElement {
    const el = this.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (!el) throw new Error(`jc-power-lab: missing control ${name}`);
    return el;
  }

  private settings(): LabSettings {
    const observed = (this.input('observed') as HTMLInputElement).checked;
    return {
      alpha: Number(this.input('alpha').value),
      power: Number(this.input('power').value),
      hazardRatio: HAZARD_RATIO_STEPS[Number(this.input('hr').value)],
      allocation: observed ? null : ALLOCATION_STEPS[Number(this.input('allocation').value)],
    };
  }

  private set(selector: string, text: string): void {
    this.querySelectorAll(selector).forEach((el) => {
      if (el.textContent !== text) el.textContent = text;
    });
  }

  private update = (): void => {
    const s = this.settings();
    const hr = formatHazardRatio(s.hazardRatio);
    const allocation = this.input('allocation') as HTMLInputElement;
    allocation.disabled = s.allocation === null;
    const k = ALLOCATION_STEPS[Number(allocation.value)];
    // Visible values next to the sliders, and what assistive technology reads for the stepped ones.
    this.set('[data-out="alpha"]', formatFixed(s.alpha, 2));
    this.set('[data-out="power"]', `${Math.round(s.power * 100)}%`);
    this.set('[data-out="hr"]', hr);
    this.set('[data-out="allocation"]', s.allocation === null ? 'as observed' : allocationLabel(k));
    this.input('hr').setAttribute('aria-valuetext', `hazard ratio ${hr}`);
    this.input('power').setAttribute('aria-valuetext', `${Math.round(s.power * 100)}%`);
    allocation.setAttribute('aria-valuetext', `${allocationLabel(k)}, reference to feature`);
    this.set('[data-out="hr-inline"]', hr);
    this.set('[data-out="power-inline"]', `${Math.round(s.power * 100)}%`);
    this.set('[data-out="alpha-inline"]', formatFixed(s.alpha, 2));

    for (const c of this.comparisons) {
      const cells = rowCellsOf(c, s);
      for (const [key, text] of Object.entries(cells)) this.set(`[data-cell="${c.id}:${key}"]`, text);
    }
    const chosen = this.comparisons.find((c) => c.id === this.input('plan').value) ?? this.comparisons[0];
    if (chosen) {
      const plan = planCellsOf(chosen, s);
      for (const [key, text] of Object.entries(plan)) this.set(`[data-plan="${key}"]`, text);
      const label = `${chosen.exposedLabel.toLowerCase()} vs ${chosen.referenceLabel.toLowerCase()}, ${chosen.endpointShort}`;
      this.set('[data-plan="label"]', label);
      // One short sentence for screen readers, once the slider comes to rest.
      clearTimeout(this.summaryTimer);
      this.summaryTimer = window.setTimeout(() => {
        this.set('[data-out="summary"]', `${label}: ${plan['events-s']} events needed to detect hazard ratio ${hr}; the study had ${plan['events-actual']}.`);
      }, 600);
    }
  };
}

if (!customElements.get('jc-power-lab')) customElements.define('jc-power-lab', JcPowerLab);
