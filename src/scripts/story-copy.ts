/**
 * `<copy-button data-target="id">`: copies the text of the element with that id to the clipboard.
 * The button is server-rendered hidden and shown only when the Clipboard API is available, so the
 * page never offers a button that cannot work; the text itself is always selectable.
 */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    if (!navigator.clipboard?.writeText) return;
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('.copy-status');
    if (!button) return;
    this.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(this.dataset.target ?? '');
      if (!target) return;
      try {
        // What the reader sees (innerText: the markup's line breaks and indentation collapsed, a
        // <pre>'s lines kept), without the whitespace around it, so a pasted citation starts and
        // ends with its first and last character.
        await navigator.clipboard.writeText(copyText(target));
        if (status) status.textContent = 'Copied';
      } catch {
        if (status) status.textContent = 'Copy failed: select the text instead';
      }
      window.setTimeout(() => {
        if (status) status.textContent = '';
      }, 2500);
    });
  }
}

if (!customElements.get('copy-button')) customElements.define('copy-button', CopyButton);

/** The text a copy button puts on the clipboard for `target`. */
export function copyText(target: HTMLElement): string {
  return target.innerText.trim();
}
