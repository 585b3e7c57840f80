/**
 * Exploring (issue 13): the keyboard map, the view toggle's focus, the table's rows and the
 * details' place. Where focus goes when a view is shown or the details or the keyboard map close,
 * and bringing new details into view. The element calls it at fixed points of its update.
 *
 * @module
 */
import type { DataController } from './data-controller.js';
import { localeOf } from './format.js';
import type { Interaction } from './interaction.js';
import type { TableController } from './render/table.js';
import type { ReelTimeline } from './timeline.js';
import type { ViewState } from './view-state.js';

export class Explore {
  /** Whether the keyboard map is open. */
  keysOpen = false;
  /** The table view's controller, made before the table is first drawn (`updateTable` in `render/table.ts`). */
  table: TableController | undefined;
  readonly #host: ReelTimeline;
  readonly #view: ViewState;
  readonly #data: DataController;
  readonly #interaction: Interaction;
  /** What had focus when the keyboard map opened (focus goes back there). */
  #keysOpener: HTMLElement | SVGElement | undefined;
  /** The selection at the last update (opening the details scrolls them into view). */
  #lastSelected: string | null = null;
  /** Focus was in the view that was just hidden: it goes to the other one once that is drawn. */
  #focusToView = false;

  constructor(host: ReelTimeline, view: ViewState, data: DataController, interaction: Interaction) {
    this.#host = host;
    this.#view = view;
    this.#data = data;
    this.#interaction = interaction;
  }

  /** Before an update that changes `view`: focus in the view being hidden goes to the new one. */
  viewChanged(): void {
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    if (active?.closest('.plot, .table-scroll, .sources-view')) this.#focusToView = true;
  }

  /** Shows the keyboard map (a modal dialog); closing it gives focus back to what had it. */
  showKeys(): void {
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    this.#keysOpener = active instanceof HTMLElement || active instanceof SVGElement ? active : undefined;
    this.#setKeysOpen(true);
  }

  /** Opens or closes the keyboard map (a new update when that changes, as a reactive state). */
  #setKeysOpen(open: boolean): void {
    if (open === this.keysOpen) return;
    this.keysOpen = open;
    this.#host.requestUpdate();
  }

  /**
   * Closes the details and gives focus back to the event they were about (never to the page):
   * its mark in the chart, its row in the table.
   */
  readonly closeDetails = (): void => {
    const id = this.#view.selectedId;
    this.#host.select(null);
    if (id === null) return;
    if (this.#host.view === 'table') void this.#focusRow(id);
    else if (this.#host.view === 'sources') this.#focusView();
    else void this.#interaction.focusPosition(this.#data.model.source.positionOf(id));
  };

  /** A button of the sources view: selects its event and shows it in the chart, focused. */
  readonly reveal = (id: string): void => {
    this.#focusToView = true;
    this.#host.view = 'chart';
    this.#host.select(id);
  };

  /** A row's button toggles its event's selection (the details open below the table). */
  readonly selectRow = (id: string): void => {
    this.#host.select(this.#view.selectedId === id ? null : id);
  };

  readonly keysClosed = (): void => {
    this.#setKeysOpen(false);
    const opener = this.#keysOpener;
    this.#keysOpener = undefined;
    void this.#host.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
      else if (this.#view.focusedId !== null)
        void this.#interaction.focusPosition(this.#data.model.source.positionOf(this.#view.focusedId));
    });
  };

  /**
   * Scrolls the table to event `id`'s row, on its page (a table of millions of rows is paged), and
   * focuses its button once the rows around it are read (a database's) and drawn.
   */
  async #focusRow(id: string): Promise<void> {
    const { source, dataset } = this.#data.model;
    const table = this.table;
    const row = table ? table.rowOf(source, dataset.lanes, localeOf(this.#host, this.#host.locale), id) : -1;
    const box = this.#host.renderRoot.querySelector<HTMLElement>('.table-scroll');
    if (!box || !table || row < 0) return;
    const button = () =>
      this.#host.renderRoot.querySelector<HTMLButtonElement>(`tr[data-id="${CSS.escape(id)}"] button`);
    if (!button()) {
      await table.showRow(row, box);
      await table.settled;
    }
    (button() ?? box).focus();
  }

  /** Focus into the view shown now (its selected or focused event, else the view itself). */
  #focusView(): void {
    const root = this.#host.renderRoot;
    const id = this.#view.selectedId ?? this.#view.focusedId;
    if (this.#host.view === 'sources') {
      const view = root.querySelector<HTMLElement>('.sources-view');
      if (!view) return; // not loaded yet: the next update tries again
      this.#focusToView = false;
      (view.querySelector<HTMLElement>(`.reveal[data-id="${CSS.escape(id ?? '')}"]`) ?? view).focus();
    } else if (this.#host.view === 'table') {
      const box = root.querySelector<HTMLElement>('.table-scroll');
      if (!box) return; // not loaded yet: the next update tries again
      this.#focusToView = false;
      if (id === null) box.focus();
      else void this.#focusRow(id);
    } else {
      this.#focusToView = false;
      if (id === null) root.querySelector<SVGElement>('svg[role="group"]')?.focus();
      else void this.#interaction.focusPosition(this.#data.model.source.positionOf(id));
    }
  }

  /** After each update: open the keyboard map, write the live region, bring new details into view. */
  afterUpdate(): void {
    if (this.#focusToView) this.#focusView();
    const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.keys');
    if (dialog && !dialog.open) dialog.showModal();
    const selected = this.#view.selectedId;
    // Only a selection the reader made in here (focus is inside) brings the details into view: a
    // page or a story selecting from outside keeps its own scroll position (a story's deep link
    // otherwise opened with the page scrolled past the story's heading).
    if (selected !== null && selected !== this.#lastSelected && this.#host.matches(':focus-within')) {
      const details = this.#host.renderRoot.querySelector<HTMLElement>('[part~="details"]');
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
    this.#lastSelected = selected;
  }
}
