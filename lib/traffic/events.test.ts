import { describe, expect, it } from "vitest";
import { EVENT_CODES, EVENT_SOURCES, eventSource, isEventCode } from "./events";
import { TrafficLog } from "./log";

const syncLog = () => new TrafficLog({ now: () => 1, schedule: (f) => f() });

describe("event codes", () => {
  it("give each code one of the sources, and every source but unknown writes more than a fallback", () => {
    for (const source of Object.values(EVENT_CODES)) expect(EVENT_SOURCES).toContain(source);
    for (const source of EVENT_SOURCES) expect(Object.values(EVENT_CODES)).toContain(source);
    expect(eventSource("process-started")).toBe("bridge");
    expect(eventSource("connecting")).toBe("session");
  });

  it("tell codes from other strings, own keys only", () => {
    expect(isEventCode("connected")).toBe(true);
    expect(isEventCode("toString")).toBe(false);
    expect(isEventCode("Connected")).toBe(false);
    expect(isEventCode(undefined)).toBe(false);
  });
});

describe("TrafficLog events", () => {
  it("record the code with the source that writes it, and the message as given", () => {
    const log = syncLog();
    log.event("redirect-followed", "info", "any words at all");
    expect(log.entries[0]).toEqual({
      kind: "event",
      seq: 0,
      ts: 1,
      level: "info",
      source: "transport",
      code: "redirect-followed",
      message: "any words at all",
    });
  });

  it("mark session boundaries with their codes", () => {
    const log = syncLog();
    log.sessionEnded("connection-lost", "error", "Connection lost", "unreachable");
    log.sessionEnded("connection-closed", "warn", "closed", "the server exited");
    log.sessionStarted("new session: reconnected by you, same settings", "reconnected by you");
    expect(log.entries.map((e) => e.kind === "event" && [e.source, e.code, e.mark?.type])).toEqual([
      ["session", "connection-lost", "session-ended"],
      ["session", "connection-closed", "session-ended"],
      ["session", "session-started", "session-started"],
    ]);
  });
});
