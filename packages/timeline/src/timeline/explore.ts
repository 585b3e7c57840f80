/**
 * Exploring (issue 13): the keyboard map, the view toggle's focus, the table's rows and the
 * details' place. What must be read at once stays here: where focus was when a view is hidden or
 * the keyboard map opens, and the state the parts render from. Where focus goes afterwards, and
 * bringing new details into view, is the first-contact chunk's (`explore-actions.ts`): asked for
 * when there is such work, done when it arrives (a few milliseconds later, as a focus move after
 * an update already is). What the parts' own buttons do (close the details or the keyboard map,
 * select a table row, show a source's event in the chart) is in each part's chunk, on this state.
 *
 * @module
 */
import type { DataController } from './data-controller.js';
import type { Interaction } from './interaction.js';
import type { TableController } from './render/table.js';
import type { ReelTimeline } from './timeline.js';
import type { ViewState } from './view-state.js';

export class Explore {
  /** Whether the keyboard map is open. */
  keysOpen = false;
  /** The table view's controller, made before the table is first drawn (`updateTable` in `render/table.ts`). */
  table: TableController | undefined;
  /** What had focus when the keyboard map opened (focus goes back there). */
  keysOpener: HTMLElement | SVGElement | undefined;
  /** The selection the details were last brought into view for (see explore-actions.ts). */
  lastSelected: string | null = null;
  /** Focus was in the view that was just hidden: it goes to the other one once that is drawn. */
  focusToView = false;
  readonly host: ReelTimeline;
  readonly view: ViewState;
  readonly data: DataController;
  readonly interaction: Interaction;

  constructor(host: ReelTimeline, view: ViewState, data: DataController, interaction: Interaction) {
    this.host = host;
    this.view = view;
    this.data = data;
    this.interaction = interaction;
  }

  /** Before an update that changes `view`: focus in the view being hidden goes to the new one. */
  viewChanged(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (active?.closest('.plot, .table-scroll, .sources-view')) this.focusToView = true;
  }

  /** Shows the keyboard map (a modal dialog); closing it gives focus back to what had it. */
  showKeys(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    this.keysOpener = active instanceof HTMLElement || active instanceof SVGElement ? active : undefined;
    this.setKeysOpen(true);
  }

  /** Opens or closes the keyboard map (a new update when that changes, as a reactive state). */
  setKeysOpen(open: boolean): void {
    if (open === this.keysOpen) return;
    this.keysOpen = open;
    this.host.requestUpdate();
  }

  /**
   * After each update: when a view was shown, the keyboard map is open or the reader changed the
   * selection from inside (focus is in here), the first-contact chunk moves focus, opens the map's
   * dialog, brings new details into view (if it is not here yet, its arrival updates the host and
   * the next update does it). A selection made from outside (a page, a story) moves nothing.
   */
  afterUpdate(): void {
    const selected = this.view.selectedId;
    if (this.focusToView || this.keysOpen || (selected !== this.lastSelected && this.host.matches(':focus-within')))
      this.interaction.contact(true)?.afterExploreUpdate(this);
    else this.lastSelected = selected;
  }
}
