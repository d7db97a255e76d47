import { describe, expect, it } from "vitest";
import { LineSplitter, LineTooLongError } from "./lines";

const b = (s: string) => Buffer.from(s, "utf8");

describe("LineSplitter", () => {
  it("joins a line split across chunks and drops a trailing CR", () => {
    const s = new LineSplitter(100);
    expect(s.push(b('{"a":'))).toEqual([]);
    expect(s.push(b('1}\r\n{"b":2}\n'))).toEqual(['{"a":1}', '{"b":2}']);
    expect(s.flush()).toBeUndefined();
  });

  it("never delivers any part of an over-long line, and resumes after its newline", () => {
    const s = new LineSplitter(10);
    expect(s.push(b("short\n0123456"))).toEqual(["short"]);
    let error: unknown;
    try {
      s.push(b("789abcdef"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LineTooLongError);
    expect((error as LineTooLongError).head).toBe("0123456789abcdef");
    expect(error).toMatchObject({ seen: 16, complete: false });
    // The tail of the long line is dropped up to its newline, never joined into a fake message.
    expect(s.push(b("still-the-long-line\nnext\n"))).toEqual(["next"]);
  });

  it("says when the over-long line's end was in the same chunk, with its full size", () => {
    const s = new LineSplitter(4);
    expect(() => s.push(b("abcdefgh\nok\n"))).toThrow(expect.objectContaining({ seen: 8, complete: true }));
  });

  it("has nothing to flush when the stream ends inside an over-long line", () => {
    const s = new LineSplitter(4);
    expect(() => s.push(b("abcdefgh"))).toThrow(/a line on stdout that exceeded/);
    expect(s.flush()).toBeUndefined();
  });

  it("flushes a last line without a newline", () => {
    const s = new LineSplitter(100);
    s.push(b("tail"));
    expect(s.flush()).toBe("tail");
  });
});
