/**
 * Stand-in for `d3-dispatch` in the single-file bundle only (aliased in `vite.bundle.config.ts`;
 * see docs/decisions/bundle-size.md). d3-zoom is its only user in the bundle: `dispatch('start',
 * 'zoom', 'end')`, `on` (through `zoom.on`) and `call`. The behaviour follows d3-dispatch 3 (ISC
 * licence, Mike Bostock): `type.name` typenames, several separated by spaces, a `.name` alone
 * removing that name from every type, a replaced callback moving to the end, a callback removed
 * while an event is being dispatched not being called, and the same errors. `copy` and `apply`,
 * which nothing in the bundle calls, are left out.
 *
 * @module
 */

type Callback = (this: unknown, ...args: unknown[]) => unknown;
interface Entry {
  name: string;
  value: Callback;
}
type Types = Record<string, Entry[]>;

const noop: Callback = () => {};

/** As d3's: the `type` and `name` of each space-separated `type.name`, types checked. */
const parse = (typenames: string, types: Types) =>
  typenames
    .trim()
    .split(/^|\s+/)
    .map((t) => {
      const [type = '', ...name] = t.split('.');
      if (type && !Object.hasOwn(types, type)) throw new Error(`unknown type: ${type}`);
      return [type, name.join('.')] as const;
    });

/** Without `name`, then with `callback` (if any) added at the end; copied, never changed in place. */
function set(entries: Entry[], name: string, callback: Callback | null | undefined): Entry[] {
  const kept = entries.filter((e) => e.name !== name || ((e.value = noop), false));
  if (callback) kept.push({ name, value: callback });
  return kept;
}

/** As d3's `Dispatch`: named callbacks per event type. */
export class Dispatch {
  readonly _: Types;

  constructor(types: Types) {
    this._ = types;
  }

  on(typenames: string): Callback | undefined;
  on(typenames: string, callback: Callback | null): this;
  on(typenames: string, callback?: Callback | null): unknown {
    const _ = this._;
    const parsed = parse(`${typenames}`, _);
    if (arguments.length < 2) {
      for (const [type, name] of parsed) {
        const found = type && _[type]!.find((e) => e.name === name);
        if (found) return found.value;
      }
      return undefined;
    }
    if (callback != null && typeof callback !== 'function') throw new Error(`invalid callback: ${callback}`);
    for (const [type, name] of parsed) {
      if (type) _[type] = set(_[type]!, name, callback);
      else if (callback == null) for (const t in _) _[t] = set(_[t]!, name, null);
    }
    return this;
  }

  call(type: string, that?: unknown, ...args: unknown[]): void {
    if (!Object.hasOwn(this._, type)) throw new Error(`unknown type: ${type}`);
    // Entries hold their callback, so one removed meanwhile (set to noop) is skipped, as in d3.
    for (const e of this._[type]!) e.value.apply(that, args);
  }
}

/** As d3's: a dispatcher for the given event types. */
export function dispatch(...types: string[]): Dispatch {
  const _: Types = {};
  for (let t of types) {
    if (!(t += '') || t in _ || /[\s.]/.test(t)) throw new Error(`illegal type: ${t}`);
    _[t] = [];
  }
  return new Dispatch(_);
}
