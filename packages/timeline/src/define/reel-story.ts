/**
 * Registers `<reel-story>` (and `<reel-timeline>`, which it wraps). A module of its own, so pages
 * without a story do not load it.
 */
import '../define/reel-timeline.js';
import { ReelStepChangeEvent, ReelStory } from '../story/story.js';

if (!customElements.get('reel-story')) customElements.define('reel-story', ReelStory);

export { ReelStepChangeEvent, ReelStory };
export type { ReelStepChangeDetail, StoryStep } from '../story/story.js';
