import deadReckoning from '@reeltime/data';
import { afterEach, describe, expect, it } from 'vitest';
import { mount, settle } from '../../test/mount.js';
import { composeHash, formatTime, parseHash, UrlSync } from './url-sync.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const clean = () => history.replaceState(history.state, '', `${location.pathname}${location.search}`);

afterEach(() => {
  clean();
  UrlSync.settleMs = 500;
});

describe('the URL hash format', () => {
  it('writes short ISO dates, keeps other entries and namespaces by id', () => {
    expect(formatTime(day(2020, 3, 1))).toBe('2020-03-01');
    expect(formatTime(day(2020, 3, 1) + 45_296_400)).toBe('2020-03-01T12:34:56Z');
    const view = { range: { from: day(2020, 1, 1), to: day(2021, 1, 1) }, selected: 'a;b' };
    expect(composeHash('#top', '', view)).toBe('#top;reel=2020-01-01,2021-01-01;sel=a%3Bb');
    expect(composeHash('#reel=1,2', 'main', view)).toBe('#reel=1,2;reel.main=2020-01-01,2021-01-01;sel.main=a%3Bb');
    expect(parseHash('#top;reel=2020-01-01,2021-01-01;sel=a%3Bb', '')).toEqual(view);
    expect(parseHash('#reel=1,2;reel.main=2020-01-01,2021-01-01', 'main')?.range).toEqual(view.range);
    expect(parseHash('#top', '')).toBeUndefined();
  });
});

describe('<reel-timeline sync-url>', () => {
  it('restores the range and the selection from the hash on load', async () => {
    history.replaceState(history.state, '', '#reel=2020-01-01,2021-01-01;sel=us-release');
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US" sync-url');
    await expect.poll(() => el.selected).toBe('us-release');
    expect(el.visibleRange.from).toBeCloseTo(day(2020, 1, 1), -4);
    expect(el.visibleRange.to).toBeCloseTo(day(2021, 1, 1), -4);
    // Restoring writes nothing back.
    await settle(el);
    expect(location.hash).toBe('#reel=2020-01-01,2021-01-01;sel=us-release');
  });

  it('writes changes to the hash: one history entry per settled change, and back/forward restores them', async () => {
    UrlSync.settleMs = 0;
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'id="main" lang="en-US" sync-url');
    await settle(el);
    await settle(el);
    expect(location.hash).toBe('');
    history.pushState(history.state, '', `${location.pathname}${location.search}`);
    const length = history.length;
    el.visibleRange = { from: day(2020, 1, 1), to: day(2021, 1, 1) };
    await expect.poll(() => location.hash).toMatch(/^#reel\.main=2020-01-01(T[\d:]+Z)?,20(20|21)-/);
    expect(history.length).toBe(length + 1);
    const first = location.hash;
    await settle(el);
    el.select('us-release');
    await expect.poll(() => location.hash).toMatch(/;sel\.main=us-release$/);
    expect(history.length).toBe(length + 2);

    history.back();
    await expect.poll(() => el.selected).toBeNull();
    expect(location.hash).toBe(first);
    history.forward();
    await expect.poll(() => el.selected).toBe('us-release');
    history.go(-2);
    // Back to before the first link: the whole data again.
    await expect
      .poll(() => el.visibleRange.to - el.visibleRange.from)
      .toBeGreaterThan(day(2022, 1, 1) - day(2020, 1, 1));
  });

  it('replaces the entry while a gesture goes on', async () => {
    UrlSync.settleMs = 60_000;
    const el = await mount((el) => (el.data = deadReckoning), 960, '', 'lang="en-US" sync-url');
    await settle(el);
    await settle(el);
    // A fresh entry drops what earlier tests left forward of this one (history.length counts it).
    history.pushState(history.state, '', `${location.pathname}${location.search}`);
    const length = history.length;
    for (const month of [1, 2, 3, 4]) {
      el.visibleRange = { from: day(2020, month, 1), to: day(2021, month, 1) };
      await settle(el);
    }
    await expect.poll(() => location.hash).toMatch(/^#reel=2020-04-01(T[\d:]+Z)?,/);
    expect(history.length).toBe(length + 1);
  });
});
