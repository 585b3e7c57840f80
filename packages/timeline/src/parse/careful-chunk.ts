/**
 * The careful parser, as its own chunk: what `<reel-timeline>` loads for data that the plain path
 * (`parsePlainDataset`, in the entry) declines. See careful.ts.
 *
 * @module
 */
export { parseDataset } from '@reeltime/core';
