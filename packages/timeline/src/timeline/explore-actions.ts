/**
 * Where focus goes when a view is shown or the details or the keyboard map close, and bringing
 * new details into view: part of the first-contact chunk (contact.ts), run on the state the entry
 * keeps in {@link Explore}.
 *
 * @module
 */
import type { Explore } from './explore.js';
import { localeOf } from './format.js';

/** The details closed (they were about event `id`): focus goes back to the event in the view shown. */
export function detailsClosed(explore: Explore, id: string): void {
  const { host } = explore;
  if (host.view === 'table') void focusRow(explore, id);
  else if (host.view === 'sources') focusView(explore);
  else void explore.interaction.focusPosition(explore.data.model.source.positionOf(id));
}

/** The keyboard map closed: focus goes back to what opened it, else to the focused event. */
export function keysClosed(explore: Explore): void {
  const opener = explore.keysOpener;
  explore.keysOpener = undefined;
  void explore.host.updateComplete.then(() => {
    if (opener?.isConnected) opener.focus();
    else if (explore.view.focusedId !== null)
      void explore.interaction.focusPosition(explore.data.model.source.positionOf(explore.view.focusedId));
  });
}

/**
 * Scrolls the table to event `id`'s row, on its page (a table of millions of rows is paged), and
 * focuses its button once the rows around it are read (a database's) and drawn.
 */
async function focusRow(explore: Explore, id: string): Promise<void> {
  const { host, table } = explore;
  const { source, dataset } = explore.data.model;
  const row = table ? table.rowOf(source, dataset.lanes, localeOf(host, host.locale), id) : -1;
  const box = host.renderRoot.querySelector<HTMLElement>('.table-scroll');
  if (!box || !table || row < 0) return;
  const button = () => host.renderRoot.querySelector<HTMLButtonElement>(`tr[data-id="${CSS.escape(id)}"] button`);
  if (!button()) {
    await table.showRow(row, box);
    await table.settled;
  }
  (button() ?? box).focus();
}

/** Focus into the view shown now (its selected or focused event, else the view itself). */
function focusView(explore: Explore): void {
  const { host, view } = explore;
  const root = host.renderRoot;
  const id = view.selectedId ?? view.focusedId;
  if (host.view === 'sources') {
    const box = root.querySelector<HTMLElement>('.sources-view');
    if (!box) return; // not loaded yet: the next update tries again
    explore.focusToView = false;
    (box.querySelector<HTMLElement>(`.reveal[data-id="${CSS.escape(id ?? '')}"]`) ?? box).focus();
  } else if (host.view === 'table') {
    const box = root.querySelector<HTMLElement>('.table-scroll');
    if (!box) return; // not loaded yet: the next update tries again
    explore.focusToView = false;
    if (id === null) box.focus();
    else void focusRow(explore, id);
  } else {
    explore.focusToView = false;
    if (id === null) root.querySelector<SVGElement>('svg[role="group"]')?.focus();
    else void explore.interaction.focusPosition(explore.data.model.source.positionOf(id));
  }
}

/** After an update: focus into a view just shown, open the keyboard map, bring new details into view. */
export function afterExploreUpdate(explore: Explore): void {
  const { host } = explore;
  if (explore.focusToView) focusView(explore);
  const dialog = host.renderRoot.querySelector<HTMLDialogElement>('dialog.keys');
  if (dialog && !dialog.open) dialog.showModal();
  const selected = explore.view.selectedId;
  // Only a selection the reader made in here (focus is inside) brings the details into view: a
  // page or a story selecting from outside keeps its own scroll position (a story's deep link
  // otherwise opened with the page scrolled past the story's heading).
  if (selected !== null && selected !== explore.lastSelected && host.matches(':focus-within')) {
    const details = host.renderRoot.querySelector<HTMLElement>('[part~="details"]');
    // Not drawn yet (the details load as a chunk on the first selection): after the next update.
    if (!details) return;
    const box = details.getBoundingClientRect();
    // In a tall timeline the details sit far below the event: bring them into view, or a click
    // seems to do nothing. "nearest" leaves them alone when they are already in view.
    if (box.top >= window.innerHeight || box.bottom <= 0) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      details.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    }
  }
  explore.lastSelected = selected;
}
