/**
 * Lazy parts already here when the element starts: none in a browser, where each is a chunk loaded
 * when there is something to show. On a server (preloaded.node.ts, picked by `#preloaded` in
 * package.json) a render is synchronous and cannot wait for a chunk, so the parts a server render
 * draws are imported up front, and the `<reel-event>` children `renderTimelines` (ssr/) read for each
 * timeline are handed over here.
 *
 * @module
 */
import type { CSSResult } from 'lit';
import type * as ErasModule from './render/eras.js';
import type * as LegendModule from './render/legend.js';
import type * as NoticeModule from './render/notice.js';
import type { serverChildren } from './server-children.js';

/** The parts a server render draws, when they are here from the start. */
export interface Preloaded {
  readonly legend?: typeof LegendModule;
  readonly notice?: typeof NoticeModule;
  readonly eras?: typeof ErasModule;
  /**
   * Their styles, which a browser adopts as each part arrives: a server render writes only the
   * element's `static styles`, so there they are part of those.
   */
  readonly styles?: CSSResult[];
  /** On a server: the `<reel-event>` children read for each timeline (server-children.ts). */
  readonly children?: typeof serverChildren;
}

export const preloaded: Preloaded = {};
