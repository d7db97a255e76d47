/**
 * Splits a byte stream into lines at `\n` (a trailing `\r` is dropped), decoding each line as UTF-8.
 * A line that outgrows the limit is never delivered, not even in part: its bytes are dropped up to
 * the next newline, and `push` throws `LineTooLongError` once for it.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partLength = 0;
  /** Inside an over-long line: drop bytes until the next newline. */
  private discarding = false;
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });

  constructor(private readonly maxLineBytes: number) {}

  /** Returns the complete lines in `chunk`; throws `LineTooLongError` when a line outgrows the limit. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    let tooLong = false;
    let head: string | undefined;
    let seen: number | undefined;
    let complete = false;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (this.partLength + piece.length > this.maxLineBytes) {
        if (seen === undefined) complete = true;
        head ??= this.head(piece);
        seen ??= this.partLength + piece.length;
        this.drop();
        tooLong = true;
        continue;
      }
      lines.push(this.decode(this.partLength ? Buffer.concat([...this.parts, piece]) : piece));
      this.drop();
    }
    if (start < chunk.length && !this.discarding) {
      const rest = chunk.subarray(start);
      if (this.partLength + rest.length > this.maxLineBytes) {
        head ??= this.head(rest);
        seen ??= this.partLength + rest.length;
        this.drop();
        this.discarding = true;
        tooLong = true;
      } else {
        this.parts.push(Buffer.from(rest));
        this.partLength += rest.length;
      }
    }
    if (tooLong) throw new LineTooLongError(this.maxLineBytes, head ?? "", seen ?? 0, complete);
    return lines;
  }

  /** What is left without a newline at the end of the stream (nothing when that was an over-long line). */
  flush(): string | undefined {
    if (!this.partLength || this.discarding) return undefined;
    const line = this.decode(Buffer.concat(this.parts));
    this.drop();
    return line;
  }

  /** The first bytes of the over-long line being dropped, decoded, to show what the server tried to send. */
  private head(next: Buffer): string {
    const bytes = Buffer.concat([...this.parts, next.subarray(0, HEAD_BYTES)]).subarray(0, HEAD_BYTES);
    return this.decoder.decode(bytes);
  }

  private drop(): void {
    this.parts = [];
    this.partLength = 0;
  }

  private decode(bytes: Buffer): string {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    return this.decoder.decode(bytes.subarray(0, end));
  }
}

/** How much of an over-long line is kept to show. */
export const HEAD_BYTES = 64 * 1024;

export class LineTooLongError extends Error {
  /** `head`: the first `HEAD_BYTES` of the line, decoded; `seen`: its bytes read when it was refused; `complete`: the line's end was among them. */
  constructor(
    readonly limit: number,
    readonly head = "",
    readonly seen = 0,
    readonly complete = false,
  ) {
    super(`a line on stdout that exceeded ${Math.round(limit / (1024 * 1024))} MiB`);
  }
}
