/**
 * Drawing what is near the view but not in it later: a lane in the viewport's margin (drawn ahead
 * of a scroll, see the viewport controller) gets its marks when the browser is next idle, so the
 * first view pays only for the DOM that can be seen. The marks are committed into a part of the
 * lane's own, not by an update of the host: the element updates once for new data, and the margin
 * follows by itself. Only a part's first content waits; once drawn, a lane is drawn in every
 * update like the others (a zoom frame never leaves a lane behind).
 *
 * @module
 */
import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { insertPart, setChildPartValue } from 'lit/directive-helpers.js';

class DeferredDirective extends Directive {
  /**
   * The part the content goes into when its first drawing waited: one this directive made inside
   * its own (as `repeat` makes one per item), so that it may be set outside the host's update.
   * Content drawn at once goes into the directive's own part instead (and so does a hydration's).
   */
  #inner: ChildPart | undefined;
  #drawn: boolean | undefined;
  #content: unknown;

  /** Without `update`: a server render has the content at once. */
  render(content: unknown, _defer: boolean): unknown {
    return content;
  }

  override update(part: ChildPart, [content, defer]: [unknown, boolean]): unknown {
    if (this.#drawn || !defer) {
      // Drawn before, or wanted now (in view, or holding the focus): not waiting.
      this.#drawn = true;
      if (!this.#inner) return content;
      setChildPartValue(this.#inner, content);
    } else {
      this.#content = content;
      if (!this.#inner) {
        this.#inner = insertPart(part);
        // Once the next frame is on its way (what this would delay is drawn first) and the browser
        // is idle, within 200 ms; right after that frame where there is no idle callback (the
        // options are then a delay of 0). A lane gone meanwhile is detached: its marks are garbage.
        requestAnimationFrame(() =>
          (self.requestIdleCallback ?? setTimeout)(() => this.#drawn || this.update(part, [this.#content, false]), {
            timeout: 200,
          }),
        );
      }
    }
    return noChange;
  }
}

/**
 * `content`, at once or (with `defer`, the first time this part draws) when the browser is next
 * idle. A server render has it at once.
 */
export const deferred = directive(DeferredDirective);
