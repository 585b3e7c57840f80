/**
 * Stand-in for `d3-selection` in the single-file bundle only (aliased in `vite.bundle.config.ts`;
 * see docs/decisions/bundle-size.md). d3-zoom, d3-drag and the zoom controller select one node at a
 * time and only listen, set properties and set one style: `select`, `pointer` and the selection
 * methods `each`, `call`, `filter`, `property`, `style`, `on`, `datum`, `node` and `selection`.
 * The real module's prototype carries every method (data joins, append, attr…), none of which the
 * element may use on Lit-owned nodes anyway, so a minifier cannot drop them.
 *
 * The methods below follow d3-selection 3 (ISC licence, Mike Bostock) line for line, including
 * where listeners are kept (`node.__on`), so the real module and this one agree on a shared node.
 * A new d3 behaviour that needs more (d3-brush draws its own handles with `data`/`append`/`attr`)
 * means dropping this alias, or adding those methods here.
 *
 * @module
 */

type Node = EventTarget & Record<string, unknown>;
type Callback = (this: Node, datum: unknown, index: number, group: readonly Node[]) => unknown;
interface Listener {
  type: string;
  name: string;
  value: Callback;
  listener: EventListener;
  options: AddEventListenerOptions | boolean | undefined;
}

/** A selection of nodes in one group (d3's `_groups[0]`), enough for behaviours. */
export class Selection {
  readonly nodes: readonly Node[];

  constructor(nodes: readonly Node[]) {
    this.nodes = nodes;
  }

  each(callback: Callback): this {
    this.nodes.forEach((node, i, group) => callback.call(node, node['__data__'], i, group));
    return this;
  }

  call(callback: (selection: this, ...args: unknown[]) => unknown, ...args: unknown[]): this {
    callback(this, ...args);
    return this;
  }

  filter(match: Callback | string): Selection {
    const test: Callback =
      typeof match === 'function'
        ? match
        : function (this: Node) {
            return (this as unknown as Element).matches(match);
          };
    return new Selection(this.nodes.filter((node, i, group) => test.call(node, node['__data__'], i, group)));
  }

  node(): Node | null {
    return this.nodes[0] ?? null;
  }

  selection(): this {
    return this;
  }

  datum(): unknown {
    return this.node()?.['__data__'];
  }

  property(name: string): unknown;
  property(name: string, value: unknown): this;
  property(name: string, value?: unknown): unknown {
    if (arguments.length < 2) return this.node()?.[name];
    return this.each(function (this: Node, ...args) {
      const v = typeof value === 'function' ? (value as Callback).apply(this, args) : value;
      if (v == null) Reflect.deleteProperty(this, name);
      else this[name] = v;
    });
  }

  style(name: string, value: string | null, priority = ''): this {
    return this.each(function (this: Node) {
      const { style } = this as unknown as ElementCSSInlineStyle;
      if (value == null) style.removeProperty(name);
      else style.setProperty(name, value, priority);
    });
  }

  on(typenames: string): Callback | undefined;
  on(typenames: string, value: Callback | null, options?: AddEventListenerOptions | boolean): this;
  on(typenames: string, value?: Callback | null, options?: AddEventListenerOptions | boolean): unknown {
    const parsed = typenames
      .trim()
      .split(/^|\s+/)
      .map((t) => {
        const i = t.indexOf('.');
        return i < 0 ? { type: t, name: '' } : { type: t.slice(0, i), name: t.slice(i + 1) };
      });
    if (arguments.length < 2) {
      const on = this.node()?.['__on'] as Listener[] | undefined;
      for (const o of on ?? []) {
        if (parsed.some((t) => t.type === o.type && t.name === o.name)) return o.value;
      }
      return undefined;
    }
    for (const t of parsed) this.each(value ? onAdd(t.type, t.name, value, options) : onRemove(t.type, t.name));
    return this;
  }
}

function onAdd(type: string, name: string, value: Callback, options: Listener['options']) {
  return function (this: Node) {
    const on = this['__on'] as Listener[] | undefined;
    const listener = function (this: Node, event: Event) {
      (value as (this: Node, event: Event, datum: unknown) => void).call(this, event, this['__data__']);
    } as EventListener;
    const o = on?.find((o) => o.type === type && o.name === name);
    if (o) {
      this.removeEventListener(o.type, o.listener, o.options);
      this.addEventListener(o.type, (o.listener = listener), (o.options = options));
      o.value = value;
      return;
    }
    this.addEventListener(type, listener, options);
    const added: Listener = { type, name, value, listener, options };
    if (on) on.push(added);
    else this['__on'] = [added];
  };
}

function onRemove(type: string, name: string) {
  return function (this: Node) {
    const on = this['__on'] as Listener[] | undefined;
    if (!on) return;
    const kept = on.filter((o) => {
      const remove = (!type || o.type === type) && o.name === name;
      if (remove) this.removeEventListener(o.type, o.listener, o.options);
      return !remove;
    });
    if (kept.length) this['__on'] = kept;
    else Reflect.deleteProperty(this, '__on');
  };
}

/** As d3's: a selection of one node (or of the first match of a CSS selector). */
export function select(selector: string | EventTarget | null): Selection {
  const node = typeof selector === 'string' ? document.querySelector(selector) : selector;
  return new Selection(node ? [node as Node] : []);
}

/** As d3's: the selection of the document element; its prototype is the one other modules extend. */
export function selection(): Selection {
  return select(document.documentElement);
}
selection.prototype = Selection.prototype;

/** A mouse or touch event, a `Touch`, or a d3 event wrapping one (`sourceEvent`). */
interface PointerLike {
  clientX: number;
  clientY: number;
  pageX: number;
  pageY: number;
  currentTarget?: EventTarget | null;
  sourceEvent?: PointerLike;
}

/** As d3's: an event's position relative to `node` (default: the listening element). */
export function pointer(event: PointerLike, node?: Element): [number, number] {
  while (event.sourceEvent) event = event.sourceEvent;
  if (node === undefined) node = (event.currentTarget as Element | null | undefined) ?? undefined;
  const { clientX, clientY } = event;
  if (node) {
    const svg = (node as SVGElement).ownerSVGElement ?? (node as SVGSVGElement);
    if (svg.createSVGPoint) {
      let point = svg.createSVGPoint();
      point.x = clientX;
      point.y = clientY;
      point = point.matrixTransform((node as SVGGraphicsElement).getScreenCTM()!.inverse());
      return [point.x, point.y];
    }
    if (node.getBoundingClientRect) {
      const rect = node.getBoundingClientRect();
      return [clientX - rect.left - node.clientLeft, clientY - rect.top - node.clientTop];
    }
  }
  return [event.pageX, event.pageY];
}
