/**
 * `@reeltime/data`: the production history of *Mission: Impossible – Dead Reckoning Part One*
 * as a reeltime dataset. Every event cites the source article(s) it came from, with the quote that
 * supports it, and carries only the precision those articles support.
 *
 * The same data ships as JSON: `@reeltime/data/dead-reckoning.json`. The articles ship beside it
 * as `@reeltime/data/sources/*.txt` (UTF-8 text with a byte order mark); each source's `file` is
 * a path relative to the JSON (`../sources/….txt`), so `<reel-timeline src=…>` opens them from
 * wherever the package is served.
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

/**
 * Where the dataset's JSON is, as a URL: give it to `<reel-timeline>`'s `base` when you pass the
 * data as a property, so its source links (`../sources/….txt`) open the shipped articles.
 */
export const datasetUrl: string = new URL('./dead-reckoning.json', import.meta.url).href;

export default deadReckoning;
