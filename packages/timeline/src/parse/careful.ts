/**
 * The careful parser for `<reel-timeline>` in a browser: loaded as a chunk on first need. The plain
 * path (`parsePlainDataset` from `@reeltime/core`) reads the common, valid dataset in the entry
 * chunk; anything it declines (sources, eras, markers, media, other date forms, anything to report)
 * waits for this one, which reads every form and words every problem. `#careful` in package.json
 * picks this module, or careful.node.ts on a server, where a render cannot wait for a chunk.
 * Why: docs/decisions/bundle-size.md, "The eighth round".
 *
 * @module
 */
import type { parseDataset } from '@reeltime/core';

let parser: typeof parseDataset | undefined;
let pending: Promise<void> | undefined;

/** The careful parser when it has arrived; undefined before (see {@link loadCarefulParser}). */
export function carefulParser(): typeof parseDataset | undefined {
  return parser;
}

/** Loads the careful parser (once; again after a failed load): settles when it is there or failed. */
export function loadCarefulParser(): Promise<void> {
  pending ??= import('./careful-chunk.js').then(
    (module) => {
      parser = module.parseDataset;
    },
    // A chunk that fails to load (the network went away) may be asked for again later.
    () => {
      pending = undefined;
    },
  );
  return pending;
}
