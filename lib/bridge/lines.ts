/** Splits a byte stream into lines at `\n` (a trailing `\r` is dropped), decoding each line as UTF-8. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partLength = 0;
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });

  constructor(private readonly maxLineBytes: number) {}

  /** Returns the complete lines in `chunk`; throws `LineTooLongError` when a line outgrows the limit. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      this.checkLimit(piece.length);
      lines.push(this.decode(this.partLength ? Buffer.concat([...this.parts, piece]) : piece));
      this.parts = [];
      this.partLength = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.checkLimit(rest.length);
      this.parts.push(Buffer.from(rest));
      this.partLength += rest.length;
    }
    return lines;
  }

  /** What is left without a newline at the end of the stream. */
  flush(): string | undefined {
    if (!this.partLength) return undefined;
    const line = this.decode(Buffer.concat(this.parts));
    this.parts = [];
    this.partLength = 0;
    return line;
  }

  private checkLimit(extra: number): void {
    if (this.partLength + extra > this.maxLineBytes) throw new LineTooLongError(this.maxLineBytes);
  }

  private decode(bytes: Buffer): string {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    return this.decoder.decode(bytes.subarray(0, end));
  }
}

export class LineTooLongError extends Error {
  constructor(readonly limit: number) {
    super(`a line on stdout exceeded ${Math.round(limit / (1024 * 1024))} MiB`);
  }
}
