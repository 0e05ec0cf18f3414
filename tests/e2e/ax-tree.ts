/**
 * Chromium's accessibility tree of a page (CDP `Accessibility.getFullAXTree` through playwright-core),
 * with helpers to walk it: what a screen reader is given, rather than the markup
 * (tests/e2e/a11y-tree.e2e.ts, drop-in.e2e.ts).
 */
import type { Page } from 'playwright-core';

export interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
}

/** Chromium's accessibility tree of the page, with helpers to walk it. */
export async function axTree(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n: AxNode) => n.role?.value ?? '';
  const name = (n: AxNode) => n.name?.value ?? '';
  /** Descendants that are not ignored, in tree order. */
  const descendants = (n: AxNode): AxNode[] =>
    (n.childIds ?? []).flatMap((id) => {
      const c = byId.get(id);
      if (!c) return [];
      return c.ignored ? descendants(c) : [c, ...descendants(c)];
    });
  const all = nodes.filter((n) => !n.ignored);
  const prop = (n: AxNode, key: string) => n.properties?.find((p) => p.name === key)?.value.value;
  /** A table as the screen reader sees it: rows of [role, name] cells. */
  const table = (t: AxNode) =>
    descendants(t)
      .filter((r) => role(r) === 'row')
      .map((r) =>
        descendants(r)
          .filter((c) => ['columnheader', 'rowheader', 'cell', 'gridcell'].includes(role(c)))
          .map((c) => ({ role: role(c), name: name(c).trim() })),
      );
  return { all, role, name, descendants, prop, table };
}

