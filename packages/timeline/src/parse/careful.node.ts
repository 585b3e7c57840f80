/**
 * The careful parser on a server (Node, `@lit-labs/ssr`): there a render is synchronous and cannot
 * wait for a chunk, and size does not matter, so the parser is imported up front. The browser's
 * version (careful.ts) loads it as a chunk; `#careful` in package.json picks one of the two.
 *
 * @module
 */
import { parseDataset } from '@reeltime/core';

/** The careful parser: always here on a server. */
export function carefulParser(): typeof parseDataset {
  return parseDataset;
}

/** Nothing to load on a server. */
export function loadCarefulParser(): Promise<void> {
  return Promise.resolve();
}
