import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRecording, recordingLog } from "./recording";
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
});
