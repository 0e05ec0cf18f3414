/**
 * The one client entry of /journal-club/: a small loader for the power lab and the KM sandbox (the
 * presenter has its own page, /journal-club/presenter/, which loads jc-presenter.ts). Each tool is
 * server-rendered and readable without JavaScript; its custom element's code (the statistics core
 * and chart renderer) is fetched with a dynamic import only when the tool is about to be seen
 * (200 px below the viewport) or used (focus or pointer inside it), so the page's first load stays
 * small. One entry bundle (not one script per component) so that Astro never inlines a small one
 * into the HTML: every script stays an external file, as a strict Content Security Policy requires.
 */
const TOOLS: Readonly<Record<string, () => Promise<unknown>>> = {
  'jc-power-lab': () => import('./jc-power-lab.ts'),
  'jc-km-sandbox': () => import('./jc-km-sandbox.ts'),
};

/** How far below the viewport a tool starts loading: a little ahead of the reader, not a screen. */
const AHEAD = '0px 0px 200px 0px';

function whenNeeded(el: HTMLElement, load: () => void): void {
  let done = false;
  const cleanup: (() => void)[] = [];
  const go = () => {
    if (done) return;
    done = true;
    for (const f of cleanup) f();
    load();
  };
  for (const type of ['focusin', 'pointerdown'] as const) {
    el.addEventListener(type, go, { once: true });
    cleanup.push(() => el.removeEventListener(type, go));
  }
  if (!('IntersectionObserver' in window)) return go();
  const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: AHEAD });
  io.observe(el);
  cleanup.push(() => io.disconnect());
}

for (const [tag, load] of Object.entries(TOOLS)) {
  const el = document.querySelector<HTMLElement>(tag);
  if (!el) continue;
  whenNeeded(el, () => {
    load().catch((err: unknown) => console.error(`${tag}: could not load its script`, err));
  });
}
