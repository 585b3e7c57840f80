/**
 * The client of a server-rendered page (test/ssr.test.ts): Lit's hydration support first, then
 * the same data the server rendered, set on the element before it is defined, then the define
 * module. The element then hydrates the declarative shadow root instead of rendering anew.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import deadReckoning from '@reeltime/data';

for (const timeline of document.querySelectorAll('reel-timeline[data-hydrate]'))
  Object.assign(timeline, { data: deadReckoning });
await import('../../src/define/reel-timeline.js');
