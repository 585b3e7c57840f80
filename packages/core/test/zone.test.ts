import { describe, expect, it } from 'vitest';

// The suite runs once per zone (see vitest.config.ts). Prove the zone really is in force, so a
// "passes in every zone" claim is not vacuous.
const EXPECTED_JULY_OFFSET: Record<string, number> = {
  UTC: 0,
  'America/Los_Angeles': 420,
  'Pacific/Kiritimati': -840,
  'Asia/Tokyo': -540,
};

describe('time zone of this run', () => {
  it('is the one the project asked for', () => {
    const zone = process.env['TZ'] ?? 'UTC';
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
    expect(new Date(Date.UTC(2020, 6, 1)).getTimezoneOffset()).toBe(EXPECTED_JULY_OFFSET[zone]);
  });
});
