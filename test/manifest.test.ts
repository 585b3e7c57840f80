/**
 * custom-elements.json (built by `pnpm build`) describes the public surface only, and the
 * Storybook API tables built from it keep every row: the `marker` attribute beside the `marker`
 * part, the methods, the default slot. It also guards the elements' `static properties` tables,
 * which the compiler does not check against the fields: a key that names no documented field
 * shows up here as a member without a description.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argTypesFromManifest, type Manifest } from '../.storybook/manifest-arg-types.js';

const manifest = JSON.parse(
  readFileSync(new URL('../packages/timeline/custom-elements.json', import.meta.url), 'utf8'),
) as Manifest;

const element = (tag: string) =>
  manifest.modules.flatMap((mod) => mod.declarations ?? []).find((declaration) => declaration.tagName === tag)!;

describe('custom-elements.json', () => {
  it('lists only the modules a user imports', () => {
    expect(manifest.modules.map((mod) => mod.path).sort()).toEqual([
      'src/define/reel-event.ts',
      'src/define/reel-overview.ts',
      'src/define/reel-story.ts',
      'src/define/reel-timeline.ts',
      'src/event/event.ts',
      'src/event/read-event.ts',
      'src/events/events.ts',
      'src/index.ts',
      'src/overview/overview.ts',
      'src/story/story.ts',
      'src/timeline/timeline.ts',
    ]);
  });

  it('has no private, protected or static members, and describes each public one', () => {
    for (const tag of ['reel-timeline', 'reel-event', 'reel-overview']) {
      const members = element(tag).members ?? [];
      expect(members.length).toBeGreaterThan(0);
      for (const member of members) {
        expect(member.privacy, `${tag}.${member.name}`).toBeUndefined();
        expect(member.name, tag).not.toMatch(/^[#_]/);
        expect(member.description, `${tag}.${member.name} has no description`).toBeTruthy();
      }
    }
    const timeline = element('reel-timeline');
    expect(timeline.members!.map((member) => member.name)).toEqual(
      expect.arrayContaining([
        'data',
        'events',
        'src',
        'marker',
        'selected',
        'visibleRange',
        'zoomBy',
        'resetZoom',
        'select',
      ]),
    );
    expect(timeline.members!.map((member) => member.name)).not.toContain('loading');
  });

  it('describes every attribute, event, slot, part and custom property of <reel-timeline>', () => {
    const timeline = element('reel-timeline');
    expect(timeline.attributes!.map((attr) => attr.name)).toContain('marker');
    expect(timeline.attributes!.map((attr) => attr.name)).toContain('export');
    expect(timeline.cssParts!.map((part) => part.name)).toContain('export');
    expect(timeline.events!.map((event) => event.name)).toEqual([
      'reel-select',
      'reel-range-change',
      'reel-invalid',
      'reel-export',
    ]);
    for (const item of [
      ...timeline.attributes!,
      ...timeline.events!,
      ...timeline.slots!,
      ...timeline.cssParts!,
      ...timeline.cssProperties!,
    ])
      expect(item.description, item.name).toBeTruthy();
  });
});

describe("Storybook's API table", () => {
  const rows = argTypesFromManifest(manifest, 'reel-timeline')!;
  const byCategory = (category: string) =>
    Object.values(rows)
      .filter((row) => row.table?.category === category)
      .map((row) => row.name);

  it('keeps the marker attribute and the marker part apart', () => {
    expect(rows['marker']?.table?.category).toBe('properties');
    expect(rows['marker']?.description).toContain('Attribute: `marker`');
    expect(byCategory('css shadow parts')).toContain('marker');
  });

  it('lists the methods, the events and the default slot', () => {
    expect(byCategory('methods')).toEqual([
      'zoomBy()',
      'resetZoom()',
      'exportData()',
      'exportImage()',
      'showKeyboardMap()',
      'select()',
    ]);
    expect(byCategory('events')).toEqual(['reel-select', 'reel-range-change', 'reel-invalid', 'reel-export']);
    expect(byCategory('slots')).toEqual(['(default)']);
  });

  it('gives controls to attributes only: no "Set object" for data or read-only state', () => {
    expect(rows['theme']?.control).toEqual({ type: 'select' });
    expect(rows['theme']?.options).toEqual(['auto', 'light', 'dark']);
    expect(rows['locale']?.control).toEqual({ type: 'text' });
    for (const name of ['data', 'events', 'source', 'strings', 'problems', 'model', 'visibleRange'])
      expect(rows[name]?.control, name).toBe(false);
  });

  it('has a table for <reel-event> too', () => {
    const event = argTypesFromManifest(manifest, 'reel-event')!;
    expect(event['start']?.description).toContain('Attribute: `start`');
  });
});
