/**
 * Figures drawn on demand: the story's inline copies of the figure (one per step, for phones,
 * reduced motion and print) are served inside `<noscript>` in a box of their final size
 * (`[data-deferred-figure]`, aspect-ratio from the drawing). Without JavaScript the browser shows
 * them as they are; with it, the `<noscript>` is one text node, so the page starts with a small
 * DOM, and each figure is put in place when its box comes near the viewport, or before printing.
 * Boxes that are not displayed (the wide screen's sticky figure replaces them) never are.
 */
const SELECTOR = '[data-deferred-figure]';

function place(box: Element): void {
  const source = box.querySelector(':scope > noscript');
  if (!source) return;
  // With scripting on, a <noscript>'s content is its text: the figure's markup, written at build time.
  box.innerHTML = source.textContent ?? '';
  box.removeAttribute('data-deferred-figure');
}

function placeAll(): void {
  for (const box of document.querySelectorAll(SELECTOR)) place(box);
}

function start(): void {
  const boxes = [...document.querySelectorAll(SELECTOR)];
  if (!boxes.length) return;
  if (!('IntersectionObserver' in window)) {
    placeAll();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        place(e.target);
      }
    },
    { rootMargin: '100% 0px' },
  );
  for (const box of boxes) observer.observe(box);
  window.addEventListener('beforeprint', placeAll);
  const print = window.matchMedia('print');
  if (print.matches) placeAll();
  print.addEventListener('change', (m) => {
    if (m.matches) placeAll();
  });
}

start();
