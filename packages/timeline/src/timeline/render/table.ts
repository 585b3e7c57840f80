/**
 * The table view (`view="table"`): every event as a row of a real `<table>` (caption, header
 * cells, `aria-sort`), sortable by date, title and lane, sharing the selection with the chart.
 * Only the rows in view are rendered (a fixed row height and two spacer rows), so the DOM stays
 * the same size at 100,000 events. The date order is the source's display order (`at`); the title
 * and lane orders are built lazily, once per data change and locale, with `Intl.Collator`.
 *
 * @module
 */
import { formatDateRange, type Lane, type TimelineSource } from '@reeltime/core';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { RenderContext } from './context.js';

export { tableStyles as styles } from './table.styles.js';
export { TABLE_WORDS as words } from '../../i18n/part-words.js';

/** Columns the table sorts by. */
export const TABLE_SORTS = ['date', 'title', 'lane'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** Height of a row in CSS pixels (fixed, so the rows in view follow from the scroll offset). */
export const TABLE_ROW = 32;
/** Rows rendered: enough to fill the scroll box (at most 420 px high) with a margin each side. */
const ROWS_RENDERED = 24;
const OVERSCAN = 4;

/** The table's sort, scroll position and orders, kept beside the host so it only wires them. */
export class TableController {
  sort: TableSort = 'date';
  descending = false;
  /** The first row in view (from the scroll offset). */
  firstRow = 0;
  readonly #host: ReactiveControllerHost;
  #source: TimelineSource | undefined;
  #locale: string | undefined;
  readonly #orders = new Map<TableSort, Uint32Array>();

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

  /** Notes the scroll offset; updates only when another row comes first. */
  scrolled(scrollTop: number): void {
    const first = Math.max(0, Math.floor(scrollTop / TABLE_ROW));
    if (first === this.firstRow) return;
    this.firstRow = first;
    this.#host.requestUpdate();
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
  readonly onSelect: (id: string) => void;
}

export function renderTable(ctx: RenderContext, input: TableInput) {
  const { source, dataset, msg, view } = ctx;
  const { table, locale } = input;
  const size = source.size;
  const lanes = dataset.lanes;
  const laneById = new Map(lanes.map((lane) => [lane.id, lane]));
  const first = Math.max(0, Math.min(table.firstRow - OVERSCAN, size - ROWS_RENDERED));
  const last = Math.min(size, first + ROWS_RENDERED);
  const rows: number[] = [];
  for (let row = first; row < last; row++) rows.push(row);
  const column = (sort: TableSort, label: string) => {
    const active = table.sort === sort;
    return html`<th scope="col" aria-sort=${active ? (table.descending ? 'descending' : 'ascending') : nothing}>
      <button type="button" class="sort" data-sort=${sort} @click=${() => table.sortBy(sort)}>
        ${label}<span class="arrow" aria-hidden="true">${active ? (table.descending ? '▼' : '▲') : ''}</span>
      </button>
    </th>`;
  };
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
        ${first > 0 ? html`<tr class="spacer" aria-hidden="true" style=${`height:${first * TABLE_ROW}px`}></tr>` : nothing}
        ${rows.map((row) => {
          const event = source.at(table.positionAt(source, lanes, locale, row));
          if (!event) return nothing;
          const selected = view.selectedId === event.id;
          return html`<tr class=${selected ? 'selected' : ''} aria-rowindex=${row + 2} data-id=${event.id}>
            <td>${formatDateRange(event.start, event.end, ctx.dateOptions)}</td>
            <td>
              <button
                type="button"
                aria-pressed=${selected ? 'true' : 'false'}
                @click=${() => input.onSelect(event.id)}
              >
                ${event.title}
              </button>
            </td>
            <td>${laneById.get(event.lane)?.label || msg.table.laneFallback}</td>
            <td>${event.status ? msg.table.status[event.status] : ''}</td>
          </tr>`;
        })}
        ${
          last < size
            ? html`<tr class="spacer" aria-hidden="true" style=${`height:${(size - last) * TABLE_ROW}px`}></tr>`
            : nothing
        }
      </tbody>
    </table>
  </div>`;
}
