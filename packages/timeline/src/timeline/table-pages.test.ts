/**
 * The table view over a source that does not hold every event (one with `load`, as a database):
 * 300,000 rows, more than one scroll box holds, in pages of 250,000 turned by a pager; the rows in
 * view read as they come into view (shown as loading until then), a read scrolled past aborted, a
 * failed read named in the notice, and focus brought to a row on another page.
 */
import {
  emptyAnswer,
  parseDataset,
  type AbortSignalLike,
  type TimelineEvent,
  type TimelineSource,
  type ViewAnswer,
  type ViewQuery,
} from '@reeltime/core';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, settle } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const SIZE = 300_000;
const START = Date.UTC(2000, 0, 1);
const MINUTE = 60_000;

/**
 * 300,000 events a minute apart, known only once loaded (as a database's rows are); loads wait for
 * the test to release them while `hold` is set. The chart is answered empty: this is about the table.
 */
class PagedSource implements TimelineSource {
  readonly dataset = { title: 'Paged', lanes: [{ id: 'a', label: 'A', index: 0 }], eras: [] };
  readonly size = SIZE;
  readonly extent = [START, START + (SIZE - 1) * MINUTE] as const;
  /** Every load asked for, its signal, and how to let it finish. */
  readonly loads: { from: number; count: number; signal: AbortSignalLike | undefined; release: () => void }[] = [];
  hold = false;
  /** A load fails with this error when set. */
  failure: Error | undefined;
  readonly #known = new Map<number, TimelineEvent>();
  readonly #byId = new Map<string, number>();

  query(query: ViewQuery): ViewAnswer {
    return emptyAnswer(query, { rows: [1], dense: [false] });
  }
  at = (position: number) => this.#known.get(position);
  positionOf = (id: string) => this.#byId.get(id) ?? -1;
  get = (id: string) => this.at(this.positionOf(id));
  subscribe = () => () => {};
  revealLevel = () => undefined;

  async load(from: number, count: number, { signal }: { readonly signal?: AbortSignalLike } = {}): Promise<void> {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.loads.push({ from, count, signal, release });
    // An abort ends a held load at once, as a database's read stops: with an AbortError, nothing read.
    signal?.addEventListener('abort', release, { once: true });
    if (this.hold) await released;
    if (signal?.aborted) throw new DOMException('The rows are no longer wanted', 'AbortError');
    if (this.failure) throw this.failure;
    const positions = Array.from({ length: Math.min(count, SIZE - from) }, (_, i) => from + i);
    const { dataset } = parseDataset({
      events: positions.map((p) => ({
        id: `e${p}`,
        title: `Event ${p}`,
        start: new Date(START + p * MINUTE).toISOString(),
        lane: 'a',
      })),
    });
    dataset.events.forEach((event, i) => {
      this.#known.set(positions[i]!, event);
      this.#byId.set(event.id, positions[i]!);
    });
  }

  /** Lets every load still waiting finish. */
  releaseAll(): void {
    for (const { release } of this.loads) release();
  }
}

const root = (el: ReelTimeline) => el.shadowRoot!;
const box = (el: ReelTimeline) => root(el).querySelector<HTMLElement>('[part~="table"]')!;
const rows = (el: ReelTimeline) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr:not(.spacer)')];
const ids = (el: ReelTimeline) => rows(el).map((row) => row.dataset['id'] ?? 'loading');
const firstIndex = (el: ReelTimeline) => Number(rows(el)[0]?.getAttribute('aria-rowindex'));
const pager = (el: ReelTimeline) => root(el).querySelector<HTMLElement>('nav.table-pager')!;
const pagerButtons = (el: ReelTimeline) => [...pager(el).querySelectorAll('button')];

async function mountPaged(source: PagedSource): Promise<ReelTimeline> {
  const el = await mount((el) => {
    el.source = source;
    el.view = 'table';
  });
  await expect.poll(() => rows(el).length, { timeout: 20_000 }).toBeGreaterThan(5);
  return el;
}

describe('the table view over a source that loads its rows', () => {
  it('shows rows as loading until read, pages next and previous, and reads the rows scrolled to', async () => {
    const source = new PagedSource();
    source.hold = true;
    const el = await mountPaged(source);
    // Nothing read yet: the rows in view are placeholders, busy, and one block around them is asked for.
    expect(rows(el).every((row) => row.classList.contains('loading'))).toBe(true);
    expect(rows(el)[0]!.getAttribute('aria-busy')).toBe('true');
    expect(rows(el)[0]!.textContent!.trim()).toBe('Loading…');
    expect(source.loads.map(({ from, count }) => [from, count])).toEqual([[0, 200]]);
    source.releaseAll();
    await expect.poll(() => ids(el)[0]).toBe('e0');
    expect(ids(el)).not.toContain('loading');
    expect(rows(el).length).toBeLessThan(40);
    expect(root(el).querySelector('table')!.getAttribute('aria-rowcount')).toBe('300001');
    // The date order only: the title and lane headers are plain header cells.
    const sorts = [...root(el).querySelectorAll('th button.sort')].map((b) => b.getAttribute('data-sort'));
    expect(sorts).toEqual(['date']);

    // The pager: the first page of two.
    expect(pager(el).getAttribute('aria-label')).toBe('Table pages');
    expect(pager(el).querySelector('span')!.textContent!.trim()).toBe('Rows 1–250,000 of 300,000');
    const [previous, next] = pagerButtons(el);
    expect(previous!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    expect(box(el).scrollHeight).toBeGreaterThan(250_000 * 32 - 1);

    await userEvent.click(next!);
    await settle(el);
    expect(pager(el).querySelector('span')!.textContent!.trim()).toBe('Rows 250,001–300,000 of 300,000');
    expect(firstIndex(el)).toBe(250_002);
    expect(ids(el)[0]).toBe('loading');
    expect(source.loads.at(-1)).toMatchObject({ from: 250_000, count: 200 });
    // The last page: Next is disabled, and focus went from it to the rows' box.
    expect(next!.disabled).toBe(true);
    expect(root(el).activeElement).toBe(box(el));
    expect(box(el).scrollHeight).toBeLessThan(50_000 * 32 + 200);
    source.releaseAll();
    await expect.poll(() => ids(el)[0]).toBe('e250000');

    // Scrolling within the page reads the rows scrolled to.
    box(el).scrollTop = 10_000 * 32;
    await expect.poll(() => firstIndex(el)).toBeGreaterThan(260_000 - 10);
    expect(source.loads.at(-1)).toMatchObject({ from: 259_800, count: 400 });
    source.releaseAll();
    await expect.poll(() => ids(el)).toContain('e260000');
    expect(ids(el)).not.toContain('loading');

    await userEvent.click(previous!);
    await settle(el);
    expect(pager(el).querySelector('span')!.textContent!.trim()).toBe('Rows 1–250,000 of 300,000');
    // Back at the top of the first page, whose rows are known: nothing asked again.
    const asked = source.loads.length;
    expect(ids(el)[0]).toBe('e0');
    expect(source.loads.length).toBe(asked);

    // Newest first: the last rows, read from the end.
    root(el).querySelector<HTMLButtonElement>('th button[data-sort="date"]')!.click();
    await expect.poll(() => source.loads.at(-1)?.from).toBe(299_800);
    source.releaseAll();
    await expect.poll(() => ids(el)[0]).toBe('e299999');
    expect(root(el).querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('aborts a read scrolled or paged past, quietly, and reads its rows again when they come back', async () => {
    const source = new PagedSource();
    source.hold = true;
    const problems: string[] = [];
    const el = await mount((el) => {
      el.source = source;
      el.view = 'table';
      el.addEventListener('reel-invalid', (e) => problems.push(...e.detail.problems.map((p) => p.message)));
    });
    await expect.poll(() => rows(el).length, { timeout: 20_000 }).toBeGreaterThan(5);
    expect(source.loads.map(({ from, count }) => [from, count])).toEqual([[0, 200]]);
    const [top] = source.loads;

    // Scrolled far past the rows on their way: their read is aborted, the rows in view are asked.
    box(el).scrollTop = 10_000 * 32;
    await expect.poll(() => source.loads.length).toBe(2);
    expect(source.loads[1]).toMatchObject({ from: 9_800, count: 400 });
    expect(top!.signal!.aborted).toBe(true);
    expect(source.loads[1]!.signal!.aborted).toBe(false);
    source.releaseAll();
    await expect.poll(() => ids(el)).toContain('e10000');
    await settle(el);
    // Not a failure: no notice, no reel-invalid, and not asked again while out of view.
    expect(problems).toEqual([]);
    expect(root(el).querySelector('[part~="notice"]')).toBeNull();
    expect(source.loads).toHaveLength(2);

    // Back at the top: its rows, still loading, are read again, and arrive.
    box(el).scrollTop = 0;
    await expect.poll(() => source.loads.length).toBe(3);
    expect(source.loads[2]).toMatchObject({ from: 0, count: 200 });
    expect(ids(el)[0]).toBe('loading');
    source.releaseAll();
    await expect.poll(() => ids(el)[0]).toBe('e0');
    // The rows read before are kept: scrolling to them asks nothing.
    box(el).scrollTop = 10_000 * 32;
    await expect.poll(() => ids(el)).toContain('e10000');
    expect(source.loads).toHaveLength(3);

    // Turning the page and back before the next page's rows arrive aborts their read too.
    const [previous, next] = pagerButtons(el);
    await userEvent.click(next!);
    await expect.poll(() => source.loads.length).toBe(4);
    expect(source.loads[3]).toMatchObject({ from: 250_000, count: 200 });
    await userEvent.click(previous!);
    await expect.poll(() => source.loads[3]!.signal!.aborted).toBe(true);
    await settle(el);
    expect(source.loads).toHaveLength(4);
    expect(problems).toEqual([]);
    expect(ids(el)).not.toContain('loading');
    // The rows shown then were known, nothing asked in between: the aborted read's rows are still asked again.
    await userEvent.click(next!);
    await expect.poll(() => source.loads.length).toBe(5);
    expect(source.loads[4]).toMatchObject({ from: 250_000, count: 200 });
    source.releaseAll();
    await expect.poll(() => ids(el)[0]).toBe('e250000');
    expect(problems).toEqual([]);
  });

  it('turns to the page of a row it focuses: closing the details returns to the row', async () => {
    const source = new PagedSource();
    const el = await mountPaged(source);
    await expect.poll(() => ids(el)[0]).toBe('e0');
    // Known as a selection from the chart would make it known (a database's fetch).
    await source.load(280_000, 1);
    el.select('e280000');
    await settle(el);
    const details = root(el).querySelector<HTMLElement>('[part~="details"]')!;
    expect(details.querySelector('h2')!.textContent).toBe('Event 280000');
    details.querySelector('button')!.focus();
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => root(el).activeElement?.closest('tr')?.dataset['id']).toBe('e280000');
    expect(el.selected).toBeNull();
    expect(pager(el).querySelector('span')!.textContent!.trim()).toBe('Rows 250,001–300,000 of 300,000');
    // The row is on screen, in the scroll box.
    const row = root(el).activeElement!.closest('tr')!.getBoundingClientRect();
    const scroll = box(el).getBoundingClientRect();
    expect(row.top).toBeGreaterThanOrEqual(scroll.top);
    expect(row.bottom).toBeLessThanOrEqual(scroll.bottom);
  });

  for (const theme of ['light', 'dark'] as const)
    it(`has no axe violations with the pager and rows still loading (${theme})`, async () => {
      const source = new PagedSource();
      source.hold = true;
      const el = await mount(
        (el) => {
          el.source = source;
          el.view = 'table';
        },
        960,
        '',
        `lang="en-US" theme="${theme}"`,
      );
      await expect.poll(() => rows(el).length, { timeout: 20_000 }).toBeGreaterThan(5);
      const check = async (what: string) => {
        const results = await axe.run(el.parentElement!, { resultTypes: ['violations'] });
        const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(found, what).toEqual([]);
      };
      expect(ids(el)[0]).toBe('loading');
      await check('loading');
      source.releaseAll();
      await expect.poll(() => ids(el)[0]).toBe('e0');
      await userEvent.click(pagerButtons(el)[1]!);
      source.releaseAll();
      await expect.poll(() => ids(el)[0]).toBe('e250000');
      await settle(el);
      await check('last page');
    });

  it('names a failed read in the notice and reel-invalid, and keeps the rows as loading', async () => {
    const source = new PagedSource();
    source.failure = new Error('The DuckDB server could not be reached');
    const problems: string[] = [];
    const el = await mount((el) => {
      el.source = source;
      el.view = 'table';
      el.addEventListener('reel-invalid', (e) => problems.push(...e.detail.problems.map((p) => p.message)));
    });
    await expect.poll(() => problems.join(' ')).toContain('could not be reached');
    await settle(el);
    expect(root(el).querySelector('[part~="notice"]')!.textContent).toContain('could not be reached');
    expect(ids(el).every((id) => id === 'loading')).toBe(true);
    // Asked once: the same rows are not asked again on every update.
    expect(source.loads).toHaveLength(1);
  });
});
