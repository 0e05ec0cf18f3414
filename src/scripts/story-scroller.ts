/**
 * `<story-scroller>`: drives the story's sticky figure from the scroll position. It enhances
 * server-rendered HTML (src/components/story/Scrolly.astro) and never takes over scrolling.
 *
 * - Inactive without IntersectionObserver, under `prefers-reduced-motion: reduce` and at ≤ 700 px:
 *   every step keeps its own inline figure (a linear article).
 * - On a wide screen, when the scrolly part comes near the viewport (or the page opens on one of
 *   its steps), it fetches the sticky figure — the <KmFigure> partial at `data-figure-src` — and the
 *   `<km-figure>` script, then activates: adds `is-active` (CSS shows the sticky figure and hides the
 *   inline copies) and puts the figure in the state of the step crossing the middle of the viewport,
 *   through `km-figure.setState()`.
 *
 * State for tests and styling: `data-active-step` on the element, `is-current` on the step,
 * `data-state="grouping/endpoint/highlight"` on the figure's host once it shows a step.
 */
import { DEFAULT_KM_STATE, parseKmState } from '../charts/km-state.ts';
import type { KmState } from '../charts/km-state.ts';
import { fragmentId } from './url-fragment.ts';

const WIDE = '(min-width: 701px)';
const REDUCED = '(prefers-reduced-motion: reduce)';

/** The `<km-figure>` API the story uses (src/scripts/km-figure.ts). */
interface KmFigureLike extends HTMLElement {
  setState?(state: KmState): unknown;
}

class StoryScroller extends HTMLElement {
  private observer: IntersectionObserver | null = null;
  private approach: IntersectionObserver | null = null;
  private steps: HTMLElement[] = [];
  private current: HTMLElement | null = null;
  private loading: Promise<boolean> | null = null;
  private readonly queries = [matchMedia(WIDE), matchMedia(REDUCED)];
  private readonly onChange = () => this.update();

  connectedCallback(): void {
    this.steps = [...this.querySelectorAll<HTMLElement>('.step[data-step]')];
    if (!('IntersectionObserver' in window) || !this.steps.length) return;
    for (const q of this.queries) q.addEventListener('change', this.onChange);
    this.update();
  }

  disconnectedCallback(): void {
    for (const q of this.queries) q.removeEventListener('change', this.onChange);
    this.approach?.disconnect();
    this.deactivate();
  }

  private wanted(): boolean {
    const [wide, reduced] = this.queries;
    return wide.matches && !reduced.matches;
  }

  private update(): void {
    if (!this.wanted()) {
      this.approach?.disconnect();
      this.approach = null;
      this.deactivate();
      return;
    }
    const hash = fragmentId();
    if (this.steps.some((s) => s.id === hash)) {
      void this.load().then((ok) => ok && this.wanted() && this.activate());
      return;
    }
    // Load the figure when the scrolly part is within a screen and a half of the viewport.
    this.approach ??= new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.approach?.disconnect();
        this.approach = null;
        void this.load().then((ok) => ok && this.wanted() && this.activate());
      },
      { rootMargin: '150% 0px 150% 0px' },
    );
    this.approach.observe(this);
  }

  /** Fetches the figure partial and the `<km-figure>` script once; false if either fails. */
  private load(): Promise<boolean> {
    this.loading ??= (async () => {
      const host = this.querySelector<HTMLElement>('[data-sticky-km]');
      const src = this.dataset.figureSrc;
      if (!host || !src) return false;
      try {
        const [response] = await Promise.all([fetch(src), import('./km-figure.ts')]);
        if (!response.ok) return false;
        const template = document.createElement('template');
        template.innerHTML = await response.text();
        if (!template.content.querySelector('km-figure')) return false;
        // The partial starts with its own CSP <meta> (for when it is opened on its own); this page has one.
        for (const meta of template.content.querySelectorAll('meta')) meta.remove();
        // A template parses as without scripting, so the <noscript> drawings of the views not shown
        // first (KmFigure.astro) would be elements here; <km-figure> draws those views itself.
        for (const drawings of template.content.querySelectorAll('km-figure noscript')) drawings.remove();
        host.replaceChildren(template.content);
        return true;
      } catch {
        // Offline or blocked: the inline figures stay, which is the linear article.
        return false;
      }
    })();
    return this.loading;
  }

  private activate(): void {
    if (this.observer) return;
    // Hiding the inline figures moves the text: keep the step the reader is on where it was.
    const anchor = this.getBoundingClientRect().top < innerHeight ? this.nearest() : null;
    const before = anchor?.getBoundingClientRect().top ?? 0;
    const figure = this.querySelector<HTMLElement>('.scrolly-figure');
    if (figure) figure.hidden = false;
    this.classList.add('is-active');
    if (anchor) {
      const moved = anchor.getBoundingClientRect().top - before;
      if (Math.abs(moved) > 1) window.scrollBy({ top: moved, behavior: 'instant' });
    }
    // A step is current while it crosses a thin line at 45% of the viewport height.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: '-45% 0px -55% 0px' });
    for (const step of this.steps) this.observer.observe(step);
    const hash = fragmentId();
    const target = this.steps.find((s) => s.id === hash);
    this.show(target ?? this.current ?? this.nearest());
  }

  private deactivate(): void {
    // Touch nothing when already inactive: a class write restyles the whole story.
    if (!this.observer) return;
    this.observer.disconnect();
    this.observer = null;
    this.classList.remove('is-active');
    const figure = this.querySelector<HTMLElement>('.scrolly-figure');
    if (figure) figure.hidden = true;
  }

  /** The last step whose top is above the middle of the viewport (the first if none). */
  private nearest(): HTMLElement {
    const line = innerHeight * 0.45;
    let best = this.steps[0];
    for (const step of this.steps) if (step.getBoundingClientRect().top <= line) best = step;
    return best;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.show(entry.target as HTMLElement);
    }
  }

  /** Puts the sticky figure in the state of `step`. */
  private show(step: HTMLElement): void {
    if (step === this.current) return;
    this.current?.classList.remove('is-current');
    step.classList.add('is-current');
    this.current = step;
    this.dataset.activeStep = step.dataset.step ?? '';

    const label = this.querySelector<HTMLElement>('[data-sticky-label]');
    const stepLabel = step.querySelector('.step-label-text');
    if (label && stepLabel) label.textContent = stepLabel.textContent;

    const callout = this.querySelector<HTMLElement>('[data-sticky-callout]');
    const source = step.querySelector<HTMLElement>('.step-callout');
    if (callout) callout.innerHTML = source ? source.innerHTML : '';

    const host = this.querySelector<HTMLElement>('[data-sticky-km]');
    const km = host?.querySelector<KmFigureLike>('km-figure');
    if (!host || !km) return;
    const state = stepState(step);
    if (typeof km.setState === 'function') {
      km.setState(state);
    } else {
      // Not upgraded yet: the element reads its attributes when it connects.
      for (const [name, value] of Object.entries(state)) km.setAttribute(name, value === null ? 'none' : String(value));
    }
    host.dataset.state = stateKey(state);
  }
}

/** The figure state a step asks for: its `data-km-state`, as Step.astro wrote it with kmStateToQuery. */
function stepState(step: HTMLElement): KmState {
  const params = new URLSearchParams(step.dataset.kmState ?? '');
  return parseKmState((key) => params.get(key), DEFAULT_KM_STATE);
}

/** `calcification/os/risk-table`: what the figure shows, for tests and styling. */
function stateKey(state: KmState): string {
  return [state.grouping, state.endpoint, state.highlight ?? 'none'].join('/');
}

if (!customElements.get('story-scroller')) customElements.define('story-scroller', StoryScroller);
