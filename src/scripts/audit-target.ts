/**
 * /tables/: when the page is opened on a cell (`#t2-asa-p`, from /audit/), opens that cell's
 * audit note so the explanation shows next to the highlighted number. Without JavaScript the
 * cell is still highlighted (CSS `:target`) and its note opens on click.
 */
function openTarget(): void {
  // As url-fragment.ts (not imported: a chunk shared with the story would add a request to its
  // critical chain): a malformed escape in the fragment must not throw.
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep the raw text
  }
  if (!id) return;
  const cell = document.getElementById(id);
  const details = cell?.querySelector<HTMLDetailsElement>(':scope > details.audit-badge');
  if (details) details.open = true;
}

openTarget();
window.addEventListener('hashchange', openTarget);
