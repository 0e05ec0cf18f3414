// Offline use of the site: registers the service worker generated at build time (sw.js, next to
// this file at the root of the site's base path) and reports in [data-offline-status] whether the
// whole site is saved on this device. An external module on purpose: no inline script is needed,
// so a strict Content Security Policy can forbid them.
const base = new URL('./', import.meta.url);
const statusEl = document.querySelector('[data-offline-status]');

function say(text, state) {
  if (!statusEl) return;
  statusEl.textContent = text;
  statusEl.dataset.state = state;
}

async function report(registration) {
  const worker = registration.active;
  if (!worker) return;
  const answer = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 3000);
    navigator.serviceWorker.addEventListener('message', function onMessage(event) {
      if (event.data && event.data.version) {
        clearTimeout(timer);
        navigator.serviceWorker.removeEventListener('message', onMessage);
        resolve(event.data);
      }
    });
    worker.postMessage('version');
  });
  if (answer) {
    // The copy's identifier stays out of the sentence (it means nothing to a reader); tests read it here.
    statusEl.dataset.copy = answer.version;
    say(`Saved on this device for offline use: ${answer.files} pages and files. You can present without a network.`, 'ready');
  } else {
    say('Saved on this device for offline use.', 'ready');
  }
}

if (!('serviceWorker' in navigator)) {
  say('This browser cannot keep the site for offline use (a private window, or a browser set up not to allow it). Print the handout instead.', 'unsupported');
} else {
  say('Saving the site on this device for offline use…', 'saving');
  navigator.serviceWorker
    .register(new URL('sw.js', base), { scope: base.pathname })
    .then((registration) => {
      // Check for a new version at every visit, so that an update that failed last time (a file
      // missing while the site was being deployed) is tried again.
      registration.update().catch(() => {});
      return navigator.serviceWorker.ready;
    })
    .then(report)
    .catch(() => say('The site could not be saved for offline use in this browser. Print the handout instead.', 'failed'));
}
