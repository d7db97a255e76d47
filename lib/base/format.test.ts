import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatTime } from "./format";

describe("time formats (one everywhere: 24-hour, local time)", () => {
  const afternoon = new Date(2026, 11, 5, 15, 4, 9, 7).getTime();
  it("formatTime is HH:MM:SS, 24-hour whatever the locale", () => {
    expect(formatTime(afternoon)).toBe("15:04:09");
    expect(formatTime(new Date(2026, 0, 1, 0, 0, 0).getTime())).toBe("00:00:00");
  });
  it("formatClock adds milliseconds; formatDateTime the date first", () => {
    expect(formatClock(afternoon)).toBe("15:04:09.007");
    expect(formatDateTime(afternoon)).toBe("2026-12-05 15:04:09");
  });
});
