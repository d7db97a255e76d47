import type { Tool } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import {
  confirmCall,
  isDestructive,
  parseTimeoutSeconds,
  parseTtl,
  prepareCall,
  sendMode,
  type CallMode,
} from "./prepareCall";

const tool = (annotations?: Tool["annotations"]): Tool => ({
  name: "wipe",
  inputSchema: { type: "object" },
  annotations,
});
const plain: CallMode = { tasksOffered: false, asTask: false, ttlText: "", timeoutS: 60 };

describe("isDestructive", () => {
  it("asks only about a tool that says it is destructive and not read-only", () => {
    expect(isDestructive(tool())).toBe(false);
    expect(isDestructive(tool({ destructiveHint: true }))).toBe(true);
    expect(isDestructive(tool({ destructiveHint: true, readOnlyHint: true }))).toBe(false);
    expect(isDestructive(tool({ destructiveHint: false }))).toBe(false);
  });
});

describe("prepareCall", () => {
  it("sends a harmless call with valid arguments at once, with the timeout in ms", () => {
    expect(prepareCall({ tool: tool(), errorCount: 0, mode: plain })).toEqual({ kind: "call", timeoutMs: 60_000 });
  });

  it("confirms a destructive tool first, then invalid arguments, then sends", () => {
    const destructive = tool({ destructiveHint: true });
    const first = prepareCall({ tool: destructive, errorCount: 2, mode: plain });
    expect(first).toEqual({
      kind: "confirm",
      confirmation: { reason: "destructive", message: "wipe is marked destructive by the server. Call it?" },
    });
    const second = prepareCall({
      tool: destructive,
      errorCount: 2,
      pending: { reason: "destructive", message: "" },
      mode: plain,
    });
    expect(second).toEqual({
      kind: "confirm",
      confirmation: {
        reason: "invalid",
        message: "The arguments do not match the tool's inputSchema (2 errors). Send them anyway, to test the server?",
      },
    });
    // Call pressed again while the "invalid" question shows: a destructive tool asks its question again.
    expect(
      prepareCall({ tool: destructive, errorCount: 2, pending: { reason: "invalid", message: "" }, mode: plain }),
    ).toMatchObject({ kind: "confirm", confirmation: { reason: "destructive" } });
  });

  it("does not ask about a destructive tool the person trusted for this session, but still about invalid arguments", () => {
    const destructive = tool({ destructiveHint: true });
    expect(prepareCall({ tool: destructive, errorCount: 0, mode: plain, trusted: true })).toEqual({
      kind: "call",
      timeoutMs: 60_000,
    });
    expect(prepareCall({ tool: destructive, errorCount: 1, mode: plain, trusted: true })).toMatchObject({
      kind: "confirm",
      confirmation: { reason: "invalid" },
    });
  });

  it("asks about invalid arguments once, in the singular for one error", () => {
    expect(prepareCall({ tool: tool(), errorCount: 1, mode: plain })).toMatchObject({
      kind: "confirm",
      confirmation: { reason: "invalid", message: expect.stringContaining("(1 error)") },
    });
    expect(
      prepareCall({ tool: tool(), errorCount: 1, pending: { reason: "invalid", message: "" }, mode: plain }),
    ).toEqual({ kind: "call", timeoutMs: 60_000 });
  });

  it("runs as a task only when tasks are offered and asked for", () => {
    expect(prepareCall({ tool: tool(), errorCount: 0, mode: { ...plain, asTask: true } })).toEqual({
      kind: "call",
      timeoutMs: 60_000,
    });
    expect(prepareCall({ tool: tool(), errorCount: 0, mode: { ...plain, tasksOffered: true } })).toEqual({
      kind: "call",
      timeoutMs: 60_000,
    });
    expect(
      prepareCall({
        tool: tool(),
        errorCount: 0,
        mode: { ...plain, tasksOffered: true, asTask: true, ttlText: " 5000 " },
      }),
    ).toEqual({ kind: "task", options: { ttl: 5000 } });
    expect(sendMode({ ...plain, tasksOffered: true, asTask: true, ttlText: "soon" })).toEqual({
      kind: "task",
      options: {},
    });
  });
});

describe("confirmCall", () => {
  it("goes from a confirmed destructive call to the invalid-arguments question when arguments fail", () => {
    expect(confirmCall({ reason: "destructive", message: "" }, 3, plain)).toEqual({
      kind: "confirm",
      confirmation: {
        reason: "invalid",
        message: "The arguments do not match the tool's inputSchema. Send them anyway?",
      },
    });
    expect(confirmCall({ reason: "destructive", message: "" }, 0, { ...plain, timeoutS: 5 })).toEqual({
      kind: "call",
      timeoutMs: 5000,
    });
    expect(confirmCall({ reason: "invalid", message: "" }, 3, plain)).toEqual({ kind: "call", timeoutMs: 60_000 });
  });
});

describe("parsing the Call bar", () => {
  it("reads the TTL: empty or not a number is the server's default", () => {
    expect(parseTtl("")).toBeUndefined();
    expect(parseTtl("   ")).toBeUndefined();
    expect(parseTtl("abc")).toBeUndefined();
    expect(parseTtl("Infinity")).toBeUndefined();
    expect(parseTtl("0")).toBe(0);
    expect(parseTtl("1500")).toBe(1500);
    expect(parseTtl("1e3")).toBe(1000);
  });

  it("reads the timeout: at least one second", () => {
    expect(parseTimeoutSeconds("30")).toBe(30);
    expect(parseTimeoutSeconds("0")).toBe(1);
    expect(parseTimeoutSeconds("-4")).toBe(1);
    expect(parseTimeoutSeconds("")).toBe(1);
    expect(parseTimeoutSeconds("x")).toBe(1);
    expect(parseTimeoutSeconds("2.5")).toBe(2.5);
  });
});
