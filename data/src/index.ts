/**
 * `@reeltime/data`: the production history of *Mission: Impossible – Dead Reckoning Part One*
 * as a reeltime dataset. Every event cites the source article(s) it came from (`seeds/` in the
 * repository) and carries only the precision those articles support.
 *
 * The same data ships as JSON: `@reeltime/data/dead-reckoning.json`.
 *
 * @packageDocumentation
 */
import type { DatasetInput } from '@reeltime/core';
import dataset from './dead-reckoning.json' with { type: 'json' };

/**
 * The Dead Reckoning Part One dataset. Validated against `@reeltime/core`'s schema and parser in
 * this package's tests, which is what makes the `DatasetInput` type here true.
 */
export const deadReckoning: DatasetInput = dataset as DatasetInput;

export default deadReckoning;
