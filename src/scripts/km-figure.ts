/**
 * `<km-figure>`: enhances the server-rendered Kaplan–Meier figure of <KmFigure>.
 *
 * Without JavaScript the figure is complete (all views drawn, toggles switch them through CSS).
 * With it, only the view shown first arrives drawn (the others' drawings are in a <noscript>, see
 * KmFigure.astro); this element draws every view from the page's data. It adds: redrawing at the
 * container's real width (ResizeObserver) with the same chart code, a crosshair that reads S(t), its CI and the number at risk (mouse, a tap or horizontal finger drag, or keyboard with the
 * chart focused: ←/→ event times, Home/End, Escape), an aria-live announcement, downloads, a short
 * animation of the curves when the view changes (km-transition.ts; none under reduced motion), and on
 * /explore/ the state in the URL with back/forward.
 *
 * Driving it from outside (the story does):
 *   el.setState({ grouping: 'enhancement', endpoint: 'os', ci: true, censor: false, median: true,
 *                 ensemble: false, highlight: 'risk-table' | 'median' | null });   // throws on bad values
 *   el.getState();                                                                 // current KmState
 *   el.setAttribute('grouping', 'enhancement');   // attributes of the same names (bad values ignored)
 *   el.addEventListener('km-statechange', (e) => e.detail);                        // after every change
 */
import { drawKm } from '../charts/km-chart.ts';
import { crosshairText, drawCrosshair } from '../charts/km-crosshair.ts';
import { crosshairStops } from '../charts/km-data.ts';
import type { KmData } from '../charts/km-data.ts';
import { kmLayout } from '../charts/km-layout.ts';
import type { KmLayout } from '../charts/km-layout.ts';
import { kmOptionsFromState, normaliseKmOptions } from '../charts/km-options.ts';
import { DEFAULT_KM_STATE, LAYER_KEYS, kmStateToQuery, normaliseKmState, parseKmState, sameKmState } from '../charts/km-state.ts';
import type { KmState, KmStateInput, LayerKey } from '../charts/km-state.ts';
import { kmSummaryLine, kmTitle } from '../charts/km-summary.ts';
import { DOWNLOAD_KINDS, download } from './km-download.ts';
import { animateViewChange } from './km-transition.ts';
import type { DownloadKind } from './km-download.ts';

interface Payload {
  readonly ticks: readonly number[];
  readonly reconstructed: boolean;
  readonly views: readonly KmData[];
}

interface ViewEntry {
  readonly data: KmData;
  readonly section: HTMLElement;
  readonly wrap: HTMLElement;
  readonly title: string;
  readonly description: string;
  svg: SVGSVGElement | null;
  layout: KmLayout | null;
  /** Width the current SVG was drawn at (0 = the server's drawing). */
  width: number;
  stops: number[];
}

const STATE_ATTRIBUTES = ['grouping', 'endpoint', ...LAYER_KEYS, 'highlight'] as const;
const LAYER_NAMES: Readonly<Record<LayerKey, string>> = {
  ci: 'Confidence bands',
  censor: 'Censoring marks',
  median: 'Median lines',
  ensemble: 'Reconstruction range',
};

/** Runs `fn` after the next frame has been produced. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

const idle: (fn: () => void) => void =
  typeof requestIdleCallback === 'function' ? (fn) => requestIdleCallback(fn, { timeout: 500 }) : (fn) => setTimeout(fn, 50);

export class KmFigureElement extends HTMLElement {
  static observedAttributes = [...STATE_ATTRIBUTES];

  #payload: Payload | null = null;
  #views = new Map<string, ViewEntry>();
  #state: KmState = DEFAULT_KM_STATE;
  #initial: KmState = DEFAULT_KM_STATE;
  #width = 0;
  #observer: ResizeObserver | null = null;
  #frame = 0;
  #crosshair: { view: string; index: number; t: number } | null = null;
  #live: HTMLElement | null = null;
  #urlState = false;
  /** State set through setState() before the element was connected. */
  #pending: KmState | null = null;
  /** True while an SVG is being replaced, so its focus events do not move the crosshair. */
  #redrawing = false;
  /** The running view transition (km-transition.ts), finished at once by the next change. */
  #animations: Animation[] = [];

  connectedCallback(): void {
    if (this.#payload) {
      // Moved in the document: only the window and resize wiring was undone.
      this.#connectWindow();
      return;
    }
    const script = this.querySelector('script[data-km-data]');
    if (!script?.textContent) return;
    this.#payload = JSON.parse(script.textContent) as Payload;
    this.#live = this.querySelector('[data-km-live]');
    this.#urlState = this.hasAttribute('data-url-state');

    for (const data of this.#payload.views) {
      const section = this.querySelector<HTMLElement>(`.km-view[data-view="${data.id}"]`);
      const wrap = section?.querySelector<HTMLElement>('.km-svg-wrap');
      if (!section || !wrap) continue;
      // Null for a view not shown first: its server drawing is in a <noscript>, that is text here
      // (KmFigure.astro), and it is drawn before it is shown. Its title and description are also
      // the section's heading and the figure caption's description.
      const svg = wrap.querySelector<SVGSVGElement>('svg');
      this.#views.set(data.id, {
        data,
        section,
        wrap,
        title: svg?.querySelector('title')?.textContent ?? kmTitle(data),
        description: (svg?.querySelector('desc') ?? section.querySelector('.km-description'))?.textContent ?? '',
        svg,
        layout: null,
        width: 0,
        stops: [],
      });
      this.#listen(wrap, data.id);
    }

    // Initial state: the server's, then the inputs (the browser may restore them), then our
    // attributes, then the URL. Whatever does not parse is ignored.
    let initial = DEFAULT_KM_STATE;
    try {
      initial = normaliseKmState(JSON.parse(this.dataset.initial ?? '{}') as KmStateInput);
    } catch {
      // keep the defaults
    }
    this.#initial = initial;
    let state = this.#readInputs(initial);
    state = parseKmState((key) => this.getAttribute(key), state);
    if (this.#urlState) state = parseKmState((key) => new URLSearchParams(location.search).get(key), state);
    if (this.#pending) state = this.#pending;
    this.#pending = null;

    this.querySelector('form.km-controls')?.addEventListener('change', this.#onChange);
    this.querySelector('form.km-controls')?.addEventListener('submit', (e) => e.preventDefault());
    const toolbar = this.querySelector<HTMLElement>('[data-km-toolbar]');
    if (toolbar) {
      toolbar.hidden = false;
      toolbar.addEventListener('click', this.#onDownload);
    }
    const keys = this.querySelector<HTMLElement>('.km-keys');
    if (keys) keys.hidden = false;

    this.#apply(state, { push: false, announce: false });
    this.#measure();
    this.#observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#measure());
    });
    this.#connectWindow();
    this.#drawOthersWhenIdle();
    this.dataset.ready = '';
  }

  #connectWindow(): void {
    for (const entry of this.#views.values()) this.#observer?.observe(entry.wrap);
    if (this.#urlState) window.addEventListener('popstate', this.#onPopState);
    document.addEventListener('pointerdown', this.#onDocumentPointerDown);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    window.removeEventListener('popstate', this.#onPopState);
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.#payload || value === null) return;
    const next = parseKmState((key) => (key === name ? value : null), this.#state);
    this.#apply(next, { push: false, announce: true });
  }

  /** The current state. */
  getState(): KmState {
    return this.#pending ?? this.#state;
  }

  /** Changes the state; throws `invalid grouping: foo` style errors for bad values. */
  setState(input: KmStateInput): KmState {
    const next = normaliseKmState(input, this.#pending ?? this.#state);
    // Before the element is connected the state is kept and applied on connection.
    if (!this.#payload) this.#pending = next;
    else this.#apply(next, { push: false, announce: true });
    return next;
  }

  /* State --------------------------------------------------------------------------------- */

  #readInputs(base: KmState): KmState {
    return parseKmState((key) => {
      const inputs = this.querySelectorAll<HTMLInputElement>(`form.km-controls input[data-km="${key}"]`);
      if (!inputs.length) return null;
      if (inputs[0].type === 'checkbox') return inputs[0].checked ? '1' : '0';
      for (const input of inputs) if (input.checked) return input.value;
      return null;
    }, base);
  }

  #writeInputs(state: KmState): void {
    for (const input of this.querySelectorAll<HTMLInputElement>('form.km-controls input[data-km]')) {
      const key = input.dataset.km as keyof KmState;
      const want = input.type === 'checkbox' ? state[key] === true : state[key] === input.value;
      if (input.checked !== want) input.checked = want;
    }
  }

  #onChange = (): void => {
    this.#apply(this.#readInputs(this.#state), { push: true, announce: true });
  };

  #onPopState = (): void => {
    const params = new URLSearchParams(location.search);
    this.#apply(parseKmState((key) => params.get(key), this.#initial), { push: false, announce: true });
  };

  #apply(next: KmState, { push, announce }: { push: boolean; announce: boolean }): void {
    const prev = this.#state;
    const first = this.dataset.js === undefined;
    this.#state = next;
    this.#writeInputs(next);
    if (next.highlight) this.dataset.highlight = next.highlight;
    else delete this.dataset.highlight;
    // The stylesheet shows the view and layers from these (cheaper to restyle than :has()).
    this.dataset.view = `${next.grouping}-${next.endpoint}`;
    for (const key of LAYER_KEYS) this.dataset[key] = next[key] ? '1' : '0';
    this.dataset.js = '';
    const viewChanged = first || prev.grouping !== next.grouping || prev.endpoint !== next.endpoint;
    if (viewChanged) {
      this.#hideCrosshair();
      const entry = this.#current();
      if (entry && this.#width && entry.width !== this.#width) this.#draw(entry);
      // A change during a transition starts from the old view's drawing, not from mid-flight.
      for (const animation of this.#animations) animation.cancel();
      this.#animations = first ? [] : animateViewChange(this.#views.get(`${prev.grouping}-${prev.endpoint}`)?.svg ?? null, entry?.svg ?? null);
    }
    if (first || sameKmState(prev, next)) return;
    this.dispatchEvent(new CustomEvent('km-statechange', { detail: next, bubbles: true }));
    // The address bar and the announcement wait until the frame is painted, so that a toggle
    // paints within one frame (history.pushState alone can take several ms). Rapid changes
    // coalesce: only the latest state is pushed and announced.
    const message = announce ? this.#describeChange(prev, next, viewChanged) : '';
    afterPaint(() => {
      if (this.#state !== next) return;
      if (push && this.#urlState) {
        const url = `${location.pathname}${kmStateToQuery(next)}${location.hash}`;
        if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState({ km: this.id }, '', url);
      }
      this.#announce(message);
    });
  }

  #describeChange(prev: KmState, next: KmState, viewChanged: boolean): string {
    const entry = this.#current();
    if (viewChanged && entry) return `Showing ${entry.title}. ${kmSummaryLine(entry.data)}.`;
    const changed = LAYER_KEYS.filter((k) => prev[k] !== next[k]).map((k) => `${LAYER_NAMES[k]} ${next[k] ? 'shown' : 'hidden'}`);
    return changed.length ? `${changed.join('. ')}.` : '';
  }

  #announce(text: string): void {
    if (this.#live && text) this.#live.textContent = text;
  }

  #current(): ViewEntry | undefined {
    return this.#views.get(`${this.#state.grouping}-${this.#state.endpoint}`);
  }

  /* Drawing ------------------------------------------------------------------------------- */

  #measure(): void {
    const entry = this.#current();
    const width = Math.floor(entry?.wrap.clientWidth ?? 0);
    if (!entry || width <= 0 || width === this.#width) return;
    this.#width = width;
    this.#draw(entry);
    this.#drawOthersWhenIdle();
  }

  #drawOthersWhenIdle(): void {
    // One view per idle period: six redraws in one callback made a long task (total blocking time).
    idle(() => {
      const entry = [...this.#views.values()].find((e) => this.#width && e.width !== this.#width);
      if (!entry) return;
      this.#draw(entry);
      this.#drawOthersWhenIdle();
    });
  }

  #draw(entry: ViewEntry): void {
    const payload = this.#payload!;
    const s = this.#state;
    const settings = normaliseKmOptions({
      width: Math.max(this.#width, 240),
      ticks: payload.ticks,
      // The element's CSS emphasises (data-highlight); the drawing carries every layer.
      ...kmOptionsFromState(s, { highlight: false }),
      allLayers: true,
      interactive: true,
      idPrefix: this.dataset.prefix || this.id || 'km',
      title: entry.title,
      description: entry.description || null,
    });
    const layout = kmLayout(entry.data, settings);
    const svg = drawKm(entry.data, settings, layout, document);
    const keys = this.querySelector('.km-keys');
    if (keys?.id) svg.setAttribute('aria-describedby', [svg.getAttribute('aria-describedby'), keys.id].filter(Boolean).join(' '));
    const hadFocus = entry.svg !== null && entry.svg === document.activeElement;
    const crosshair = this.#crosshair?.view === entry.data.id ? this.#crosshair : null;
    this.#redrawing = true;
    try {
      // The first drawing replaces the server's wide and narrow ones (or their <noscript>).
      if (entry.svg?.parentElement === entry.wrap) entry.svg.replaceWith(svg);
      else entry.wrap.replaceChildren(svg);
      entry.svg = svg;
      entry.layout = layout;
      entry.width = this.#width;
      entry.stops = crosshairStops(entry.data, layout.tMax);
      if (hadFocus) svg.focus({ preventScroll: true });
    } finally {
      this.#redrawing = false;
    }
    if (crosshair) this.#showCrosshair(entry, crosshair.t, crosshair.index);
  }

  /* Crosshair ----------------------------------------------------------------------------- */

  #listen(wrap: HTMLElement, id: string): void {
    const entry = () => this.#views.get(id)!;
    // Mouse and pen: the crosshair follows the pointer and goes when it leaves. Touch: a tap shows
    // it (a horizontal drag scrubs, see touch-action in km-figure.css) and it stays after the
    // finger lifts, until a tap outside the plot.
    wrap.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'touch') this.#pointAt(entry(), event);
    });
    wrap.addEventListener('pointermove', (event) => this.#pointAt(entry(), event));
    wrap.addEventListener('pointerleave', (event) => {
      if (event.pointerType !== 'touch' && this.#crosshair?.index === -1) this.#hideCrosshair();
    });
    wrap.addEventListener('focusin', (event) => {
      const e = entry();
      if (this.#redrawing || event.target !== e.svg || this.#crosshair?.view === id) return;
      if (e.stops.length) this.#showCrosshair(e, e.stops[0], 0);
    });
    wrap.addEventListener('focusout', (event) => {
      if (!this.#redrawing && event.target === entry().svg) this.#hideCrosshair();
    });
    wrap.addEventListener('keydown', (event) => {
      const e = entry();
      if (event.target !== e.svg || !e.stops.length || event.altKey || event.ctrlKey || event.metaKey) return;
      const last = e.stops.length - 1;
      const current = this.#crosshair?.view === id && this.#crosshair.index >= 0 ? this.#crosshair.index : -1;
      let index: number;
      switch (event.key) {
        case 'ArrowRight':
          index = current < 0 ? 0 : Math.min(last, current + 1);
          break;
        case 'ArrowLeft':
          index = current < 0 ? 0 : Math.max(0, current - 1);
          break;
        case 'Home':
          index = 0;
          break;
        case 'End':
          index = last;
          break;
        case 'Escape':
          if (this.#crosshair) {
            this.#hideCrosshair();
            this.#announce('Readout hidden.');
            event.preventDefault();
          }
          return;
        default:
          return;
      }
      event.preventDefault();
      this.#showCrosshair(e, e.stops[index], index);
      this.#announce(crosshairText(e.data, e.stops[index]));
    });
  }

  /** Shows the crosshair at the pointer's time, or hides a pointer crosshair outside the plot area. */
  #pointAt(e: ViewEntry, event: PointerEvent): void {
    if (!e.svg || !e.layout) return;
    const rect = e.svg.getBoundingClientRect();
    const k = e.layout.width / rect.width;
    const px = (event.clientX - rect.left) * k;
    const py = (event.clientY - rect.top) * k;
    const l = e.layout;
    if (px < l.plotLeft || px > l.plotRight || py < l.plotTop || py > l.plotBottom) {
      if (this.#crosshair?.index === -1) this.#hideCrosshair();
      return;
    }
    const end = e.stops[e.stops.length - 1] ?? l.tMax;
    const t = Math.max(0, Math.min(end, Math.round(l.x.invert(px) * 10) / 10));
    this.#showCrosshair(e, t, -1);
  }

  /** A tap anywhere outside the figure puts away a crosshair that a tap showed. */
  #onDocumentPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'touch' && this.#crosshair?.index === -1 && !this.contains(event.target as Node)) this.#hideCrosshair();
  };

  #showCrosshair(entry: ViewEntry, t: number, index: number): void {
    if (!entry.svg || !entry.layout) return;
    entry.svg.querySelector('.km-crosshair')?.remove();
    entry.svg.appendChild(drawCrosshair(document, entry.layout, entry.data, t));
    this.#crosshair = { view: entry.data.id, index, t };
  }

  #hideCrosshair(): void {
    if (!this.#crosshair) return;
    this.#views.get(this.#crosshair.view)?.svg?.querySelector('.km-crosshair')?.remove();
    this.#crosshair = null;
  }

  /* Downloads ----------------------------------------------------------------------------- */

  #onDownload = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-km-download]');
    const kind = button?.dataset.kmDownload as DownloadKind | undefined;
    const entry = this.#current();
    if (!button || !kind || !DOWNLOAD_KINDS.includes(kind) || !entry || !this.#payload) return;
    button.disabled = true;
    download(kind, entry.data, this.#state, this.#payload.ticks, this.#payload.reconstructed)
      .then((name) => this.#announce(`Downloaded ${name}.`))
      .catch(() => this.#announce('The download failed.'))
      .finally(() => {
        button.disabled = false;
      });
  };
}

if (!customElements.get('km-figure')) customElements.define('km-figure', KmFigureElement);

declare global {
  interface HTMLElementTagNameMap {
    'km-figure': KmFigureElement;
  }
}
