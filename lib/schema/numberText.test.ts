import { describe, expect, it } from "vitest";
import { joinDateTime, localOffsetAt, splitDateTime } from "./dateTime";
import { numberToText, parseNumberText } from "./numberText";

describe("number text as typed", () => {
  it("lets unfinished numbers through as unfinished, and finished ones as numbers", () => {
    expect(["", "  "].map(parseNumberText)).toEqual([{ kind: "empty" }, { kind: "empty" }]);
    for (const t of ["-", "+", ".", "1e", "1e-", "-.", "--2", "0x10", "Infinity", "1,5", "2-"])
      expect(parseNumberText(t).kind, t).toBe("invalid");
    const value = (t: string) => {
      const r = parseNumberText(t);
      return r.kind === "number" ? r.value : r.kind;
    };
    expect(["-2", "-5", "1.", "1.5", ".5", "-.5", "1e3", "1E-2", "+7", " 42 ", "-0"].map(value)).toEqual([
      -2, -5, 1, 1.5, 0.5, -0.5, 1000, 0.01, 7, 42, 0,
    ]);
    expect(parseNumberText("1e400")).toEqual({ kind: "invalid", message: "is too large for a JSON number" });
    expect(parseNumberText("1e")).toEqual({ kind: "invalid", message: '"1e" is not a number yet' });
  });

  it("shows a value it did not type plainly", () => {
    expect([numberToText(0), numberToText(-2.5), numberToText(undefined), numberToText(null)]).toEqual([
      "0",
      "-2.5",
      "",
      "",
    ]);
  });
});

describe("date-time as a local date and time plus an offset", () => {
  it("round-trips RFC 3339 values exactly", () => {
    for (const v of [
      "2026-01-02T03:04:05Z",
      "2026-01-02T03:04:05.678+02:00",
      "1999-12-31T23:59:59-05:30",
      "2024-02-29T00:00:00Z",
    ]) {
      const parts = splitDateTime(v)!;
      expect(parts, v).not.toBeNull();
      expect(joinDateTime(parts.local, parts.offset)).toBe(v);
    }
    expect(splitDateTime("2026-01-02T03:04:05.678+02:00")).toEqual({
      local: "2026-01-02T03:04:05.678",
      offset: "+02:00",
    });
  });

  it("leaves what the control cannot hold exactly to a text field", () => {
    for (const v of [
      "2026-01-02t03:04:05z",
      "2026-01-02 03:04:05Z",
      "2026-01-02T03:04:05.123456Z",
      "2026-01-02T03:04Z",
      "2023-02-29T00:00:00Z",
      "2026-01-02T24:00:00Z",
      "2026-01-02T03:04:60Z",
      "tomorrow",
    ]) {
      expect(splitDateTime(v), v).toBeNull();
    }
  });

  it("writes seconds even when the control leaves them out", () => {
    expect(joinDateTime("2026-01-02T03:04", "Z")).toBe("2026-01-02T03:04:00Z");
    expect(joinDateTime("2026-01-02T03:04:05", "-08:00")).toBe("2026-01-02T03:04:05-08:00");
    expect(joinDateTime("", "Z")).toBeUndefined();
    expect(joinDateTime("2026-02-30T03:04", "Z")).toBeUndefined();
  });

  it("knows the browser's offset at a local time", () => {
    expect(localOffsetAt("2026-01-02T03:04")).toMatch(/^[+-]\d{2}:\d{2}$/);
  });
});
