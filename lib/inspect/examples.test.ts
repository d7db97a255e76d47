import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRecording, RECORDING_VERSION, recordingLog, serializeRecording } from "./recording";
import { validateFrame } from "./validate";

const dir = join(import.meta.dirname, "../../docs/recordings");

describe("the shipped worked-example recordings", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  it("exist", () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)("%s opens, and every frame it recorded validates", (file) => {
    const parsed = parseRecording(readFileSync(join(dir, file), "utf8"));
    if ("error" in parsed) throw new Error(parsed.error);
    const log = recordingLog(parsed.recording);
    const frames = log.entries.filter((e) => e.kind === "frame");
    expect(frames.length).toBeGreaterThan(5);
    for (const f of frames) {
      const v = validateFrame(f, log.entries, { protocolVersion: parsed.recording.negotiated.protocolVersion });
      expect(v.status, `${file} #${f.seq}: ${JSON.stringify(v.violations)}`).not.toBe("invalid");
    }
  });
  it.each(files)("%s, written before event codes, opens with a code for every event", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const parsed = parseRecording(text);
    if ("error" in parsed) throw new Error(parsed.error);
    expect(parsed.recording.v).toBe(RECORDING_VERSION);
    const events = recordingLog(parsed.recording).entries.filter((e) => e.kind === "event");
    expect(events.length).toBeGreaterThan(0);
    // The examples are a stdio session from connect to disconnect: every one of their notes is a known kind.
    expect(events.map((e) => [e.source, e.code])).toEqual([
      ["session", "connecting"],
      ["bridge", "process-starting"],
      ["bridge", "process-started"],
      ["session", "connected"],
      ["bridge", "process-exited"],
      ["session", "disconnected"],
    ]);
    // Read again after export, the codes are kept as written (no prose is read for a v2 file).
    const again = parseRecording(serializeRecording({ ...parsed.recording }));
    if ("error" in again) throw new Error(again.error);
    expect(again.recording.traffic).toStrictEqual(parsed.recording.traffic);
  });
});
