import { lower } from './tokenize.ts';

/**
 * The distinct tokens of a corpus, looked up by their characters where they stand in a
 * text, lower-cased as they are read. Indexing 100,000 lessons reads 2.5 million tokens
 * but only a few thousand distinct ones: a token seen before costs a hash and a compare,
 * not a new string (a string per token was most of the build's garbage, and garbage
 * stays resident as young-generation pages).
 */
export class TokenTable {
  /** open addressing: entry + 1, or 0 for an empty slot */
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 10);
  private readonly texts: string[] = [];

  get size(): number {
    return this.texts.length;
  }

  /** The token as stored (lower case). */
  text(entry: number): string {
    return this.texts[entry] ?? '';
  }

  /** The entry of `text[start, end)` read in lower case (`hash`: its {@link hashToken}), or -1. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = (this.slots[s] ?? 0) - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] === hash && this.matches(entry, text, start, end)) return entry;
    }
  }

  /** Adds `text[start, end)` (not yet present) in lower case; returns its entry. */
  add(text: string, start: number, end: number, hash: number): number {
    const entry = this.texts.length;
    if ((entry + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (entry === this.hashes.length) this.hashes = grown(this.hashes, entry * 2);
    this.texts.push(text.slice(start, end).toLowerCase());
    this.hashes[entry] = hash;
    this.place(entry, hash);
    return entry;
  }

  private matches(entry: number, text: string, start: number, end: number): boolean {
    const stored = this.texts[entry] ?? '';
    if (stored.length !== end - start) return false;
    // Most tokens are written in lower case: one native compare.
    if (text.startsWith(stored, start)) return true;
    for (let k = 0; k < stored.length; k++) {
      if (stored.charCodeAt(k) !== lower(text.charCodeAt(start + k))) return false;
    }
    return true;
  }

  private place(entry: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let e = 0; e < this.texts.length; e++) this.place(e, this.hashes[e] ?? 0);
  }
}

/** A copy of `a` with room for `capacity` items. */
export function grown<T extends Int32Array | Uint16Array | Int8Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(capacity, 16));
  b.set(a);
  return b;
}
