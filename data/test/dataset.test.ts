import { Ajv2020 } from 'ajv/dist/2020.js';
import { datasetSchema, EventIndex, formatDateRange, parseDataset } from '@reeltime/core';
import { describe, expect, it } from 'vitest';
import deadReckoning from '../src/index.js';
import json from '../src/dead-reckoning.json' with { type: 'json' };

describe('the Dead Reckoning dataset against @reeltime/core', () => {
  it('is valid against the JSON Schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(datasetSchema);
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('parses with no problems at all, keeping every event', () => {
    const { dataset, problems } = parseDataset(json);
    expect(problems).toEqual([]);
    expect(dataset.events).toHaveLength(json.events.length);
    expect(dataset.events.length).toBeGreaterThanOrEqual(20);
    expect(dataset.lanes.map((lane) => lane.label)).toEqual([
      'Production',
      'Stunts & locations',
      'Marketing & featurettes',
      'Release',
    ]);
  });

  it('is what the typed export gives', () => {
    expect(deadReckoning).toBe(json);
  });

  it('reads as a production history in time order', () => {
    const { dataset } = parseDataset(json);
    const order = new EventIndex(dataset.events).sorted.map((event) => event.id);
    const at = (id: string) => order.indexOf(id);
    expect(at('filming-begins-italy')).toBeGreaterThanOrEqual(0);
    expect(at('filming-begins-italy')).toBeLessThan(at('filming-wraps'));
    expect(at('filming-wraps')).toBeLessThan(at('us-release'));
    expect(at('us-release')).toBeLessThan(at('part-two-planned-release'));
    const release = dataset.events.find((event) => event.id === 'us-release')!;
    expect(formatDateRange(release.start, release.end, { locale: 'en-GB' })).toBe('12 Jul 2023');
  });
});
