/**
 * The table view (`view="table"`): every event as a row of a real `<table>` (caption, header
 * cells, `aria-sort`), sortable by date, title and lane, sharing the selection with the chart.
 * Only the rows in view are rendered (a fixed row height and two spacer rows), so the DOM stays
 * the same size at 100,000 events. The date order is the source's display order (`at`); the title
 * and lane orders are built lazily, once per data change and locale, with `Intl.Collator`.
 *
 * A table of millions of rows (a database) is paged: one scroll box holds {@link PAGE_ROWS} rows,
 * and a pager below it turns the pages. Over a source that does not hold every event (one with
 * `load`, a database) the rows in view are read as they come into view, shown as loading until
 * they arrive, and only the date order is offered (sorting millions of rows by title is the
 * database's work, not the page's).
 *
 * @module
 */
import { formatDateRange, type Lane, type TimelineSource } from '@reeltime/core';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { DataController } from '../data-controller.js';
import type { Explore } from '../explore.js';
import { LANE_WORDS, TABLE_WORDS } from '../../i18n/part-words.js';
import type { RenderContext } from './context.js';

export { tableStyles as styles } from './table.styles.js';

/** The table's words (English; added to the table of words when this chunk arrives). */
export const words = { ...TABLE_WORDS, ...LANE_WORDS };

/** Columns the table sorts by. */
export const TABLE_SORTS = ['date', 'title', 'lane'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** Height of a row in CSS pixels (fixed, so the rows in view follow from the scroll offset). */
export const TABLE_ROW = 32;
/** Rows rendered: enough to fill the scroll box (at most 420 px high) with a margin each side. */
const ROWS_RENDERED = 24;
const OVERSCAN = 4;
/**
 * Rows in one page: a scroll box of 250,000 rows is 8,000,000 px high, within what a browser lays
 * out (Chromium stops at about 33 million px; 1M rows would be 32 million).
 */
export const PAGE_ROWS = 250_000;
/** A source with `load` is asked for blocks of this many positions around the rows in view. */
const LOAD_ROWS = 200;

/** A load on its way: positions `[lo, hi)` of `source`, its block's key, and how to abort it. */
interface Read {
  readonly source: TimelineSource;
  readonly lo: number;
  readonly hi: number;
  readonly key: string;
  readonly controller: AbortController;
}

/** The table's sort, scroll position and orders, kept beside the host so it only wires them. */
export class TableController {
  sort: TableSort = 'date';
  descending = false;
  /** The first row of the page shown (a multiple of {@link PAGE_ROWS}). */
  offset = 0;
  /** The first row in view (from the scroll offset and the page), counted from the table's first row. */
  firstRow = 0;
  /** The first row rendered (set by {@link update}, for the render to read). */
  first = 0;
  /** The row after the last rendered (set by {@link update}). */
  last = 0;
  /** The row after the page shown (set by {@link update}). */
  pageEnd = 0;
  readonly #host: ReactiveControllerHost;
  #source: TimelineSource | undefined;
  #locale: string | undefined;
  readonly #orders = new Map<TableSort, Uint32Array>();
  /** Loads on their way (each with what it reads), and the last block asked and of which source (not asked twice). */
  readonly #loads = new Map<Promise<void>, Read>();
  #loadSource: TimelineSource | undefined;
  #asked = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Sorts by `column`; the sorted column again reverses the direction. */
  sortBy(column: TableSort): void {
    if (this.sort === column) this.descending = !this.descending;
    else {
      this.sort = column;
      this.descending = false;
    }
    this.#host.requestUpdate();
  }

  /** Notes the scroll offset within the page; updates only when another row comes first. */
  scrolled(scrollTop: number): void {
    const first = this.offset + Math.max(0, Math.floor(scrollTop / TABLE_ROW));
    if (first === this.firstRow) return;
    this.firstRow = first;
    this.#host.requestUpdate();
  }

  /** Shows the page holding row `row`, that row first in view; returns the scroll offset that puts it there. */
  pageTo(row: number): number {
    this.offset = Math.floor(Math.max(0, row) / PAGE_ROWS) * PAGE_ROWS;
    this.firstRow = row;
    this.#host.requestUpdate();
    return (row - this.offset) * TABLE_ROW;
  }

  /** {@link pageTo}, then scrolls `box` (the table's scroll box) there once the page is drawn. */
  async showRow(row: number, box: HTMLElement): Promise<void> {
    const top = this.pageTo(row);
    // Scrolled after the update: the page shown before may be shorter than the offset (the last page).
    await this.#host.updateComplete;
    box.scrollTop = top;
  }

  /**
   * The table's update step, before each render of it (the element's `willUpdate`), so that the
   * render only reads: fits the page to the data, keeps the date order over a source that reads its
   * rows as they come into view, works out the rows to render and starts reading those not known.
   */
  update(source: TimelineSource, onFailure: (error: unknown) => void): void {
    const size = source.size;
    // Over a source that reads its rows as they come into view, the date order is the only one.
    if (source.load) this.sort = 'date';
    // The page may hold no rows any more (the data changed): the last page then.
    const offset = (this.offset = Math.min(this.offset, Math.floor(Math.max(0, size - 1) / PAGE_ROWS) * PAGE_ROWS));
    const pageEnd = (this.pageEnd = Math.min(size, offset + PAGE_ROWS));
    this.first = Math.max(offset, Math.min(this.firstRow - OVERSCAN, pageEnd - ROWS_RENDERED));
    this.last = Math.min(pageEnd, this.first + ROWS_RENDERED);
    this.#read(source, this.first, this.last, onFailure);
  }

  /**
   * Reads rows `[first, last)` from a source with `load` when some of them are not known: a block
   * around them, each block asked once while it is the last asked (a failure is reported and not
   * asked again until the rows in view change). Their arrival draws them. A read none of whose
   * rows are in view any more (scrolled or paged past, or of other data) is aborted: the rows it
   * read are kept, and its block is asked again when it comes back into view.
   */
  #read(source: TimelineSource, first: number, last: number, onFailure: (error: unknown) => void): void {
    const size = source.size;
    const from = this.descending ? size - last : first;
    const to = this.descending ? size - first : last;
    for (const read of this.#loads.values())
      if (!read.controller.signal.aborted && (read.source !== source || read.hi <= from || read.lo >= to)) {
        read.controller.abort();
        if (read.source === this.#loadSource && read.key === this.#asked) this.#asked = '';
      }
    if (!source.load) return;
    let missing = false;
    for (let position = from; position < to && !missing; position++) missing = !source.at(position);
    if (!missing) return;
    const lo = Math.floor(from / LOAD_ROWS) * LOAD_ROWS;
    const hi = Math.min(size, Math.ceil(to / LOAD_ROWS) * LOAD_ROWS);
    const key = `${lo}:${hi}`;
    if (source === this.#loadSource && key === this.#asked) return;
    this.#loadSource = source;
    this.#asked = key;
    const controller = new AbortController();
    const load: Promise<void> = source
      .load(lo, hi - lo, { signal: controller.signal })
      .then(
        () => this.#host.requestUpdate(),
        // An aborted read was not wanted: however it ended, nothing to report.
        (error: unknown) => {
          if (!controller.signal.aborted) onFailure(error);
        },
      )
      .finally(() => this.#loads.delete(load));
    this.#loads.set(load, { source, lo, hi, key, controller });
  }

  /** Settles when the rows asked for have arrived and are drawn (none on their way). */
  get settled(): Promise<void> {
    if (!this.#loads.size) return Promise.resolve();
    return Promise.all(this.#loads.keys())
      .then(() => this.#host.updateComplete)
      .then(() => this.settled);
  }

  /** The display position of the event shown in row `row` under the current sort. */
  positionAt(source: TimelineSource, lanes: readonly Lane[], locale: string | undefined, row: number): number {
    const index = this.descending ? source.size - 1 - row : row;
    if (this.sort === 'date') return index;
    return this.#order(source, lanes, locale, this.sort)[index] ?? -1;
  }

  /** The row showing event `id` under the current sort, or -1. */
  rowOf(source: TimelineSource, lanes: readonly Lane[], locale: string | undefined, id: string): number {
    const position = source.positionOf(id);
    if (position < 0) return -1;
    const index = this.sort === 'date' ? position : this.#order(source, lanes, locale, this.sort).indexOf(position);
    return index < 0 ? -1 : this.descending ? source.size - 1 - index : index;
  }

  /** Display positions in title or lane order (stable: date order within equal keys), built once. */
  #order(source: TimelineSource, lanes: readonly Lane[], locale: string | undefined, sort: TableSort): Uint32Array {
    if (source !== this.#source || locale !== this.#locale) {
      this.#orders.clear();
      this.#source = source;
      this.#locale = locale;
    }
    let order = this.#orders.get(sort);
    if (order) return order;
    const n = source.size;
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    if (sort === 'lane') {
      // Few lanes: rank the lanes once, then a counting sort keeps date order within each lane.
      const ranked = [...lanes].sort((a, b) => collator.compare(a.label, b.label) || a.index - b.index);
      const rank = new Map(ranked.map((lane, i) => [lane.id, i]));
      const ranks = new Uint32Array(n);
      const counts = new Uint32Array(ranked.length + 1);
      for (let i = 0; i < n; i++) {
        const r = rank.get(source.at(i)!.lane) ?? 0;
        ranks[i] = r;
        counts[r + 1]!++;
      }
      for (let r = 1; r < counts.length; r++) counts[r]! += counts[r - 1]!;
      for (let i = 0; i < n; i++) order[counts[ranks[i]!]!++] = i;
    } else {
      const titles = Array.from({ length: n }, (_, i) => source.at(i)!.title);
      order.sort((a, b) => collator.compare(titles[a]!, titles[b]!) || a - b);
    }
    this.#orders.set(sort, order);
    return order;
  }
}

/**
 * The table's update step, before render (the element's `willUpdate`, while it shows the table):
 * makes `explore`'s controller on first use and lets it work out the rows in view and start their
 * reads. Here rather than in the element, so that the entry chunk does not carry it.
 */
export function updateTable(explore: Explore, host: ReactiveControllerHost, data: DataController): void {
  (explore.table ??= new TableController(host)).update(data.model.source, (error) => data.reportFailure(error));
}

/*
 * The scroll box is a tab stop of its own: Tab through the rendered rows ends where the rendering
 * does, so the arrow and page keys on the box are how a keyboard reaches every row.
 */

/** What the table needs besides the render context. */
export interface TableInput {
  readonly table: TableController;
  /** The chart's name (the caption says whose events these are). */
  readonly name: string;
  readonly locale: string | undefined;
  /** A row's button toggles its event's selection (the details open below the table). */
  readonly explore: Explore;
}

/** The table, as `table`'s {@link TableController.update} left it for this source (it changes nothing). */
export function renderTable(ctx: RenderContext, input: TableInput) {
  const { source, dataset, msg, view } = ctx;
  const { table, locale } = input;
  const { offset, pageEnd, first, last } = table;
  const size = source.size;
  const lanes = dataset.lanes;
  const laneById = new Map(lanes.map((lane) => [lane.id, lane]));
  const paged = source.load !== undefined;
  const rows: number[] = [];
  for (let row = first; row < last; row++) rows.push(row);
  const column = (sort: TableSort, label: string) => {
    if (paged && sort !== 'date') return html`<th scope="col">${label}</th>`;
    const active = table.sort === sort;
    return html`<th scope="col" aria-sort=${active ? (table.descending ? 'descending' : 'ascending') : nothing}>
      <button type="button" class="sort" data-sort=${sort} @click=${() => table.sortBy(sort)}>
        ${label}<span class="arrow" aria-hidden="true">${active ? (table.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>`;
  };
  /** Turns to the page holding `row`; focus leaves a button the last page disables for the rows. */
  const turn = async (e: Event, row: number) => {
    const button = e.currentTarget as HTMLButtonElement;
    const box = button.closest('nav')!.previousElementSibling as HTMLElement;
    await table.showRow(row, box);
    if (button.disabled) box.focus();
  };
  const pager =
    size > PAGE_ROWS
      ? html`<nav class="table-pager" aria-label=${msg.text('tablePages')}>
          <button type="button" ?disabled=${offset === 0} @click=${(e: Event) => turn(e, offset - PAGE_ROWS)}>
            ${msg.text('tablePrevious')}
          </button>
          <span aria-live="polite">
            ${msg.text('tableRows', {
              from: msg.number(offset + 1),
              to: msg.number(pageEnd),
              total: msg.number(size),
            })}
          </span>
          <button type="button" ?disabled=${pageEnd >= size} @click=${(e: Event) => turn(e, offset + PAGE_ROWS)}>
            ${msg.text('tableNext')}
          </button>
        </nav>`
      : nothing;
  return html`<div
      class="table-scroll"
      part="table"
      role="region"
      aria-label=${msg.text('viewTable')}
      tabindex="0"
      @scroll=${(e: Event) => table.scrolled((e.currentTarget as HTMLElement).scrollTop)}
    >
      <table aria-rowcount=${size + 1}>
        <caption>
          ${msg.text('tableCaption', { name: input.name, events: msg.count('events', size) })}
        </caption>
        <thead>
          <tr aria-rowindex="1">
            ${column('date', msg.text('columnDate'))} ${column('title', msg.text('columnTitle'))}
            ${column('lane', msg.text('lane'))}
            <th scope="col">${msg.text('columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          ${
            first > offset
              ? html`<tr class="spacer" aria-hidden="true" style=${`height:${(first - offset) * TABLE_ROW}px`}></tr>`
              : nothing
          }
          ${rows.map((row) => {
            const event = source.at(table.positionAt(source, lanes, locale, row));
            if (!event)
              return html`<tr class="loading" aria-busy="true" aria-rowindex=${row + 2}>
                <td colspan="4">${msg.text('loading')}</td>
              </tr>`;
            const selected = view.selectedId === event.id;
            return html`<tr class=${selected ? 'selected' : ''} aria-rowindex=${row + 2} data-id=${event.id}>
              <td>${formatDateRange(event.start, event.end, ctx.dateOptions)}</td>
              <td>
                <button
                  type="button"
                  aria-pressed=${selected ? 'true' : 'false'}
                  @click=${() => {
                    const { host, view } = input.explore;
                    host.select(view.selectedId === event.id ? null : event.id);
                  }}
                >
                  ${event.title}
                </button>
              </td>
              <td>${laneById.get(event.lane)?.label || msg.table.laneFallback}</td>
              <td>${event.status ? msg.table.status[event.status] : ''}</td>
            </tr>`;
          })}
          ${
            last < pageEnd
              ? html`<tr class="spacer" aria-hidden="true" style=${`height:${(pageEnd - last) * TABLE_ROW}px`}></tr>`
              : nothing
          }
        </tbody>
      </table>
    </div>
    ${pager}`;
}
