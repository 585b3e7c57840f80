/**
 * How long a play function's `waitFor` may wait for its condition before the story counts as broken.
 * Long on purpose: it only ends a story that will never get there; a busy machine just takes longer
 * (the storybook project runs beside every other browser test).
 */
export const BACKSTOP = 60_000;
