/**
 * Sorting a million spans without comparing objects: an index permutation over typed arrays, by a
 * stable least-significant-digit radix sort on the bits of the keys. Linear in n (a few passes of
 * 8 or 16 bits each), where a comparison sort over event objects is n log n calls of a comparator.
 *
 * @module
 */

/** Whether this platform stores a float64's high word second (little-endian), as typed arrays see it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The keys as unsigned 32-bit word pairs that order as the numbers do, written into `hi` and `lo`:
 * positive floats order as their bits with the sign flipped, negative ones with every bit flipped.
 * `-0` reads as `0`. Read in place, into word arrays shared by every key: a fresh typed array
 * costs its first touch of memory, at a million keys more than the loop.
 */
function sortableWords(keys: Float64Array, hi: Uint32Array, lo: Uint32Array): void {
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  const h = LITTLE_ENDIAN ? 1 : 0;
  const l = 1 - h;
  for (let i = 0; i < keys.length; i++) {
    const high = words[2 * i + h]!;
    const low = words[2 * i + l]!;
    // Negative: the sign bit and any other (-0, the sign bit alone, takes 0's words below).
    if (high >>> 31 && (high << 1) | low) {
      hi[i] = ~high >>> 0;
      lo[i] = ~low >>> 0;
    } else {
      hi[i] = (high | 0x80000000) >>> 0;
      lo[i] = low;
    }
  }
}

/**
 * One stable counting pass of `order` by the digit of `words` at `shift` (`counts.length` buckets),
 * into `out`.
 * Returns false, touching nothing, when every key has the same digit there (a pass that would not
 * move anything).
 */
function pass(order: Uint32Array, out: Uint32Array, words: Uint32Array, shift: number, counts: Uint32Array): boolean {
  const n = order.length;
  const buckets = counts.length;
  const mask = buckets - 1;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(words[i]! >>> shift) & mask]!++;
  if (counts[(words[0]! >>> shift) & mask] === n) return false;
  let sum = 0;
  for (let d = 0; d < buckets; d++) {
    const count = counts[d]!;
    counts[d] = sum;
    sum += count;
  }
  for (let i = 0; i < n; i++) {
    const position = order[i]!;
    out[counts[(words[position]! >>> shift) & mask]!++] = position;
  }
  return true;
}

/** Whether positions `0…n-1` are already in order by the keys, compared in turn. */
function inOrder(keys: readonly ArrayLike<number>[]): boolean {
  const n = keys[0]?.length ?? 0;
  for (let i = 1; i < n; i++) {
    for (const key of keys) {
      const a = key[i - 1]!;
      const b = key[i]!;
      if (a < b) break;
      if (a > b) return false;
    }
  }
  return true;
}

/**
 * The positions `0…n-1` ordered by the first key, ties by the second and so on, remaining ties in
 * position order (a stable sort): what `Array#sort` with a comparator `a[0] - b[0] || a[1] - b[1]
 * || …` gives, for finite numbers (`-0` equals `0`). Already sorted input costs one comparing pass.
 *
 * @param keys Parallel arrays of numbers, most significant first.
 */
export function sortOrder(...keys: Float64Array[]): Uint32Array {
  const n = keys[0]?.length ?? 0;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2 || inOrder(keys)) return order;
  let spare = new Uint32Array(n);
  // 16-bit digits (4 passes per key) for large n; 8-bit ones when a 65,536-bucket table would cost more than the data.
  const digitBits = n >= 1 << 16 ? 16 : 8;
  const counts = new Uint32Array(1 << digitBits);
  // Least significant key and digit first: each stable pass keeps the order of the ones before.
  let identity = true;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let k = keys.length - 1; k >= 0; k--) {
    // Sorting the identity by a key already in position order (input order, say) moves nothing.
    if (identity && inOrder([keys[k]!])) continue;
    identity = false;
    sortableWords(keys[k]!, hi, lo);
    for (const words of [lo, hi]) {
      for (let shift = 0; shift < 32; shift += digitBits) {
        if (pass(order, spare, words, shift, counts)) [order, spare] = [spare, order];
      }
    }
  }
  return order;
}
