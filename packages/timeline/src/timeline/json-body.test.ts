/**
 * A `src` body read as ASCII JSON (json-body.ts) gives what the text read as it is gives: the same
 * value, the same text, the same failures, however the bytes are split into chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciiJson, Body } from './json-body.js';

const encode = (text: string) => new TextEncoder().encode(text);
const asIs = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const parse = (text: string): { value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
};

/** `bytes` copied into a larger buffer at `offset` (so that chunks start anywhere in a word), cut at `cuts`. */
function chunks(bytes: Uint8Array, cuts: readonly number[], offset = 0): Uint8Array[] {
  const buffer = new Uint8Array(bytes.length + offset);
  buffer.set(bytes, offset);
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out.push(buffer.subarray(offset + from, offset + to));
    from = to;
  }
  return out;
}

function read(parts: readonly Uint8Array[]): Body {
  const body = new Body();
  for (const part of parts) body.push(part);
  body.end();
  return body;
}

function ascii(parts: readonly Uint8Array[]): string {
  const json = new AsciiJson();
  for (const part of parts) json.push(part);
  return json.end();
}

const cuts = fc.array(fc.nat(), { maxLength: 12 });
const offset = fc.nat({ max: 7 });

describe('a body read as ASCII JSON', () => {
  it('parses to the value of the text as it is, in any chunks (fast-check)', () => {
    const text = fc
      .tuple(fc.jsonValue({ stringUnit: 'binary' }), fc.boolean(), fc.boolean())
      .map(([value, pretty, bom]) => (bom ? '\uFEFF' : '') + JSON.stringify({ events: [value] }, null, pretty ? 2 : 0));
    fc.assert(
      fc.property(text, cuts, offset, (text, cuts, offset) => {
        const bytes = encode(text);
        const body = read(chunks(bytes, cuts, offset));
        expect(body.looksLikeJson).toBe(true);
        expect(body.json()).toEqual(parse(asIs(bytes)));
        expect(body.text).toBe(asIs(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('fails where the text as it is fails, and agrees on any bytes (fast-check)', () => {
    // Pieces that matter: quotes, backslashes, non-ASCII letters, bytes that are not UTF-8, a BOM.
    const piece = fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '"',
      '\\',
      '\\\\',
      ':',
      ',',
      ' ',
      '\n',
      'a',
      '1',
      'é',
      '日',
      '😀',
      '\uFEFF',
      '\u2028',
      '\\u00e9',
      'null',
      '\xA0',
    );
    const raw = fc.constantFrom([0xff], [0xc3], [0xe6, 0x97], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0x80]);
    const bytes = fc
      .array(
        fc.oneof(
          piece.map(encode),
          raw.map((b) => Uint8Array.from(b)),
        ),
        { maxLength: 24 },
      )
      .map((parts) => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const part of parts) out.set(part, (at += part.length) - part.length);
        return out;
      });
    fc.assert(
      fc.property(bytes, cuts, offset, (bytes, cuts, offset) => {
        const body = read(chunks(bytes, cuts, offset));
        const text = asIs(bytes);
        expect(body.looksLikeJson).toBe(/^\s*[[{]/.test(text));
        expect(body.json()).toEqual(parse(text));
        expect(body.text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes non-ASCII text as escapes, so the text handed to JSON.parse is ASCII', () => {
    const text = JSON.stringify({ title: 'Ørsted’s wind farm near Gdańsk 😀', lanes: ['ńØ'] });
    for (const size of [1, 2, 3, 5, 64]) {
      const escaped = ascii(
        chunks(
          encode(text),
          Array.from({ length: 80 }, (_, i) => i * size),
        ),
      );
      expect([...escaped].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
      expect(escaped).toContain('\\u00d8rsted\\u2019s');
      expect(escaped).toContain('\\ud83d\\ude00');
      expect(JSON.parse(escaped)).toEqual(JSON.parse(text));
    }
  });

  it('keeps a run after a backslash as it is: an escape there would make invalid JSON valid', () => {
    expect(ascii([encode('["\\é"]')])).toBe('["\\é"]');
    expect(read([encode('["\\é"]')]).json()).toBeUndefined();
    // The backslash ends one chunk, the letter starts the next.
    expect(read([encode('["\\'), encode('é"]')]).json()).toBeUndefined();
    // An escaped backslash, then the letter: valid either way.
    expect(read([encode('["\\\\é"]')]).json()).toEqual({ value: ['\\é'] });
  });

  it('drops a BOM at the start only, as TextDecoder does', () => {
    expect(ascii([encode('\uFEFF["\uFEFF"]')])).toBe('["\\ufeff"]');
    expect(read([Uint8Array.of(0xef), Uint8Array.of(0xbb, 0xbf), encode('["x"]')]).json()).toEqual({ value: ['x'] });
  });

  it('stops escaping a file that is mostly non-ASCII, and reads it as it is', () => {
    const text = JSON.stringify({ events: Array.from({ length: 4000 }, (_, i) => ({ title: `日本語の出来事 ${i}` })) });
    const bytes = encode(text);
    const json = new AsciiJson();
    const answers = chunks(
      bytes,
      Array.from({ length: 20 }, (_, i) => i * 16_384),
    ).map((part) => json.push(part));
    expect(answers.slice(0, 3)).toEqual([true, true, true]);
    expect(answers.at(-1)).toBe(false);
    const body = read(
      chunks(
        bytes,
        Array.from({ length: 20 }, (_, i) => i * 16_384),
      ),
    );
    expect(body.json()).toEqual({ value: JSON.parse(text) });
  });
});
