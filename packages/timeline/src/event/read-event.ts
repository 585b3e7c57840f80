/**
 * Reading `<reel-event>` elements as event data: from their attributes and text alone, so the
 * answer is the same before and after the element's definition loads (the single-file bundle
 * defines it from a chunk), and on a server.
 *
 * @module
 */
import type { SourceInput, TimelineEventInput } from '@reeltime/core';

const list = (text: string | null, separator: RegExp) =>
  (text ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * What {@link readEventElement} reads of an element: a DOM `Element` has all of it, and so has a
 * server's parse of the markup (`@reeltime/timeline/ssr`), where there is no DOM.
 */
export interface EventElementLike {
  readonly localName: string;
  readonly id: string;
  readonly textContent: string | null;
  readonly children: Iterable<EventElementLike>;
  readonly childNodes: Iterable<{ readonly nodeType: number; readonly textContent: string | null }>;
  /** The address relative links resolve against (absent on a server that was not told the page's). */
  readonly baseURI?: string | undefined;
  getAttribute(name: string): string | null;
}

const text = (node: EventElementLike | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element's own text, without that of its children (`<p>`, `<cite>`). */
const ownText = (element: EventElementLike) =>
  [...element.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The first link with an address inside `element`, in document order (`a[href]`). */
function linkIn(element: EventElementLike): EventElementLike | undefined {
  for (const child of element.children) {
    const link = child.localName === 'a' && child.getAttribute('href') !== null ? child : linkIn(child);
    if (link) return link;
  }
  return undefined;
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Reads a `<reel-event>` element (upgraded or not, or a server's parse of one) into event input.
 * Works from its fields (a property, else its attribute) and text, so it gives the same result
 * before and after the element's definition loads, and on a server: a property a script set on the
 * element before its definition arrived is an own property of the element until then.
 */
export function readEventElement(
  element: EventElementLike,
  position: number,
): Partial<TimelineEventInput> & Record<string, unknown> {
  const attr = (name: string, property = name) => {
    const value = (element as unknown as Record<string, unknown>)[property];
    return (typeof value == 'string' ? value : element.getAttribute(name))?.trim() || undefined;
  };
  const children = [...element.children];
  const titleElement = children.find((child) => /^(h[1-6]|strong|b)$/.test(child.localName));
  const paragraphs = children.filter((child) => child.localName == 'p');
  const description = paragraphs.map(text).filter(Boolean);
  // `:scope > cite, :scope > p > cite`, in document order.
  const cites = children
    .flatMap((child) => (child.localName == 'p' ? [...child.children] : [child]))
    .filter((child) => child.localName == 'cite');
  const sources: SourceInput[] = cites.map((cite) => {
    const url = resolveUrl(linkIn(cite)?.getAttribute('href'), element.baseURI);
    return { title: text(cite), ...(url ? { url } : {}) };
  });
  const input: Record<string, unknown> = {
    id: attr('event-id', 'eventId') ?? (element.id || `event-${position + 1}`),
    title: titleElement ? text(titleElement) : ownText(element) || text(element),
  };
  const fields: [string, unknown][] = [
    ['start', attr('start')],
    ['end', attr('end')],
    ['lane', attr('lane')],
    ['status', attr('status')],
    ['description', description.length ? description.join('\n\n') : undefined],
  ];
  for (const [key, value] of fields) if (value !== undefined) input[key] = value;
  const tags = list(attr('tags') ?? null, /,/);
  const locations = list(attr('locations') ?? null, /;/);
  const people = list(attr('people') ?? null, /;/);
  if (tags.length) input['tags'] = tags;
  if (locations.length) input['locations'] = locations;
  if (people.length) input['people'] = people;
  if (sources.length) input['sources'] = sources;
  return input;
}
