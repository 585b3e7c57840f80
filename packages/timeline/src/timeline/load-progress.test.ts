/**
 * Progress while `src` loads (issue 14): a determinate progress bar (`role="progressbar"` with
 * `aria-valuenow`) when the server says the size, a running one when it does not. The response
 * is streamed by the test itself (a route in the test: `fetch` answers from a stream the test
 * feeds), so each step waits on what the element shows, never on time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../test/mount.js';
import type { ReelTimeline } from '../index.js';

const BODY = JSON.stringify({
  title: 'Streamed',
  events: Array.from({ length: 200 }, (_, i) => ({
    id: `e${i}`,
    title: `Event number ${i}`,
    start: `${1900 + (i % 100)}-0${1 + (i % 9)}-1${i % 10}`,
  })),
});
const BYTES = new TextEncoder().encode(BODY);

const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
});

/** Answers `url` with a stream the test feeds; other requests go to the network as usual. */
function route(url: string, { length }: { length: boolean }) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  window.fetch = (input, init) => {
    if (String(input) !== url) return realFetch(input, init);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (length) headers['content-length'] = String(BYTES.byteLength);
    return Promise.resolve(new Response(stream, { headers }));
  };
  return {
    send: (from: number, to: number) => controller.enqueue(BYTES.slice(from, to)),
    end: () => controller.close(),
  };
}

const percentOf = (bytes: number) => String(Math.floor((bytes / BYTES.byteLength) * 100));
const bar = (el: ReelTimeline) => el.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]');
const marks = (el: ReelTimeline) => el.shadowRoot!.querySelectorAll('[part~="event"]').length;

describe('<reel-timeline> loading a large src', () => {
  it('shows how much has arrived when the size is known, then draws the events', async () => {
    const server = route('/streamed.json', { length: true });
    const el = await mount((el) => (el.src = '/streamed.json'));
    await expect.poll(() => bar(el)?.getAttribute('aria-valuenow')).toBe('0');
    expect(bar(el)!.getAttribute('aria-label')).toBe('Loading…');
    const quarter = Math.floor(BYTES.byteLength / 4);
    server.send(0, quarter);
    await expect.poll(() => bar(el)?.getAttribute('aria-valuenow')).toBe(percentOf(quarter));
    server.send(quarter, quarter * 3);
    await expect.poll(() => bar(el)?.getAttribute('aria-valuenow')).toBe(percentOf(quarter * 3));
    expect(marks(el)).toBe(0);
    server.send(quarter * 3, BYTES.byteLength);
    server.end();
    await expect.poll(() => marks(el)).toBeGreaterThan(0);
    expect(bar(el)).toBeNull();
    expect(el.problems).toEqual([]);
    expect(el.model.events).toHaveLength(200);
  });

  it('shows a running bar, with no value, when the size is not known', async () => {
    const server = route('/unsized.json', { length: false });
    const el = await mount((el) => (el.src = '/unsized.json'));
    await expect.poll(() => bar(el)).not.toBeNull();
    server.send(0, 1000);
    // Still loading, still no value: the bar cannot say how far along it is.
    await expect.poll(() => el.shadowRoot!.querySelector('.empty[role="status"]')?.textContent).toBe('Loading…');
    expect(bar(el)!.hasAttribute('aria-valuenow')).toBe(false);
    expect(getComputedStyle(bar(el)!).animationName).not.toBe('none');
    server.send(1000, BYTES.byteLength);
    server.end();
    await expect.poll(() => marks(el)).toBeGreaterThan(0);
    expect(bar(el)).toBeNull();
  });
});
