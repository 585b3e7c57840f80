/**
 * On a server: the parts a server render draws (the legend, the notice, the eras) and their styles, imported up front, as a
 * render there cannot wait for a chunk; and the `<reel-event>` children `renderTimelines` read for
 * each timeline (there is no DOM to read them from). The browser's version is preloaded.ts.
 *
 * @module
 */
import * as eras from './render/eras.js';
import * as legend from './render/legend.js';
import * as notice from './render/notice.js';
import type { Preloaded } from './preloaded.js';
import { serverChildren } from './server-children.js';

export const preloaded: Preloaded = {
  legend,
  notice,
  eras,
  styles: [legend.styles, notice.styles, eras.styles],
  children: serverChildren,
};
