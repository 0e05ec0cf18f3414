/**
 * `<audit-filter data-list="id">`: filters the server-rendered findings list of /audit/ by
 * verdict (checkboxes) and by table (a select). Without JavaScript the controls stay hidden and
 * every finding shows; with it, they appear and hide the items that do not match.
 * Items carry `data-kind` (badge kind) and `data-scope` (Table 1 … Text).
 */
class AuditFilter extends HTMLElement {
  private items: HTMLElement[] = [];
  private status: HTMLElement | null = null;

  connectedCallback(): void {
    const list = document.getElementById(this.dataset.list ?? '');
    if (!list) return;
    this.items = [...list.querySelectorAll<HTMLElement>(':scope > li[data-kind]')];
    this.status = this.querySelector<HTMLElement>('[data-status]');
    this.querySelector<HTMLElement>('[data-controls]')?.removeAttribute('hidden');
    this.addEventListener('change', this.update);
    this.update();
  }

  disconnectedCallback(): void {
    this.removeEventListener('change', this.update);
  }

  private readonly update = (): void => {
    const kinds = new Set([...this.querySelectorAll<HTMLInputElement>('input[name="kind"]:checked')].map((i) => i.value));
    const scope = this.querySelector<HTMLSelectElement>('select[name="scope"]')?.value ?? '';
    let shown = 0;
    for (const item of this.items) {
      const visible = kinds.has(item.dataset.kind ?? '') && (scope === '' || item.dataset.scope === scope);
      item.hidden = !visible;
      if (visible) shown++;
    }
    if (this.status) this.status.textContent = `Showing ${shown} of ${this.items.length} findings.`;
  };
}

if (!customElements.get('audit-filter')) customElements.define('audit-filter', AuditFilter);
