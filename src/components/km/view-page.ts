/**
 * The pages of one Kaplan–Meier view (/explore/embed/<view>/ and /explore/data/<view>/): their
 * paths, and the view, its title and its link back to the explorer.
 */
import { kmTitle } from '../../charts/km-summary.ts';
import { views } from '../../lib/generated.ts';
import type { SurvivalView } from '../../analysis/site-data.ts';
import { href } from '../../lib/paths.ts';

/** One page per view of the figure. */
export function viewPaths(): { params: { view: string } }[] {
  return views.map((v) => ({ params: { view: v.id } }));
}

/** The view a page shows, its title and the explorer's address for it. */
export function viewPage(id: string | undefined): { readonly view: SurvivalView; readonly title: string; readonly explore: string } {
  const view = views.find((v) => v.id === id);
  if (!view) throw new Error(`no view ${JSON.stringify(id)}`);
  return { view, title: kmTitle(view), explore: href(`explore/?grouping=${view.grouping}&endpoint=${view.endpoint}`) };
}
