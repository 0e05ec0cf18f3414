/**
 * `<jc-presenter>`: turns the server-rendered slide list into a deck. Speaker notes are off by
 * default and never shown full screen (the projector view). "Open speaker view" opens this page
 * again with `?presenter` in a second window: notes, a timer and the next slide's title; the two
 * windows follow each other's slide through a BroadcastChannel (same origin, no network). Keys are handled on the
 * deck element only (← → Page Up/Down Home End, Escape), never page-wide. Full screen uses the
 * Fullscreen API; where it is missing or refused (iOS Safari, embedded frames), a fixed overlay
 * takes its place and Escape closes it the same way.
 */
class JcPresenter extends HTMLElement {
  private index = 0;
  private slides: HTMLElement[] = [];
  private deck!: HTMLElement;
  /** Elements made inert while the overlay covers the page (the fallback's focus containment). */
  private inerted: HTMLElement[] = [];
  private channel: BroadcastChannel | null = null;
  private timer = 0;
  private started = Date.now();
  /** True in the speaker window (`?presenter`). */
  private readonly speaker = new URLSearchParams(location.search).has('presenter');

  connectedCallback(): void {
    this.deck = this.querySelector<HTMLElement>('[data-part="deck"]')!;
    this.slides = [...this.querySelectorAll<HTMLElement>('.jc-slide')];
    this.querySelector<HTMLElement>('[data-part="bar"]')?.removeAttribute('hidden');
    this.deck.addEventListener('keydown', this.onKey);
    this.addEventListener('click', this.onClick);
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel('jc-presenter');
      this.channel.onmessage = (ev: MessageEvent<{ slide?: number }>) => {
        if (typeof ev.data?.slide === 'number' && ev.data.slide !== this.index) this.show(ev.data.slide, false);
      };
    } else {
      this.querySelector<HTMLElement>('[data-part="speaker"]')?.setAttribute('hidden', '');
    }
    if (this.speaker) {
      this.deck.classList.add('is-speaker');
      this.querySelector<HTMLElement>('[data-part="speaker-panel"]')?.removeAttribute('hidden');
      this.querySelector<HTMLElement>('[data-part="speaker"]')?.setAttribute('hidden', '');
      this.timer = window.setInterval(() => this.tick(), 1000);
    }
    const fromHash = this.slides.findIndex((s) => `#${s.id}` === location.hash);
    this.show(fromHash >= 0 ? fromHash : 0, false);
    this.dataset.ready = 'true';
  }

  private tick(): void {
    const seconds = Math.floor((Date.now() - this.started) / 1000);
    const out = this.querySelector('[data-part="timer"]');
    if (out) out.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  }

  disconnectedCallback(): void {
    this.deck.removeEventListener('keydown', this.onKey);
    this.removeEventListener('click', this.onClick);
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    this.channel?.close();
    window.clearInterval(this.timer);
  }

  /** True while presenting (native full screen or the overlay). */
  get presenting(): boolean {
    return document.fullscreenElement === this.deck || this.deck.classList.contains('is-overlay');
  }

  /** Shows slide `i`; `tell` passes it on to the other window (projector ⇄ speaker view). */
  show(i: number, tell = true): void {
    this.index = Math.max(0, Math.min(this.slides.length - 1, i));
    if (tell) this.channel?.postMessage({ slide: this.index });
    const next = this.slides[this.index + 1]?.querySelector('.jc-slide-title')?.textContent ?? 'end of the slides';
    const nextOut = this.querySelector('[data-part="next"]');
    if (nextOut) nextOut.textContent = next;
    this.slides.forEach((s, k) => {
      if (k === this.index) s.setAttribute('data-current', '');
      else s.removeAttribute('data-current');
    });
    const title = this.slides[this.index].querySelector('.jc-slide-title')?.textContent ?? '';
    const count = this.querySelector('[data-part="count"]');
    if (count) count.textContent = `Slide ${this.index + 1} of ${this.slides.length}: ${title}`;
    const prevButton = this.querySelector<HTMLButtonElement>('[data-action="prev"]');
    const nextButton = this.querySelector<HTMLButtonElement>('[data-action="next"]');
    // aria-disabled keeps the buttons focusable, so focus never falls to <body> at the ends.
    prevButton?.setAttribute('aria-disabled', String(this.index === 0));
    nextButton?.setAttribute('aria-disabled', String(this.index === this.slides.length - 1));
    this.dataset.slide = String(this.index);
  }

  private onKey = (ev: KeyboardEvent): void => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const target = ev.target as HTMLElement;
    if (target.matches('input, select, textarea, [contenteditable]')) return;
    let handled = true;
    switch (ev.key) {
      case 'ArrowRight':
      case 'PageDown':
        this.show(this.index + 1);
        break;
      case 'ArrowLeft':
      case 'PageUp':
        this.show(this.index - 1);
        break;
      case 'Home':
        this.show(0);
        break;
      case 'End':
        this.show(this.slides.length - 1);
        break;
      case 'Escape':
        handled = this.presenting;
        if (handled) void this.exit();
        break;
      default:
        handled = false;
    }
    if (handled) ev.preventDefault();
  };

  private onClick = (ev: Event): void => {
    const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    switch (button.dataset.action) {
      case 'prev':
        this.show(this.index - 1);
        break;
      case 'next':
        this.show(this.index + 1);
        break;
      case 'notes': {
        const on = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', String(on));
        this.deck.classList.toggle('notes-on', on);
        break;
      }
      case 'speaker': {
        const url = new URL(location.href);
        url.searchParams.set('presenter', '');
        url.hash = this.slides[this.index].id;
        window.open(url.href, 'jc-speaker-view', 'popup,width=900,height=700');
        break;
      }
      case 'timer-reset':
        this.started = Date.now();
        this.tick();
        break;
      case 'fullscreen':
        void (this.presenting ? this.exit() : this.enter());
        break;
    }
  };

  async enter(): Promise<void> {
    try {
      if (!document.fullscreenEnabled || !this.deck.requestFullscreen) throw new Error('no Fullscreen API');
      await this.deck.requestFullscreen();
    } catch {
      this.deck.classList.add('is-overlay');
      document.documentElement.classList.add('jc-presenting');
      this.setInert(true);
      this.sync();
    }
    this.deck.focus();
  }

  async exit(): Promise<void> {
    if (document.fullscreenElement === this.deck) {
      await document.exitFullscreen().catch(() => undefined);
    }
    this.deck.classList.remove('is-overlay');
    document.documentElement.classList.remove('jc-presenting');
    this.setInert(false);
    this.sync();
    this.deck.focus();
  }

  /** Makes everything outside the deck inert (or undoes it): siblings of the deck and of each ancestor. */
  private setInert(on: boolean): void {
    if (!on) {
      for (const el of this.inerted) el.inert = false;
      this.inerted = [];
      return;
    }
    for (let node: HTMLElement | null = this.deck; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement?.children ?? []) {
        if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
          sibling.inert = true;
          this.inerted.push(sibling);
        }
      }
    }
  }

  private onFullscreenChange = (): void => this.sync();

  private sync(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-part="fullscreen"]');
    if (button) button.textContent = this.presenting ? 'Exit full screen' : 'Full screen';
    this.dataset.presenting = String(this.presenting);
  }
}

if (!customElements.get('jc-presenter')) customElements.define('jc-presenter', JcPresenter);

export {};
