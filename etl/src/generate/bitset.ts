/** Accepted/not flags per entity index: one bit each, grown on demand (4.4M tracks take 550 kB). */
export class GrowableBitSet {
  private bits = new Uint8Array(1024);

  set(index: number, value: boolean): void {
    const byte = index >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (index & 7);
    this.bits[byte] = value ? (this.bits[byte] as number) | mask : (this.bits[byte] as number) & ~mask;
  }

  has(index: number): boolean {
    const byte = index >>> 3;
    return byte < this.bits.length && ((this.bits[byte] as number) & (1 << (index & 7))) !== 0;
  }
}
