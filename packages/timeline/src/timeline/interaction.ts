/**
 * What the pointer and the keyboard do on the plot: click to select or open a dense region, hover
 * and focus tracking, and the keys. Every change goes through the one view state; nothing here
 * draws. What only a reader in contact with the plot needs (the keyboard map's actions, the
 * tooltip, the wheel hint) is the first-contact chunk (`contact.ts`), loaded on the first pointer
 * over the plot, focus in it or key: a key that comes before it is kept and replayed when it arrives.
 *
 * @module
 */
import type { LayoutSpec, TimeCoord, TimelineSource } from '@reeltime/core';
import type * as ContactModule from './contact.js';
import type { Frame } from './frame.js';
import { MIN_VISIBLE_SPAN } from './geometry.js';
import { LazyPart } from './lazy.js';
import type { ReelTimeline } from './timeline.js';
import type { ViewState } from './view-state.js';

/**
 * The keys the keyboard map uses (keyboard.ts), known before its chunk is here: such a key is
 * prevented at once, kept, and handled when the chunk arrives. Escape is used only to clear a
 * selection.
 */
const USED_KEYS = [
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  'Enter',
  ' ',
  '+',
  '=',
  '-',
  '_',
  '0',
  '?',
];

/**
 * Whether the keyboard map would use `key` now (the chunk holding it not here yet); `queued`: keys
 * before it wait too, and one of them may select.
 */
export function usesKey(key: string, view: ViewState, queued = false): boolean {
  return key === 'Escape' ? queued || view.selectedId !== null : USED_KEYS.includes(key);
}

/** What the interaction needs from its element. */
export interface InteractionHost {
  /**
   * The element, which the first-contact chunk updates when it arrives; its methods and
   * `renderRoot` are asked of it directly (a forwarder here cost its bytes in every page's entry).
   */
  readonly element: ReelTimeline;
  readonly view: ViewState;
  readonly source: TimelineSource;
  readonly frame: Frame | undefined;
  readonly layout: LayoutSpec;
  requestUpdate(): void;
  /** Selects an event by id (`null` clears) and fires `reel-select`. */
  select(id: string | null): void;
}

/**
 * The interaction's host: `element`'s view state and methods, and what changes from update to
 * update (the source the view draws, the frame, the layout spec) read through the functions given.
 */
export function interactionHostOf(
  element: ReelTimeline,
  view: ViewState,
  source: () => TimelineSource,
  frame: () => Frame | undefined,
  layout: () => LayoutSpec,
): InteractionHost {
  return {
    element,
    view,
    get source() {
      return source();
    },
    get frame() {
      return frame();
    },
    get layout() {
      return layout();
    },
    requestUpdate: () => element.requestUpdate(),
    select: (id) => element.select(id),
  };
}

/** The plot's event listeners, bound once. */
export class Interaction {
  readonly #host: InteractionHost;
  /** The first-contact chunk: the keys' actions, the tooltip, the wheel hint. */
  readonly #contact: LazyPart<typeof ContactModule>;
  /** Keys that came before the first-contact chunk, in order, for it to handle when it arrives. */
  #early: string[] = [];
  /** A render asked for the chunk (the wheel hint): its arrival updates the host. */
  #drawWanted = false;
  /** The mark or region that had focus before an update. */
  #focused: Element | undefined;

  constructor(host: InteractionHost) {
    this.#host = host;
    this.#contact = new LazyPart(
      host.element,
      () => import('./contact.js'),
      undefined,
      () => this.#arrived(),
    );
  }

  /**
   * The first-contact chunk when it has arrived; asking starts its load (once). `draw`: a render
   * asks, to draw what the chunk draws, so its arrival updates the host.
   */
  contact(draw = false): typeof ContactModule | undefined {
    const contact = this.#contact.get();
    this.#drawWanted ||= draw && !contact;
    return contact;
  }

  /** The first-contact chunk if it has arrived, without starting its load. */
  get loaded(): typeof ContactModule | undefined {
    return this.#contact.loaded;
  }

  /** Settles when the first-contact chunk, once asked for, has arrived and replayed the early keys. */
  get ready(): Promise<void> {
    return this.#contact.ready;
  }

  readonly click = (e: MouseEvent): void => {
    const region = (e.target as Element | null)?.closest?.('[part~="density"]');
    if (region) {
      this.#openRegion(Number(region.getAttribute('data-from')), Number(region.getAttribute('data-to')));
      return;
    }
    const id = eventIdAt(e);
    if (!id) return;
    this.#host.view.focusedId = id;
    this.#host.select(id);
  };

  readonly focusIn = (e: FocusEvent): void => {
    this.contact();
    const id = eventIdAt(e);
    if (!id) return;
    this.#host.view.focusedId = id;
    this.#host.view.focusInside = true;
    // A mark focused by a click shows no tooltip: it would stay over the neighbouring rows after
    // the pointer has left. Keyboard focus (focus-visible) does show it.
    this.#host.view.focusVisible = (e.target as Element).matches(':focus-visible');
    this.#host.requestUpdate();
  };

  readonly focusOut = (): void => {
    this.#host.view.focusInside = false;
    this.#host.requestUpdate();
  };

  readonly pointerOver = (e: PointerEvent): void => {
    this.contact();
    const id = eventIdAt(e) ?? null;
    if (id === this.#host.view.hoveredId) return;
    this.#host.view.hoveredId = id;
    this.#host.requestUpdate();
  };

  readonly pointerLeave = (): void => {
    if (this.#host.view.hoveredId === null) return;
    this.#host.view.hoveredId = null;
    this.#host.requestUpdate();
  };

  readonly keydown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const contact = this.contact();
    if (contact) {
      if (contact.handleKey(this.#host, e.key)) e.preventDefault();
    } else if (usesKey(e.key, this.#host.view, this.#early.length > 0)) {
      e.preventDefault();
      this.#early.push(e.key);
    }
  };

  /** Moves focus to the event at a display position (see `key-actions.ts`), once the chunk is here. */
  focusPosition(position: number): Promise<void> {
    return this.whenContact((contact) => contact.focusPosition(this.#host, position));
  }

  /**
   * Runs `action` with the first-contact chunk: at once when it is here, else when it arrives
   * (starting its load); never, if it cannot load.
   */
  async whenContact(action: (contact: typeof ContactModule) => unknown): Promise<void> {
    const contact = this.contact() ?? (await this.#contact.ready, this.#contact.loaded);
    if (contact) await action(contact);
  }

  /**
   * The first-contact chunk arrived: the keys that came before it, in order, then an update when
   * it has something to draw (a pointer that only passed over the plot costs none).
   */
  #arrived(): void {
    const early = this.#early;
    this.#early = [];
    for (const key of early) this.#contact.loaded!.handleKey(this.#host, key);
    const { view } = this.#host;
    if (this.#drawWanted || view.hoveredId !== null || (view.focusInside && view.focusVisible))
      this.#host.requestUpdate();
    this.#drawWanted = false;
  }

  /** Before an update: notes which mark or dense region has focus. */
  rememberFocus(): void {
    const active = (this.#host.element.renderRoot as ShadowRoot).activeElement ?? null;
    this.#focused = active?.matches('[part~="event"], [part~="density"]') ? active : undefined;
  }

  /**
   * After an update: when the focused mark was not drawn again (zoomed out, it became dense),
   * focus moves to what stands for it now (`restoreFocus` in key-actions.ts), never to the page,
   * where keys would do nothing. Focus inside the plot asked for the first-contact chunk, and no key
   * or gesture acts before it arrives: it is almost always here, and the move is at once; else it
   * is made when the chunk arrives.
   */
  restoreFocus(): void {
    const lost = this.#focused;
    this.#focused = undefined;
    if (lost && !lost.isConnected) void this.whenContact((contact) => contact.restoreFocus(this.#host));
  }

  /** Zooms into a dense region's span (at least twice as close), so its events can be drawn one by one. */
  #openRegion(from: TimeCoord, to: TimeCoord): void {
    const { view } = this.#host;
    const { from: vFrom, to: vTo } = view.range;
    const span = Math.min(Math.max(to - from, MIN_VISIBLE_SPAN) * 1.5, (vTo - vFrom) / 2);
    const mid = (from + to) / 2;
    view.setRange({ from: mid - span / 2, to: mid + span / 2 });
  }
}

/** The event a DOM event happened on: its mark or its label (both carry `data-id`). */
function eventIdAt(e: Event): string | undefined {
  return (e.target as Element | null)?.closest?.('[data-id]')?.getAttribute('data-id') ?? undefined;
}
