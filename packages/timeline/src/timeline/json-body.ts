/**
 * A response body read as it arrives, for `src`: its text, and for JSON its parsed value, built
 * from ASCII text when the file is mostly ASCII.
 *
 * Why: a UTF-8 file with a few non-ASCII letters ("Ørsted", "Gdańsk", a curly apostrophe) decodes
 * to a two-byte string, twice the size of the file, and Chromium's decoder is slow on it. The
 * bench's 50 MB file (0.1 % of its bytes non-ASCII) took 0.95 s to decode chunk by chunk. Written
 * as `\uXXXX` escapes, the same JSON is ASCII: decoding it and escaping took 0.4 s, and
 * `JSON.parse` gives the same value. A file with much non-ASCII text (past one byte in eight) is
 * decoded as it is: there the escapes cost more than they save.
 *
 * @module
 */

const BACKSLASH = 0x5c;
/** `0`–`9`, `a`–`f` as bytes. */
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Past this share of non-ASCII bytes (once 64 KB have come), the text is decoded as it is. */
const MOST_NON_ASCII = 1 / 8;

/** The index of the first byte ≥ 0x80 in `bytes` from `i`, or `bytes.length`. Four bytes at a time. */
function nonAscii(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (i < n) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >> 2);
    let k = 0;
    while (k < words.length && (words[k]! & 0x80808080) === 0) k++;
    i += k * 4;
  }
  while (i < n && bytes[i]! < 0x80) i++;
  return i;
}

/**
 * UTF-8 JSON bytes written as ASCII: each run of non-ASCII bytes is decoded (as `TextDecoder`
 * decodes it: a run starts and ends at an ASCII byte, so it is decoded whole, invalid bytes
 * included) and written as `\uXXXX` escapes, one per UTF-16 code unit. Inside a JSON string that is
 * the same text; outside one, both forms are invalid JSON. The one place an escape would change
 * the meaning is right after a backslash (`"\é"` is invalid, `"\\u00e9"` is not): such a run is
 * kept as it is. A BOM at the start is dropped, as `TextDecoder` drops it.
 */
export class AsciiJson {
  readonly #parts: string[] = [];
  /** The non-ASCII bytes a chunk ended with: the rest of that run may come in the next one. */
  #carry: Uint8Array | undefined;
  /** The byte before the next run, when that run starts a chunk. */
  #before = 0;
  #out = new Uint8Array(0);
  #seen = 0;
  #nonAscii = 0;
  /** Nothing written yet: a run there may start with a BOM, which `#first` drops. */
  #start = true;
  readonly #first = new TextDecoder();
  readonly #runs = new TextDecoder('utf-8', { ignoreBOM: true });

  /** Takes the next chunk; false once so much of the text is non-ASCII that escaping it would not pay. */
  push(chunk: Uint8Array): boolean {
    let bytes = chunk;
    if (this.#carry) {
      bytes = new Uint8Array(this.#carry.length + chunk.length);
      bytes.set(this.#carry);
      bytes.set(chunk, this.#carry.length);
      this.#carry = undefined;
    }
    let end = bytes.length;
    while (end > 0 && bytes[end - 1]! >= 0x80) end--;
    if (end < bytes.length) this.#carry = bytes.slice(end);
    this.#write(bytes.subarray(0, end));
    this.#seen += chunk.length;
    return this.#seen < 65_536 || this.#nonAscii <= this.#seen * MOST_NON_ASCII;
  }

  /** The whole text, ASCII but for runs that follow a backslash. */
  end(): string {
    if (this.#carry) this.#write(this.#carry);
    this.#carry = undefined;
    return this.#parts.join('');
  }

  #write(bytes: Uint8Array): void {
    const n = bytes.length;
    if (n === 0) return;
    let i = nonAscii(bytes, 0);
    if (i === n) {
      this.#parts.push(this.#runs.decode(bytes));
    } else {
      let out = this.#reserve(0, n + 6 * 16);
      out.set(bytes.subarray(0, i));
      let j = i;
      while (i < n) {
        let e = i;
        while (e < n && bytes[e]! >= 0x80) e++;
        this.#nonAscii += e - i;
        const run = bytes.subarray(i, e);
        if ((i > 0 ? bytes[i - 1] : this.#before) === BACKSLASH) {
          out = this.#reserve(j, run.length + (n - e));
          out.set(run, j);
          j += run.length;
        } else {
          const text = (this.#start && i === 0 ? this.#first : this.#runs).decode(run);
          // At most six bytes per code unit; what follows the run is at most n - e bytes.
          out = this.#reserve(j, text.length * 6 + (n - e));
          for (let k = 0; k < text.length; k++) {
            const unit = text.charCodeAt(k);
            out[j] = BACKSLASH;
            out[j + 1] = 0x75; // u
            out[j + 2] = HEX[unit >> 12]!;
            out[j + 3] = HEX[(unit >> 8) & 15]!;
            out[j + 4] = HEX[(unit >> 4) & 15]!;
            out[j + 5] = HEX[unit & 15]!;
            j += 6;
          }
        }
        i = nonAscii(bytes, e);
        out.set(bytes.subarray(e, i), j);
        j += i - e;
      }
      this.#parts.push(this.#runs.decode(out.subarray(0, j)));
    }
    this.#before = bytes[n - 1]!;
    this.#start = false;
  }

  /** The output buffer with room for `more` bytes after the `used` ones (kept across chunks). */
  #reserve(used: number, more: number): Uint8Array {
    if (used + more <= this.#out.length) return this.#out;
    const out = new Uint8Array(Math.max(used + more, this.#out.length * 2));
    out.set(this.#out.subarray(0, used));
    return (this.#out = out);
  }
}

/** ASCII white space, which may come before a JSON text's first `[` or `{`. */
const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
/** UTF-8's byte order mark. */
const BOM = [0xef, 0xbb, 0xbf];

/**
 * A body read chunk by chunk. While it looks like JSON (its first byte after any BOM and white
 * space is `[` or `{`), its bytes go to {@link AsciiJson} and are kept, for `text` should the
 * JSON not parse or the file not be data after all. Otherwise they are decoded as they come.
 */
export class Body {
  /** Bytes kept while the JSON path may still need the text as it is. */
  #raw: Uint8Array[] | undefined = [];
  #json: AsciiJson | undefined;
  #decoder = new TextDecoder();
  #decoded: string[] = [];
  #text: string | undefined;
  #ascii: string | undefined;
  /** Leading bytes seen so far (a BOM, white space) before the first that says what this is. */
  #sniffed = 0;
  /** How many of those were a BOM's. */
  #bom = 0;
  /** Its first byte after a BOM and white space was `[` or `{`. */
  #jsonLike = false;

  push(chunk: Uint8Array): void {
    if (this.#raw && !this.#json) {
      this.#raw.push(chunk);
      const first = this.#firstByte(chunk);
      if (first === undefined) return;
      if (first === 0x5b || first === 0x7b) {
        this.#jsonLike = true;
        this.#json = new AsciiJson();
        for (const bytes of this.#raw) if (!this.#json.push(bytes)) return this.#decodeRaw();
      } else {
        this.#decodeRaw();
      }
      return;
    }
    if (this.#json) {
      this.#raw!.push(chunk);
      if (!this.#json.push(chunk)) this.#decodeRaw();
      return;
    }
    this.#decoded.push(this.#decoder.decode(chunk, { stream: true }));
  }

  /** The body is all there. */
  end(): void {
    this.#ascii = this.#json?.end();
    this.#json = undefined;
  }

  /** The body's text, decoded as `TextDecoder` decodes it (what was kept, on first use). */
  get text(): string {
    if (this.#text !== undefined) return this.#text;
    if (this.#raw) this.#decodeRaw();
    this.#decoded.push(this.#decoder.decode());
    this.#text = this.#decoded.join('');
    this.#decoded = [];
    return this.#text;
  }

  /** Whether the text starts as JSON does (`[` or `{` after white space). */
  get looksLikeJson(): boolean {
    return this.#jsonLike || /^\s*[[{]/.test(this.text);
  }

  /** The body parsed as JSON, or undefined when it is not JSON. */
  json(): { value: unknown } | undefined {
    const ascii = this.#ascii;
    this.#ascii = undefined;
    if (ascii !== undefined) {
      try {
        return { value: JSON.parse(ascii) as unknown };
      } catch {
        // Not JSON: the text as it is says so, in its own words and positions (below).
      }
    }
    try {
      return { value: JSON.parse(this.text) as unknown };
    } catch {
      return undefined;
    }
  }

  /** Stops escaping: what was kept is decoded as it is, and what comes next as it comes. */
  #decodeRaw(): void {
    this.#json = undefined;
    for (const bytes of this.#raw!) this.#decoded.push(this.#decoder.decode(bytes, { stream: true }));
    this.#raw = undefined;
  }

  /** The first byte that is not part of a leading BOM or white space, if this chunk holds it. */
  #firstByte(chunk: Uint8Array): number | undefined {
    for (const byte of chunk) {
      const at = this.#sniffed++;
      if (at === this.#bom && at < 3 && byte === BOM[at]) this.#bom++;
      else if (!isSpace(byte)) return byte;
    }
    return undefined;
  }
}
