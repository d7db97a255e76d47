/**
 * An incremental reader of the SSE wire format (WHATWG "event stream interpretation") that keeps
 * what a dispatching parser throws away: comments, `retry:` lines, unknown fields, `id:`-only
 * blocks and the number of `data:` lines, so the capture point can log each block for what it is.
 */

/** One block of field lines, ended by a blank line. */
export interface SseBlock {
  id?: string;
  event?: string;
  /** The `data:` lines in order (an empty array when the block had none). */
  data: string[];
  /** Raw `retry:` values, valid or not. */
  retry: string[];
  comments: string[];
  /** Fields the format does not define (the client ignores them). */
  unknown: string[];
}

const emptyBlock = (): SseBlock => ({ data: [], retry: [], comments: [], unknown: [] });

export class SseBlockReader {
  /** The current line's text so far, in pieces (a 12 MB data line comes in many chunks). */
  private parts: string[] = [];
  private afterCr = false;
  private block = emptyBlock();
  private lines = 0;
  private first = true;

  /** Feed decoded text; returns the blocks it completed. */
  push(text: string): SseBlock[] {
    if (this.first && text) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // The LF of a CRLF split across two chunks.
    if (this.afterCr && text.charCodeAt(0) === 10) text = text.slice(1);
    this.afterCr = false;
    const out: SseBlock[] = [];
    const terminator = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = terminator.exec(text); m; m = terminator.exec(text)) {
      const piece = text.slice(start, m.index);
      const line = this.parts.length ? this.parts.join("") + piece : piece;
      this.parts = [];
      this.line(line, out);
      start = m.index + m[0].length;
      if (m[0] === "\r" && start === text.length) this.afterCr = true;
    }
    if (start < text.length) this.parts.push(text.slice(start));
    return out;
  }

  /** The block left open when the stream ended (no closing blank line): never dispatched by a client. */
  pending(): SseBlock | undefined {
    if (this.parts.length) this.line(this.parts.join(""), []);
    this.parts = [];
    return this.lines ? this.block : undefined;
  }

  private line(line: string, out: SseBlock[]): void {
    if (line === "") {
      if (this.lines) out.push(this.block);
      this.block = emptyBlock();
      this.lines = 0;
      return;
    }
    this.lines++;
    if (line.startsWith(":")) {
      this.block.comments.push(line.slice(line.startsWith(": ") ? 2 : 1));
      return;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + (line.charCodeAt(colon + 1) === 32 ? 2 : 1));
    switch (field) {
      case "data":
        this.block.data.push(value);
        return;
      case "event":
        this.block.event = value || undefined;
        return;
      case "id":
        if (!value.includes("\0")) this.block.id = value;
        return;
      case "retry":
        this.block.retry.push(value);
        return;
      default:
        this.block.unknown.push(field);
    }
  }
}
