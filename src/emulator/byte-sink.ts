/**
 * An output chunk filled byte by byte: cheaper than building strings when writing gigabytes of
 * ASCII. Rows are far smaller than the slack, so a row never overflows the chunk.
 */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size + 16_384);
  }
  bytes(b: Uint8Array): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < b.length; i++) buf[pos++] = b[i] as number;
    this.pos = pos;
  }
  byte(c: number): void {
    this.buf[this.pos++] = c;
  }
  /** Zero-padded decimal of `width` digits. */
  digits(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) {
      this.buf[this.pos + i] = 48 + (value % 10);
      value = Math.floor(value / 10);
    }
    this.pos += width;
  }
  decimal(value: number): void {
    this.digits(value, value >= 100 ? 3 : value >= 10 ? 2 : 1);
  }
  get full(): boolean {
    return this.pos >= this.size;
  }
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size + 16_384);
    this.pos = 0;
    return out;
  }
}
