import { describe, expect, it } from "vitest";
import { errorCodeName } from "./errorCodes";
import { childKeys, containerSummary, primitiveText } from "./jsonTree";
import { base64ByteLength, base64ToBytes, safeStringify, utf8Length } from "./limits";

describe("sizes", () => {
  it("computes decoded base64 and UTF-8 sizes", () => {
    expect(base64ByteLength("")).toBe(0);
    expect(base64ByteLength("YQ==")).toBe(1);
    expect(base64ByteLength("YWI=")).toBe(2);
    expect(base64ByteLength("YWJj")).toBe(3);
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    expect(Array.from(base64ToBytes("YWJj") ?? [])).toEqual([97, 98, 99]);
    expect(base64ToBytes("not base64!")).toBeNull();
  });

  it("stringifies anything without throwing", () => {
    const deep: unknown[] = [];
    let cur = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      cur.push(next);
      cur = next;
    }
    expect(safeStringify(deep)).toMatch(/cannot be shown as JSON/);
    expect(safeStringify({ a: 1 }, 0)).toBe('{"a":1}');
  });
});

describe("errorCodeName", () => {
  it("names standard, MCP and reserved codes", () => {
    expect(errorCodeName(-32700)).toBe("Parse error");
    expect(errorCodeName(-32600)).toBe("Invalid request");
    expect(errorCodeName(-32601)).toBe("Method not found");
    expect(errorCodeName(-32602)).toBe("Invalid params");
    expect(errorCodeName(-32603)).toBe("Internal error");
    expect(errorCodeName(-32002)).toBe("Resource not found");
    expect(errorCodeName(-32042)).toBe("URL elicitation required");
    expect(errorCodeName(-32050)).toBe("Server error");
    expect(errorCodeName(42)).toBeUndefined();
  });
});

describe("jsonTree helpers", () => {
  it("pages large arrays without touching the rest", () => {
    const big = new Array(1_000_000).fill(0);
    const { keys, total } = childKeys(big, 100);
    expect(keys).toHaveLength(100);
    expect(total).toBe(1_000_000);
    expect(containerSummary(big, total)).toBe("[1000000 items]");
    expect(containerSummary({ a: 1 }, 1)).toBe("{1 key}");
  });

  it("cuts long strings", () => {
    expect(primitiveText("x".repeat(10), 4)).toEqual({ text: '"xxxx…', cut: 6 });
    expect(primitiveText("a\nb")).toEqual({ text: '"a\\nb"', cut: 0 });
    expect(primitiveText(null).text).toBe("null");
  });
});
