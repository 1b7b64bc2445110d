/**
 * Dense integer codes for byte strings, in order of first appearance: one open-addressing
 * hash table per id column, keyed on the field's bytes, so a million ids are coded without
 * making a million strings. Level bytes live in one growing arena.
 */
export class ByteKeyCodes {
  private slots: Int32Array = new Int32Array(1 << 12); // code + 1, 0 = empty
  private hashes: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(257);
  private arena: Uint8Array = new Uint8Array(1 << 12);
  private used = 0;
  count = 0;

  /** The code of bytes `b[s..e)`, adding a level when they are new. */
  code(b: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    return this.codeHashed(b, s, e, h);
  }

  /** `code` when the caller has already computed the FNV-1a hash `h` of the bytes. */
  codeHashed(b: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    const len = e - s;
    for (;;) {
      const c = this.slots[slot] - 1;
      if (c < 0) break;
      if (this.hashes[c] === h) {
        const a = this.starts[c];
        if (this.starts[c + 1] - a === len) {
          let same = true;
          for (let k = 0; k < len; k++) if (this.arena[a + k] !== b[s + k]) { same = false; break; }
          if (same) return c;
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.add(b, s, e, h, slot);
  }

  /** The bytes of level `k`. */
  level(k: number): Uint8Array {
    return this.arena.subarray(this.starts[k], this.starts[k + 1]);
  }

  private add(b: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const c = this.count++;
    if (c + 1 >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2);
      this.starts = grow(this.starts, this.starts.length * 2);
    }
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(b.subarray(s, e), this.used);
    this.used += len;
    this.hashes[c] = h;
    this.starts[c + 1] = this.used;
    this.slots[slot] = c + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return c;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let c = 0; c < this.count; c++) {
      let slot = this.hashes[c] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = c + 1;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  out.set(a);
  return out;
}
