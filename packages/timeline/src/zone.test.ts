import { describe, expect, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    timeZone: string;
  }
}

describe('time zone of this browser', () => {
  it('is the one the project asked for, so the element tests really run in it', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(inject('timeZone'));
  });
});
