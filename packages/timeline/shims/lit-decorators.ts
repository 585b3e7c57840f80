/**
 * Stand-in for `lit/decorators.js` in the single-file bundle only (aliased in
 * `vite.bundle.config.ts`; see docs/decisions/bundle-size.md). reeltime is compiled with
 * TypeScript's experimental decorators (`experimentalDecorators`, as the style guide asks), so the
 * bundle only ever calls Lit's decorators the legacy way, `(prototype, name, descriptor?)`. Lit's
 * own decorators also carry the TC39 path (`(target, context)`, decorator metadata) and dev-mode
 * warnings; here are `property`, `state` and `query` as Lit 3's legacy path does them
 * (BSD-3-Clause, Google LLC), which is all the elements use.
 *
 * @module
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

type Prototype = ReactiveElement & { constructor: typeof ReactiveElement };

/** As Lit's: a reactive property (accessor created on the prototype by `createProperty`). */
export const property =
  (options?: PropertyDeclaration) =>
  (proto: Prototype, name: PropertyKey): PropertyDescriptor | undefined => {
    // A decorated accessor of the class's own: hand back Lit's wrapper for the class to define.
    const own = Object.hasOwn(proto, name);
    proto.constructor.createProperty(name, options);
    return own ? Object.getOwnPropertyDescriptor(proto, name) : undefined;
  };

/** As Lit's: internal reactive state, a property with no attribute. */
export const state = (options?: PropertyDeclaration) => property({ ...options, state: true, attribute: false });

/**
 * As Lit's: a getter for the first match of `selector` in the render root (`null` if none); with
 * `cache`, the first non-null result (or any result after the first update) is kept.
 */
export const query =
  (selector: string, cache?: boolean) =>
  (_proto: Prototype, _name: PropertyKey): PropertyDescriptor => {
    const key = Symbol();
    return {
      get(this: ReactiveElement & Record<symbol, Element | null | undefined>) {
        let result = cache ? this[key] : undefined;
        if (result === undefined) {
          result = this.renderRoot?.querySelector(selector) ?? null;
          if (cache && (result !== null || this.hasUpdated)) this[key] = result;
        }
        return result;
      },
      configurable: true,
      enumerable: true,
    };
  };
