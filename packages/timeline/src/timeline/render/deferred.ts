/**
 * Drawing what is near the view but not in it later: a lane in the viewport's margin (drawn ahead
 * of a scroll, see the viewport controller) gets its marks when the browser is idle, so the first
 * view pays only for the DOM that can be seen. The marks are committed into a part of the lane's
 * own, not by an update of the host: the element updates once for new data, and the margin
 * follows by itself. Only a part's first content waits; once drawn, a lane is drawn in every
 * update like the others (a zoom frame never leaves a lane behind).
 *
 * A lane is drawn only in an idle period with time for it (about what the last took), so that it
 * never delays the frame after; past the idle callback's timeout (a busy page) one lane is drawn
 * anyway, and a scroll draws every waiting lane at once (it is what comes into view).
 *
 * @module
 */
import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { insertPart, setChildPartValue } from 'lit/directive-helpers.js';

/** Parts waiting for their first content, each drawing itself when called. */
const waiting = new Set<() => void>();
/**
 * What a lane's commit takes, in ms: the last one's, or half the estimate before it if that was
 * more (a lane of a few marks says little about the next); a guess before the first.
 */
let cost = 8;

const drawWaiting = () => waiting.forEach((draw) => draw());

/** When the browser is idle, within 200 ms; where there is no idle callback, soon (no deadline). */
const idle = () => (self.requestIdleCallback ?? setTimeout)(drawIdle, { timeout: 200 });

function drawIdle(deadline?: IdleDeadline): void {
  let drawn = 0;
  for (const draw of waiting) {
    // While the idle period has room for a lane; past the timeout (a busy page) or without idle
    // callbacks, one lane a task. The rest next time. A lane gone meanwhile is detached: its marks
    // are garbage.
    if (deadline && !deadline.didTimeout ? deadline.timeRemaining() < cost : drawn++) return void idle();
    const start = performance.now();
    draw();
    cost = Math.max(cost / 2, performance.now() - start);
  }
}

class DeferredDirective extends Directive {
  /**
   * The part the content goes into when its first drawing waited: one this directive made inside
   * its own (as `repeat` makes one per item), so that it may be set outside the host's update.
   * Content drawn at once goes into the directive's own part instead (and so does a hydration's).
   */
  #inner: ChildPart | undefined;
  #drawn: boolean | undefined;
  #content: unknown;
  #draw: (() => void) | undefined;

  /** Without `update`: a server render has the content at once. */
  render(content: unknown, _defer: boolean): unknown {
    return content;
  }

  override update(part: ChildPart, [content, defer]: [unknown, boolean]): unknown {
    if (this.#drawn || !defer) {
      // Drawn before, or wanted now (in view, or holding the focus): not waiting.
      this.#drawn = true;
      waiting.delete(this.#draw!);
      if (!this.#inner) return content;
      setChildPartValue(this.#inner, content);
    } else {
      this.#content = content;
      if (!this.#inner) {
        this.#inner = insertPart(part);
        if (!waiting.size) {
          // Any scroll on the page, in capture (scroll does not bubble); the same listener is added
          // only once, and with nothing waiting it does nothing.
          addEventListener('scroll', drawWaiting, true);
          // Once the next frame is on its way (what this would delay is drawn first).
          requestAnimationFrame(idle);
        }
        waiting.add((this.#draw = () => this.update(part, [this.#content, false])));
      }
    }
    return noChange;
  }
}

/**
 * `content`, at once or (with `defer`, the first time this part draws) when the browser is idle
 * with time for it, or the page scrolls. A server render has it at once.
 */
export const deferred = directive(DeferredDirective);
