/**
 * Markup from a server render, parsed as a browser parses it (parse5, the HTML parser Lit's SSR
 * uses), and read with the element's own rules: {@link ParsedElement} gives a parsed element the
 * little of `Element` that `readEventElement` reads, so a server reads `<reel-event>` children
 * exactly as the browser will.
 *
 * @module
 */
import { defaultTreeAdapter as tree, type DefaultTreeAdapterMap } from 'parse5';
import type { EventElementLike } from '../event/read-event.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** A node's text as `textContent` gives it: the text of every descendant text node (not comments). */
function textOf(node: Node): string {
  if (tree.isTextNode(node)) return node.value;
  if (tree.isCommentNode(node)) return '';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** A parsed element, read through the part of `Element` that `readEventElement` uses. */
export class ParsedElement implements EventElementLike {
  readonly #element: Element;
  readonly baseURI: string | undefined;

  constructor(element: Element, baseURI: string | undefined) {
    this.#element = element;
    this.baseURI = baseURI;
  }

  get localName(): string {
    return this.#element.tagName;
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }

  get textContent(): string {
    return textOf(this.#element);
  }

  /** The child elements (a `<template>`'s content is not among them, as in the DOM). */
  get children(): ParsedElement[] {
    return this.#element.childNodes.filter(tree.isElementNode).map((child) => new ParsedElement(child, this.baseURI));
  }

  get childNodes(): { nodeType: number; textContent: string }[] {
    return this.#element.childNodes.map((node) => ({
      nodeType: tree.isElementNode(node) ? 1 : tree.isTextNode(node) ? 3 : tree.isCommentNode(node) ? 8 : 10,
      textContent: tree.isCommentNode(node) ? node.data : textOf(node),
    }));
  }

  getAttribute(name: string): string | null {
    return this.#element.attrs.find((attr) => attr.name === name && !attr.namespace)?.value ?? null;
  }
}

/**
 * Every element carrying `attribute` in `parent`, in document order, descending into `<template>`
 * contents too (a declarative shadow root is one).
 */
export function elementsWith(parent: ParentNode, attribute: string): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (!tree.isElementNode(child)) continue;
      if (child.attrs.some((attr) => attr.name === attribute)) found.push(child);
      visit('content' in child ? child.content : child);
    }
  };
  visit(parent);
  return found;
}
